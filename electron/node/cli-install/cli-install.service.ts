import { RoledeckError } from '../../../shared/contract/errors';
import type { CliInstallStatus } from '../../../shared/domain/cli-install';
import { chooseLinkDir, cliInstallOutcome, commandCandidates, joinPath, parentDir, posixLinkDirs, samePath, windowsShim, windowsShimDir, withPathEntry } from '../../../shared/logic/cli-install';
import type { CliInstallPorts } from './cli-install.ports';

/**
 * "Install the roledeck command": puts the CLI the app carries (resources/cli/roledeck, a Node
 * single executable) where a terminal finds it, and tells where it is and whether a terminal
 * would run it. macOS and Linux: a symbolic link in ~/.local/bin (or /usr/local/bin, see
 * chooseLinkDir); the executable finds its keychain binary beside its real path, so the link
 * works. Windows: a roledeck.cmd shim in %LOCALAPPDATA%\Roledeck\bin, and that folder on the
 * user's PATH. The Windows path is unit-tested with fakes only; no Windows machine here.
 */
export class CliInstallService {
  constructor(private readonly ports: CliInstallPorts) {}

  async status(): Promise<CliInstallStatus> {
    const { platform, bundledCli } = this.ports;
    const target = bundledCli ? await this.target() : null;
    const installedAt = target && (await this.isOurs(target)) ? target : null;
    const terminalFinds = await this.terminalLookup();
    const terminalRunsOurs = terminalFinds !== null && bundledCli !== null && (await this.resolvesTo(terminalFinds, bundledCli));
    const outcome = cliInstallOutcome({ platform, bundled: bundledCli, installedAt, target, terminalFinds, terminalRunsOurs });
    return { ...outcome, bundled: bundledCli, installedAt, target, terminalFinds };
  }

  async install(): Promise<CliInstallStatus> {
    const { bundledCli, fs, platform } = this.ports;
    if (!bundledCli) {
      throw new RoledeckError('NOT_FOUND', 'This build of Roledeck carries no roledeck command to install. Install the packaged app, or use `npm link` in a checkout.');
    }
    if (!(await fs.isExecutable(bundledCli))) {
      throw new RoledeckError('NOT_FOUND', `The roledeck command is missing from the app (${bundledCli}). Reinstall Roledeck, then try again.`);
    }
    const target = await this.target();
    if ((await fs.exists(target)) && !(await this.isOurs(target)) && !(await this.isStaleCopyOfOurs(target))) {
      throw new RoledeckError('CONFLICT', `Another roledeck is already at ${target}. Remove it (or rename it), then install again.`);
    }
    const dir = parentDir(platform, target);
    try {
      await fs.makeDir(dir);
      if (platform === 'win32') {
        await fs.replaceWithText(target, windowsShim(bundledCli));
        await this.addToUserPath(dir);
      } else {
        await fs.replaceWithLink(target, bundledCli);
      }
    } catch (error) {
      if (error instanceof RoledeckError) throw error;
      throw new RoledeckError('INTERNAL', `Could not put the roledeck command in ${dir}: ${error instanceof Error ? error.message : String(error)}. Check that the folder is yours and writable.`, { cause: error });
    }
    return this.status();
  }

  /** Where the link or shim goes. */
  private async target(): Promise<string> {
    const { platform, home, env, fs } = this.ports;
    if (platform === 'win32') {
      const localAppData = env.LOCALAPPDATA ?? joinPath('win32', home, 'AppData\\Local');
      return joinPath('win32', windowsShimDir(localAppData), 'roledeck.cmd');
    }
    // Already installed in one of the two folders: that one stays the place.
    for (const dir of posixLinkDirs(home)) {
      const link = joinPath(platform, dir, 'roledeck');
      if (await this.isOurs(link)) return link;
    }
    const terminalPath = await this.ports.terminalPath();
    const [, systemBin] = posixLinkDirs(home);
    const systemWritable = await fs.isWritableDir(systemBin);
    return joinPath(platform, chooseLinkDir({ home, terminalPath, writable: (dir) => dir === systemBin && systemWritable }), 'roledeck');
  }

  /** Our link (pointing at the app's CLI) or our shim (naming it). */
  private async isOurs(file: string): Promise<boolean> {
    const { platform, fs, bundledCli } = this.ports;
    if (!bundledCli) return false;
    if (platform === 'win32') return (await fs.readText(file)) === windowsShim(bundledCli);
    const link = await fs.readLink(file);
    return link !== null && samePath(platform, link, bundledCli);
  }

  /**
   * A link or shim an earlier Roledeck left: its target is gone (the app moved, an AppImage's
   * mount point changed) or is a roledeck in another app's resources/cli. Replacing it is what
   * the person asked for; anything else there is not ours to overwrite.
   */
  private async isStaleCopyOfOurs(file: string): Promise<boolean> {
    const { platform, fs } = this.ports;
    const named = platform === 'win32' ? /^"(.+)" %\*\r?$/m.exec((await fs.readText(file)) ?? '')?.[1] ?? null : await fs.readLink(file);
    if (named === null) return false;
    return /[\\/]cli[\\/]roledeck(\.exe)?$/i.test(named) || (await fs.realPath(named)) === null;
  }

  /** What a new terminal runs for `roledeck`: the first runnable candidate on its PATH. */
  private async terminalLookup(): Promise<string | null> {
    const { platform, env, fs } = this.ports;
    let pathValue = await this.ports.terminalPath();
    // A terminal opened after an install gets the user's PATH from the registry, which this
    // running app's own environment predates.
    if (platform === 'win32' && this.ports.userPath) pathValue = `${pathValue};${await this.ports.userPath.read()}`;
    for (const candidate of commandCandidates(platform, 'roledeck', pathValue, env.PATHEXT)) {
      if (await fs.isExecutable(candidate)) return candidate;
    }
    return null;
  }

  private async resolvesTo(found: string, bundled: string): Promise<boolean> {
    const { platform, fs } = this.ports;
    if (platform === 'win32') return samePath(platform, found, bundled) || (await this.isOurs(found));
    const [real, ours] = await Promise.all([fs.realPath(found), fs.realPath(bundled)]);
    return real !== null && ours !== null && real === ours;
  }

  private async addToUserPath(dir: string): Promise<void> {
    const store = this.ports.userPath;
    if (!store) throw new RoledeckError('INTERNAL', 'Cannot change the user PATH here. Add the folder to PATH yourself: ' + dir);
    const next = withPathEntry(await store.read(), dir);
    if (next !== null) await store.write(next);
  }
}
