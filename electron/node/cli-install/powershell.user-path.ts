import { execFile } from 'node:child_process';
import type { UserPathStore } from './cli-install.ports';

/**
 * The user's PATH in HKCU\Environment, through PowerShell. Read and written raw, as
 * REG_EXPAND_SZ, so entries like %USERPROFILE%\bin stay references (Environment.SetEnvironmentVariable
 * would store them expanded); `setx` is not used because it truncates at 1,024 characters. Setting a
 * variable through Environment afterwards makes Windows broadcast WM_SETTINGCHANGE, so Explorer and
 * terminals opened from now on see the new PATH. Never run here: no Windows machine (unit tests
 * cover the decisions around it with a fake).
 */
export function powershellUserPath(run: typeof execFile = execFile): UserPathStore {
  const powershell = (script: string, env: NodeJS.ProcessEnv = {}) =>
    new Promise<string>((resolve, reject) => {
      run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { env: { ...process.env, ...env }, windowsHide: true }, (error, stdout) =>
        error ? reject(error) : resolve(String(stdout)),
      );
    });
  return {
    read: async () =>
      (await powershell("$k = [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey('Environment'); if ($k) { $k.GetValue('Path', '', 'DoNotExpandEnvironmentNames') }")).replace(/\r?\n$/, ''),
    write: async (value) => {
      // The value travels in an environment variable: no quoting of user paths inside the script.
      await powershell(
        "[Microsoft.Win32.Registry]::SetValue('HKEY_CURRENT_USER\\Environment', 'Path', $env:ROLEDECK_USER_PATH, [Microsoft.Win32.RegistryValueKind]::ExpandString); " +
          "[Environment]::SetEnvironmentVariable('ROLEDECK_PATH_CHANGED', $null, 'User')",
        { ROLEDECK_USER_PATH: value },
      );
    },
  };
}
