// Pure decisions behind "Install the roledeck command" (electron/node/cli-install/): where the
// link or shim goes, how a shell finds a command on PATH, and what the result means for a person.
// Paths are strings in the platform's own form; nothing here touches a file.
import type { CliInstallState } from '../domain/cli-install';

export type CliPlatform = 'darwin' | 'linux' | 'win32' | (string & {});

const isWindows = (platform: CliPlatform): boolean => platform === 'win32';

export function joinPath(platform: CliPlatform, dir: string, name: string): string {
  const separator = isWindows(platform) ? '\\' : '/';
  const trimmed = isWindows(platform) ? dir.replace(/[\\/]+$/, '') : dir.replace(/\/+$/, '');
  return `${trimmed}${separator}${name}`;
}

/** Two spellings of one folder: Windows compares without case and trailing separators. */
export function samePath(platform: CliPlatform, a: string, b: string): boolean {
  if (!isWindows(platform)) return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
  const normal = (p: string) => p.replaceAll('/', '\\').replace(/\\+$/, '').toLowerCase();
  return normal(a) === normal(b);
}

/** A PATH value as the shell reads it: only absolute entries count (a relative one depends on the folder a terminal is in). */
export function pathEntries(platform: CliPlatform, value: string): string[] {
  const entries = value.split(isWindows(platform) ? ';' : ':').map((entry) => (isWindows(platform) ? entry.trim().replace(/^"(.*)"$/, '$1') : entry));
  return entries.filter((entry) => (isWindows(platform) ? /^([a-z]:[\\/]|\\\\)/i.test(entry) : entry.startsWith('/')));
}

/**
 * The files a shell tries, in order, for `name`: each PATH folder in turn; on Windows each PATHEXT
 * extension in turn within a folder (cmd.exe's search order).
 */
export function commandCandidates(platform: CliPlatform, name: string, pathValue: string, pathext = '.COM;.EXE;.BAT;.CMD'): string[] {
  const names = isWindows(platform) ? pathext.split(';').filter(Boolean).map((ext) => `${name}${ext.toLowerCase()}`) : [name];
  return pathEntries(platform, pathValue).flatMap((dir) => names.map((candidate) => joinPath(platform, dir, candidate)));
}

/** Where the link may go on macOS and Linux, in order of preference. */
export function posixLinkDirs(home: string): [string, string] {
  return [joinPath('linux', home, '.local/bin'), '/usr/local/bin'];
}

/**
 * The folder for the link: ~/.local/bin when a terminal's PATH has it (most Linux desktops);
 * else /usr/local/bin when it is on PATH and this user may write there (macOS with Homebrew on
 * Intel, many Linux machines); else ~/.local/bin all the same, and the status says to add it to PATH.
 */
export function chooseLinkDir(input: { home: string; terminalPath: string; writable: (dir: string) => boolean }): string {
  const [userBin, systemBin] = posixLinkDirs(input.home);
  const onPath = (dir: string) => pathEntries('linux', input.terminalPath).some((entry) => samePath('linux', entry, dir));
  if (onPath(userBin)) return userBin;
  if (onPath(systemBin) && input.writable(systemBin)) return systemBin;
  return userBin;
}

/** Windows: the shim's folder, in the user's own profile (no administrator needed). */
export function windowsShimDir(localAppData: string): string {
  return joinPath('win32', localAppData, 'Roledeck\\bin');
}

/**
 * The `roledeck.cmd` shim: runs the executable inside the app with every argument, and its exit
 * code is the executable's (the last command of a batch file sets it).
 */
export function windowsShim(executable: string): string {
  return `@echo off\r\n"${executable}" %*\r\n`;
}

/** The user's PATH with `dir` appended; null when it is already there. */
export function withPathEntry(current: string, dir: string): string | null {
  const entries = current.split(';').filter((entry) => entry.trim() !== '');
  if (entries.some((entry) => samePath('win32', entry.trim().replace(/^"(.*)"$/, '$1'), dir))) return null;
  return [...entries, dir].join(';');
}

export interface CliInstallFacts {
  platform: CliPlatform;
  bundled: string | null;
  /** Our link or shim, when present and pointing at `bundled`. */
  installedAt: string | null;
  target: string | null;
  /** The first `roledeck` on a new terminal's PATH, and whether it resolves to `bundled`. */
  terminalFinds: string | null;
  terminalRunsOurs: boolean;
}

/** What the facts mean, in the words Settings shows. */
export function cliInstallOutcome(facts: CliInstallFacts): { state: CliInstallState; advice: string } {
  if (!facts.bundled) {
    return {
      state: 'unavailable',
      advice: 'This build of Roledeck carries no roledeck command. The packaged app has it; from a checkout, use `npm run build && npm link`.',
    };
  }
  if (facts.terminalRunsOurs) return { state: 'installed', advice: '' };
  if (facts.installedAt && facts.terminalFinds) {
    return {
      state: 'shadowed',
      advice: `A terminal runs ${facts.terminalFinds} for \`roledeck\`, which comes earlier on PATH than ${facts.installedAt}. Remove that one, or put ${parentDir(facts.platform, facts.installedAt)} first on PATH.`,
    };
  }
  if (facts.installedAt) {
    const dir = parentDir(facts.platform, facts.installedAt);
    return {
      state: 'not-on-path',
      advice: isWindows(facts.platform)
        ? `${dir} is on your PATH for terminals opened from now on: open a new terminal window.`
        : `${dir} is not on your PATH. Add it in your shell's profile (for bash: echo 'export PATH="${dir}:$PATH"' >> ~/.bashrc), then open a new terminal.`,
    };
  }
  if (facts.terminalFinds) {
    return {
      state: 'shadowed',
      advice: `A terminal runs another roledeck, ${facts.terminalFinds}. Install puts this app's at ${facts.target ?? 'a folder on PATH'}; remove the other one if it is an old copy.`,
    };
  }
  return { state: 'not-installed', advice: `Install puts the roledeck command at ${facts.target ?? 'a folder on PATH'}.` };
}

/** The folder `file` is in. */
export function parentDir(platform: CliPlatform, file: string): string {
  const at = Math.max(file.lastIndexOf('/'), isWindows(platform) ? file.lastIndexOf('\\') : -1);
  return at > 0 ? file.slice(0, at) : file;
}
