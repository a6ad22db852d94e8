/**
 * Roledeck's data directory, the same one Electron's app.getPath('userData') gives the desktop
 * app (productName "Roledeck"), computed without Electron so the CLI finds the same store.
 * ROLEDECK_HOME overrides it (tests, portable setups).
 *
 * Every credential_process call starts here, so node:os and node:path are taken with
 * process.getBuiltinModule rather than imported: their ESM facades cost ~0.3 ms each per process.
 */
export function resolveAppHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = process.getBuiltinModule('node:os').homedir(),
): string {
  const path = process.getBuiltinModule('node:path');
  if (env.ROLEDECK_HOME) return path.resolve(env.ROLEDECK_HOME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Roledeck');
  // An empty or relative variable counts as unset (the XDG base directory spec says to ignore a
  // relative path): it would put the data folder wherever the command happens to run.
  const isAbsolute = platform === 'win32' ? path.win32.isAbsolute : path.posix.isAbsolute;
  const absolute = (value: string | undefined): string | undefined => (value && isAbsolute(value) ? value : undefined);
  if (platform === 'win32') return path.join(absolute(env.APPDATA) ?? path.join(home, 'AppData', 'Roaming'), 'Roledeck');
  return path.join(absolute(env.XDG_CONFIG_HOME) ?? path.join(home, '.config'), 'Roledeck');
}
