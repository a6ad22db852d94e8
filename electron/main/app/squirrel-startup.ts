import path from 'node:path';

/**
 * Squirrel.Windows (the Forge squirrel maker's installer) runs the app once with
 * `--squirrel-install`, `--squirrel-updated`, `--squirrel-uninstall` or `--squirrel-obsolete`
 * and expects it to do its chore and exit quickly. Without this the installer would open the
 * app mid-install and leave no Start-menu shortcut. (The same job as electron-squirrel-startup,
 * without the dependency.)
 *
 * Returns the Update.exe arguments to run (possibly none) and that the app must quit, or null
 * when this is a normal start.
 */
export function squirrelStartupAction(
  argv: readonly string[],
  platform: NodeJS.Platform,
  execPath: string,
): { updateExe: string; args: string[] } | null {
  if (platform !== 'win32') return null;
  const command = argv[1];
  const exe = path.win32.basename(execPath);
  const updateExe = path.win32.resolve(path.win32.dirname(execPath), '..', 'Update.exe');
  switch (command) {
    case '--squirrel-install':
    case '--squirrel-updated':
      return { updateExe, args: [`--createShortcut=${exe}`] };
    case '--squirrel-uninstall':
      return { updateExe, args: [`--removeShortcut=${exe}`] };
    case '--squirrel-obsolete':
      return { updateExe, args: [] };
    default:
      return null;
  }
}
