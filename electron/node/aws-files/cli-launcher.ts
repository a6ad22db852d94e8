import { execFile } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** How a credential_process line written by the app starts the `roledeck` CLI. */
export interface CliLauncher {
  /** The words before `credential-process` in the line: full paths, or plain `roledeck` when `found` is false. */
  command: readonly string[];
  /** False when no CLI was found at all: a line naming plain `roledeck` could not run, so none is written. */
  found: boolean;
}

export const CLI_NOT_FOUND =
  'Roledeck cannot find its command-line tool, which the AWS CLI would run for this profile: it is not on your PATH and this copy of Roledeck carries none. Build it (from a Roledeck checkout: npm run build), then install the profile again. Nothing was written.';

export interface LauncherSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /**
   * The `roledeck` executable the packaged app carries (resources/cli/roledeck, a Node single
   * executable); null or absent outside a packaged app. Preferred over any other CLI on PATH: it
   * is the app's own version and needs no Node.
   */
  bundledCli?: string | null;
  /**
   * How to start this app's own CLI in a checkout, in full paths: the Node that runs the app and
   * dist/cli/roledeck.mjs (checkoutCli). Used when PATH has no `roledeck`.
   */
  ownCli?: readonly string[] | null;
}

/** The checkout's built CLI run by this Node: [node, <repo>/dist/cli/roledeck.mjs], or null before `npm run build`. */
export function checkoutCli(repoRoot: string, node: string = process.execPath): readonly string[] | null {
  const script = path.join(repoRoot, 'dist', 'cli', 'roledeck.mjs');
  return existsSync(script) ? [node, script] : null;
}

async function isExecutableFile(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    // Windows has no execute bit: a file with a PATHEXT extension runs.
    if (platform !== 'win32') await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on PATH that can be run, as the shell would find it; null when there is none. */
export async function findOnPath(name: string, { env = process.env, platform = process.platform }: LauncherSearch = {}): Promise<string | null> {
  const delimiter = platform === 'win32' ? ';' : ':';
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((dir) => dir !== '' && (platform === 'win32' ? path.win32.isAbsolute(dir) : dir.startsWith('/')));
  const names = platform === 'win32' ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean).map((ext) => `${name}${ext.toLowerCase()}`) : [name];
  for (const dir of dirs) {
    for (const candidate of names) {
      const file = join(dir, candidate);
      if (await isExecutableFile(file, platform)) return file;
    }
  }
  return null;
}

/**
 * Finds the `roledeck` CLI the way a terminal would, and names it by full paths, as the CLI's own
 * `config install` does: the AWS CLI and SDKs run credential_process with whatever PATH their
 * own process has (an IDE started from the dock has a short one), so a bare `roledeck`, or a
 * script whose `#!/usr/bin/env node` needs node on that PATH, can fail there while working in a
 * terminal. On POSIX the line is `<node> <script>`; on Windows npm's shim (roledeck.cmd) finds its
 * own node. When the CLI is not on PATH the app's own CLI in a checkout is named (`ownCli`); when
 * there is none either, `found` is false and no line is written: plain `roledeck` would not run.
 *
 * In the packaged app (`bundledCli`), the line names the app's own executable: by the link
 * "Install the roledeck command" made when PATH finds that link (a stable name), else by its path
 * inside the app. On Windows always the .exe itself: the shim is a batch file.
 */
export async function findCliLauncher(search: LauncherSearch = {}): Promise<CliLauncher> {
  const platform = search.platform ?? process.platform;
  const env = search.env ?? process.env;
  const bundled = search.bundledCli && (await isExecutableFile(search.bundledCli, platform)) ? search.bundledCli : null;
  let where: LauncherSearch = { env, platform };
  let found = await findOnPath('roledeck', where);
  if (bundled && platform === 'win32') return { command: [bundled], found: true };
  if (!found && platform !== 'win32') {
    // An app started from the dock or a desktop menu has a short PATH; the user's terminals get
    // theirs from the login shell's profile. Ask that shell what PATH it sets up.
    const shellPath = await loginShellPath(env);
    if (shellPath) {
      where = { env: { ...env, PATH: shellPath }, platform };
      found = await findOnPath('roledeck', where);
    }
  }
  if (bundled) {
    const [real, ours] = await Promise.all([found ? realpath(found).catch(() => null) : null, realpath(bundled).catch(() => null)]);
    return { command: [real !== null && real === ours && found ? found : bundled], found: true };
  }
  if (!found) return search.ownCli ? { command: search.ownCli, found: true } : { command: ['roledeck'], found: false };
  if (platform === 'win32') return { command: [found], found: true };
  // npm's global bin (and `npm link`) is a symlink to the script. Both paths are written as found,
  // not resolved: a Homebrew or nvm node resolves into a versioned folder an upgrade removes.
  const isScript = /\.(m?js|cjs)$/.test(await realpath(found).catch(() => found));
  const node = isScript ? await findOnPath('node', where) : null;
  return { command: node ? [node, found] : [found], found: true };
}

const MARKER = '__roledeck_path__';

/**
 * The PATH the user's login shell ($SHELL -l) sets up, or null (no $SHELL, a shell that fails or
 * takes longer than `timeoutMs`). Markers around the value skip whatever the profile prints.
 * Quoted "$PATH" is colon-joined in sh, bash, zsh and fish alike.
 */
export function loginShellPath(env: NodeJS.ProcessEnv, timeoutMs = 5_000): Promise<string | null> {
  const shell = env.SHELL;
  if (!shell || !shell.startsWith('/')) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(shell, ['-l', '-c', `printf '${MARKER}%s${MARKER}' "$PATH"`], { env, timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, stdout) => {
      const match = error ? null : new RegExp(`${MARKER}(.*?)${MARKER}`, 's').exec(stdout);
      resolve(match?.[1] || null);
    });
  });
}
