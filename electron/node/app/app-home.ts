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
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Roledeck');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Roledeck');
}
