import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../../electron/web-host/renderer-build';

export interface ChildHost {
  url: string;
  /** Everything the child wrote to stderr so far (its JSON log lines). */
  stderr: () => string;
  /** Everything it wrote to stdout so far (what `npm start` shows in the terminal). */
  stdout: () => string;
  close(): Promise<void>;
}

/** Node with tsx and the no-real-AWS guard: how a test runs the web host (`electron/web-host/main.ts`) in a child. */
export const SERVE_COMMAND = [
  process.execPath,
  '--import',
  'tsx',
  '--import',
  './test/fixtures/no-real-aws.setup.ts',
  'electron/web-host/main.ts',
] as const;

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The child leads its own process group (detached), so this reaches whatever it started too.
  process.kill(-child.pid, 'SIGTERM');
  const force = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }, 5_000);
  return exited.finally(() => clearTimeout(force));
}

/**
 * Starts a test host in a separate process with its own environment: how the browser tests see the
 * app against a keychain in another state (no Secret Service at all, or a locked one) without
 * disturbing the keyring the rest of the suite uses.
 */
export async function startChildHost(command: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ChildHost> {
  const [file, ...args] = command;
  if (!file) throw new Error('startChildHost needs a command');
  const child = spawn(file, args, { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child host printed no address within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /Open: (\S+)/.exec(stdout)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the child host exited (${code ?? signal}) before printing its address:\n${stderr}`));
    });
  }).catch(async (error: unknown) => {
    await stopGroup(child);
    throw error;
  });

  return { url, stderr: () => stderr, stdout: () => stdout, close: () => stopGroup(child) };
}
