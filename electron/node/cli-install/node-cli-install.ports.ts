import os from 'node:os';
import { loginShellPath } from '../aws-files/cli-launcher';
import type { CliInstallPorts } from './cli-install.ports';
import { nodeCliInstallFs } from './node-cli-install.fs';
import { powershellUserPath } from './powershell.user-path';

/**
 * The production ports of the install service. `bundledCli`: the executable inside the packaged
 * app (Electron main passes resources/cli/roledeck; other hosts have none). A terminal's PATH is
 * the login shell's on macOS and Linux (an app started from the dock has a short one of its own).
 */
export function nodeCliInstallPorts(options: { bundledCli: string | null; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; home?: string }): CliInstallPorts {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  return {
    platform,
    home: options.home ?? os.homedir(),
    env,
    bundledCli: options.bundledCli,
    fs: nodeCliInstallFs(platform),
    terminalPath: async () => (platform === 'win32' ? null : await loginShellPath(env)) ?? env.PATH ?? env.Path ?? '',
    ...(platform === 'win32' ? { userPath: powershellUserPath() } : {}),
  };
}
