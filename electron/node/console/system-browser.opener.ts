import { spawn } from 'node:child_process';
import type { UrlOpener } from '../../../shared/ports/url-opener';

/**
 * The command that hands a URL to the default browser, as argv (no shell). Windows' `start` is a
 * cmd.exe built-in, and through cmd the `&` between the login URL's parameters would split the
 * command; rundll32's URL handler takes the URL as one argument instead.
 */
export function browserCommand(platform: NodeJS.Platform, url: string): string[] {
  if (platform === 'darwin') return ['open', url];
  if (platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler', url];
  return ['xdg-open', url];
}

/** Opens URLs with the system's opener (the CLI, and the app: both plain Node here). Never logs the URL. */
export class SystemBrowserOpener implements UrlOpener {
  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  open(url: string): Promise<void> {
    const [command, ...args] = browserCommand(this.platform, url);
    return new Promise((resolve, reject) => {
      const child = spawn(command!, args, { shell: false, stdio: 'ignore', detached: true, windowsHide: true });
      child.once('error', () => reject(new Error(`Could not start ${command} to open the browser. Run the command again with --print and open the URL yourself.`)));
      // The opener hands over and exits; the browser lives on without us.
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
  }
}
