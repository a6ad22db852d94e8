// The `roledeck` command. It reuses electron/node services and never imports Electron.
// This entry holds only what every credential_process call needs (the AWS CLI runs it on every
// command and does not cache the answer): the quick paths answer from the running app or one
// keychain read. Everything else, the help text included, is in run.ts and the command chunks,
// imported when needed, which keeps the quick path close to a bare Node start.
import './node-version-guard';
import { resolveAppHome } from '../node/app/app-home';
import { askRunningApp, profileIdArgument, quickFs, serveCachedCredentials } from './cached-credential-process';

/** Run as a program (also through npm's bin symlink, which Node resolves for import.meta.url), not imported. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  if (script === import.meta.filename) return true; // run by its own path, as credential_process does
  try {
    const { pathToFileURL } = process.getBuiltinModule('node:url');
    return import.meta.url === pathToFileURL(quickFs().realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntry() || process.env.ROLEDECK_CLI_ENTRY === '1') {
  const argv = process.argv.slice(2);
  // `--help` asks for the usage, even on a line that names a cached profile.
  const quickId = argv[0] === 'credential-process' && !argv.includes('--help') && !argv.includes('-h') ? profileIdArgument(argv) : undefined;
  // The quick credential_process paths run before anything else is loaded, and write with
  // writeSync: even creating process.stdin/stdout streams costs measurable time per call.
  const out = (text: string) => quickFs().writeSync(1, text);
  const fromApp = quickId && process.env.ROLEDECK_NO_AGENT !== '1' ? await askRunningApp(resolveAppHome(process.env), quickId, out) : { kind: 'absent' as const };
  if (fromApp.kind === 'served') {
    process.exitCode = 0;
  } else if (fromApp.kind === 'refused') {
    const [{ reportError }, { RoledeckError, ERROR_CODES }] = await Promise.all([import('./errors'), import('../../shared/contract/errors')]);
    const code = (ERROR_CODES as readonly string[]).includes(fromApp.code) ? (fromApp.code as (typeof ERROR_CODES)[number]) : 'INTERNAL';
    process.exitCode = reportError(new RoledeckError(code, fromApp.message), (text) => process.stderr.write(text));
  } else if (quickId && (await serveCachedCredentials(quickId, out))) {
    process.exitCode = 0;
  } else {
    const [{ processIo }, { run }] = await Promise.all([import('./io/terminal'), import('./run')]);
    process.exitCode = await run(argv, processIo());
  }
}
