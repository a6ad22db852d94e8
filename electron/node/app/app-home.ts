import os from 'node:os';
import path from 'node:path';

/**
 * Roledeck's data directory, the same one Electron's app.getPath('userData') gives the desktop
 * app (productName "Roledeck"), computed without Electron so the CLI finds the same store.
 * ROLEDECK_HOME overrides it (tests, portable setups).
 */
export function resolveAppHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.ROLEDECK_HOME) return path.resolve(env.ROLEDECK_HOME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Roledeck');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Roledeck');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Roledeck');
}
