import { spawn } from 'node:child_process';

/** What an MFA process left behind: its exit, and its stdout (the code: never logged). */
export interface MfaProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs argv; resolves once it exits (or is killed). Rejects only when it could not start. */
export type MfaProcessRunner = (argv: readonly string[], options: { timeoutMs: number; signal: AbortSignal; onStderr?: (text: string) => void }) => Promise<MfaProcessOutcome>;

/** A six-digit code and a short error need no more; anything larger is cut (and then not six digits). */
const OUTPUT_LIMIT = 4096;
const WINDOWS = process.platform === 'win32';

/**
 * Runs an MFA process (aws-vault's mfa_process: `ykman oath accounts code -s …`) without a shell
 * (argv straight to the executable, so nothing in a setting is interpreted), stdin closed, and
 * killed at `timeoutMs` or when the prompt is given up. On POSIX it leads its own process group,
 * and the whole group is killed: a wrapper script's child (`sleep`, a password manager) would
 * otherwise keep the output pipes open, and the caller waiting, long after the wrapper died.
 */
export const runMfaProcess: MfaProcessRunner = (argv, { timeoutMs, signal, onStderr }) =>
  new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    if (!command) {
      reject(new Error('empty command'));
      return;
    }
    const child = spawn(command, args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: !WINDOWS });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let killed = false;
    let settled = false;
    const kill = () => {
      killed = true;
      try {
        if (!WINDOWS && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    signal.addEventListener('abort', kill, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < OUTPUT_LIMIT) stdout += chunk.slice(0, OUTPUT_LIMIT - stdout.length);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      onStderr?.(chunk);
      if (stderr.length < OUTPUT_LIMIT) stderr += chunk.slice(0, OUTPUT_LIMIT - stderr.length);
    });
    const finish = (exitCode: number | null, exitSignal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', kill);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ exitCode, signal: exitSignal, stdout, stderr, timedOut });
    };
    child.once('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', kill);
      reject(error);
    });
    // Normally after 'close' (all output read); once killed, at 'exit': what is left is not wanted.
    child.once('exit', (exitCode, exitSignal) => {
      if (killed) finish(exitCode, exitSignal);
    });
    child.once('close', finish);
  });
