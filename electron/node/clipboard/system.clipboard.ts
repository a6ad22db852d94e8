import { spawn } from 'node:child_process';
import { RoledeckError } from '../../../shared/contract/errors';
import { messageOf } from '../../../shared/logic/error-message';
import type { Clipboard } from '../../../shared/ports/clipboard';

/** What the adapter needs of a clipboard library: clipboardy's two calls. */
export interface ClipboardLibrary {
  write(text: string): Promise<void>;
  read(): Promise<string>;
}

/**
 * Runs a clipboard program. `input` goes to its stdin. Writers (`read: false`) get no stdout or
 * stderr pipe: wl-copy and xclip fork a process that keeps serving the clipboard and inherits
 * their stdio, so a pipe would stay open (and keep this process alive) until someone copies
 * something else. Resolves with stdout for readers; rejects when the program is missing, fails or
 * takes longer than a few seconds.
 */
export type ClipboardRunner = (file: string, args: readonly string[], options: { input?: string; read: boolean }) => Promise<string>;

export interface SystemClipboardOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** clipboardy, loaded on first use (it pulls in execa). */
  library?: () => Promise<ClipboardLibrary>;
  run?: ClipboardRunner;
}

const RUN_TIMEOUT_MS = 5_000;

export const runClipboardProgram: ClipboardRunner = (file, args, { input, read }) =>
  new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: [input === undefined ? 'ignore' : 'pipe', read ? 'pipe' : 'ignore', 'ignore'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} did not finish within ${RUN_TIMEOUT_MS / 1000} s`));
    }, RUN_TIMEOUT_MS);
    timer.unref();
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'exit', not 'close': the writer's forked child may hold inherited descriptors for hours.
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${file} ${args.join(' ')} ended with ${code ?? signal}`));
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });

const loadClipboardy = async (): Promise<ClipboardLibrary> => (await import('clipboardy')).default;

/** The reason in the words a person needs: which clipboard, and what to install or start. */
function unavailable(reason: string, cause?: unknown): RoledeckError {
  return new RoledeckError('CLIPBOARD_UNAVAILABLE', `No clipboard could be reached: ${reason}.`, cause === undefined ? undefined : { cause });
}

const LINUX_TOOLS = 'Install xclip or xsel for X11, or wl-clipboard for Wayland (e.g. sudo apt install xclip wl-clipboard)';

/**
 * The Clipboard port on the operating system's own clipboard, for hosts without Electron: the
 * browser preview (`npm start` here) and `roledeck export --copy`. Writing and reading go through
 * clipboardy (pbcopy, PowerShell's Set-Clipboard, wl-copy, xsel). Where clipboardy cannot mark a
 * copy as a password, the platform tool is called directly:
 *
 * - Wayland: `wl-copy --sensitive` (wl-clipboard 2.3+) offers the text together with KDE's
 *   `x-kde-passwordManagerHint` = secret, which Klipper, CopyQ and cliphist honour and skip.
 *   An older wl-copy refuses the flag; the copy is then made without the mark.
 * - X11: xsel and xclip serve one target per copy, so the hint cannot accompany the text (a copy
 *   of only the hint type would leave nothing to paste). The text is copied unmarked; clearing it
 *   later is what keeps it out of a manager's history beyond the delay. xclip is used when
 *   clipboardy's xsel cannot run.
 * - macOS and Windows: pbcopy and Set-Clipboard write text only, without the concealed types the
 *   Electron app writes (org.nspasteboard.ConcealedType, ExcludeClipboardContentFromMonitorProcessing).
 *
 * Anything that cannot reach a clipboard fails with CLIPBOARD_UNAVAILABLE and a reason, so the
 * caller never reports a copy that did not happen.
 */
export class SystemClipboard implements Clipboard {
  private readonly env: NodeJS.ProcessEnv;
  private readonly platform: NodeJS.Platform;
  private readonly loadLibrary: () => Promise<ClipboardLibrary>;
  private readonly run: ClipboardRunner;

  constructor(options: SystemClipboardOptions = {}) {
    this.env = options.env ?? process.env;
    this.platform = options.platform ?? process.platform;
    this.loadLibrary = options.library ?? loadClipboardy;
    this.run = options.run ?? runClipboardProgram;
  }

  /** Why nothing can be copied here, or null when a clipboard may be there (only a copy proves it). */
  missingReason(): string | null {
    if (this.platform === 'darwin' || this.platform === 'win32') return null;
    if (this.env.WAYLAND_DISPLAY || this.env.DISPLAY) return null;
    return 'this session has no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set), so it has no clipboard';
  }

  async writeConcealed(text: string): Promise<void> {
    const missing = this.missingReason();
    if (missing) throw unavailable(missing);
    if (this.isLinuxLike() && this.env.WAYLAND_DISPLAY) {
      try {
        await this.run('wl-copy', ['--sensitive'], { input: text, read: false });
        return;
      } catch {
        // An older wl-copy without --sensitive, or none at all: clipboardy says which below.
      }
    }
    await this.write(text);
  }

  async readText(): Promise<string> {
    const library = await this.loadLibrary();
    try {
      return await library.read();
    } catch (error) {
      if (!this.usesX11()) throw error;
      return this.run('xclip', ['-selection', 'clipboard', '-o'], { read: true });
    }
  }

  /** Replaces the clipboard's content with nothing (clipboard managers then hold nothing new). */
  async clear(): Promise<void> {
    if (this.isLinuxLike() && this.env.WAYLAND_DISPLAY) {
      try {
        await this.run('wl-copy', ['--clear'], { read: false });
        return;
      } catch {
        // Fall through to writing nothing.
      }
    }
    await this.write('');
  }

  private async write(text: string): Promise<void> {
    let library: ClipboardLibrary;
    try {
      library = await this.loadLibrary();
      await library.write(text);
      return;
    } catch (error) {
      if (!this.usesX11()) throw unavailable(this.toolReason(error), error);
      try {
        await this.run('xclip', ['-selection', 'clipboard', '-i'], { input: text, read: false });
      } catch (fallback) {
        throw unavailable(`neither xsel nor xclip could write to the X display ${this.env.DISPLAY ?? ''} (${messageOf(fallback)}). ${LINUX_TOOLS}`, error);
      }
    }
  }

  private toolReason(error: unknown): string {
    if (this.platform === 'darwin') return `pbcopy failed (${messageOf(error)})`;
    if (this.platform === 'win32') return `PowerShell's Set-Clipboard failed (${messageOf(error)})`;
    return `wl-copy could not write to the Wayland display ${this.env.WAYLAND_DISPLAY ?? ''} (${messageOf(error)}). ${LINUX_TOOLS}`;
  }

  private isLinuxLike(): boolean {
    return this.platform !== 'darwin' && this.platform !== 'win32';
  }

  /** X11 without Wayland: where xclip can stand in for clipboardy's xsel. */
  private usesX11(): boolean {
    return this.isLinuxLike() && !this.env.WAYLAND_DISPLAY && Boolean(this.env.DISPLAY);
  }
}
