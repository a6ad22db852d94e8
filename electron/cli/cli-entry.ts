// What every `roledeck` start runs, whatever carries it: the npm bundle (main.ts, an ES module run
// by the user's Node) or the single executable the desktop app ships (sea/sea-main.ts, CommonJS
// inside a Node binary). It holds only what every credential_process call (and
// `eval "$(roledeck export …)"` in every new shell) needs: the quick paths answer from the running
// app or one keychain read (quick-path.ts). Everything else, the help text included, is in run.ts
// and the command chunks, loaded when needed, which keeps the quick path close to a bare Node start.
import type { KeyringBinding } from './keyring-binding';
import { runQuickPath } from './quick-path';

export interface CliEntryOptions {
  /** How the quick path loads the keychain binding: from its npm package, or from beside the executable. */
  loadKeyring: () => Promise<KeyringBinding>;
}

/** Runs the command line `argv` (without node and the script) and resolves with the exit code. */
export async function runCliEntry(argv: string[], options: CliEntryOptions): Promise<number> {
  // The quick paths write with writeSync: even creating process.stdin/stdout streams costs
  // measurable time per call.
  const fs = process.getBuiltinModule('node:fs');
  const quick = await runQuickPath(argv, process.env, { out: (text) => fs.writeSync(1, text), err: (text) => fs.writeSync(2, text) }, options.loadKeyring);
  if (quick.kind === 'done') {
    // Everything is written (writeSync): exit now rather than wait a loop turn for the app's
    // socket to close (~0.7 ms measured with the app running).
    process.exit(quick.exitCode);
  }
  const [{ processIo }, { run }] = await Promise.all([import('./io/terminal'), import('./run')]);
  // The app's socket was found untrustworthy and said so: the full path does not ask it again.
  return run(argv, processIo(), quick.skipApp ? { ...process.env, ROLEDECK_NO_AGENT: '1' } : process.env);
}
