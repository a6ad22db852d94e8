// What every `roledeck` start runs, whatever carries it: the npm bundle (main.ts, an ES module run
// by the user's Node) or the single executable the desktop app ships (sea/sea-main.ts, CommonJS
// inside a Node binary). It holds only what every credential_process call needs (the AWS CLI runs
// it on every command and does not cache the answer): the quick paths answer from the running app
// or one keychain read. Everything else, the help text included, is in run.ts and the command
// chunks, loaded when needed, which keeps the quick path close to a bare Node start.
import { resolveAppHome } from '../node/app/app-home';
import { askRunningApp, profileIdArgument, quickFs, serveCachedCredentials } from './cached-credential-process';
import type { KeyringBinding } from './keyring-binding';

export interface CliEntryOptions {
  /** How the quick path loads the keychain binding: from its npm package, or from beside the executable. */
  loadKeyring: () => Promise<KeyringBinding>;
}

/** Runs the command line `argv` (without node and the script) and resolves with the exit code. */
export async function runCliEntry(argv: string[], options: CliEntryOptions): Promise<number> {
  // `--help` asks for the usage, even on a line that names a cached profile.
  const quickId = argv[0] === 'credential-process' && !argv.includes('--help') && !argv.includes('-h') ? profileIdArgument(argv) : undefined;
  // The quick credential_process paths run before anything else is loaded, and write with
  // writeSync: even creating process.stdin/stdout streams costs measurable time per call.
  const out = (text: string) => quickFs().writeSync(1, text);
  const fromApp = quickId && process.env.ROLEDECK_NO_AGENT !== '1' ? await askRunningApp(resolveAppHome(process.env), quickId, out) : { kind: 'absent' as const };
  if (fromApp.kind === 'served') return 0;
  if (fromApp.kind === 'refused') {
    const [{ reportError }, { RoledeckError, ERROR_CODES }] = await Promise.all([import('./errors'), import('../../shared/contract/errors')]);
    const code = (ERROR_CODES as readonly string[]).includes(fromApp.code) ? (fromApp.code as (typeof ERROR_CODES)[number]) : 'INTERNAL';
    return reportError(new RoledeckError(code, fromApp.message), (text) => process.stderr.write(text));
  }
  if (quickId && (await serveCachedCredentials(quickId, out, options.loadKeyring))) return 0;
  const [{ processIo }, { run }] = await Promise.all([import('./io/terminal'), import('./run')]);
  return run(argv, processIo());
}
