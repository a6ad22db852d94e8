// The `roledeck` command. It reuses electron/node services and never imports Electron.
// This entry holds only what every credential_process call (and `eval "$(roledeck export …)"` in
// every new shell) needs: the quick paths answer from the running app or one keychain read
// (quick-path.ts). Everything else, the help text included, is in run.ts and the command chunks,
// imported when needed, which keeps the quick path close to a bare Node start.
import './node-version-guard';
import { runQuickPath } from './quick-path';

/** Run as a program (also through npm's bin symlink, which Node resolves for import.meta.url), not imported. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  if (script === import.meta.filename) return true; // run by its own path, as credential_process does
  try {
    const { pathToFileURL } = process.getBuiltinModule('node:url');
    return import.meta.url === pathToFileURL(process.getBuiltinModule('node:fs').realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntry() || process.env.ROLEDECK_CLI_ENTRY === '1') {
  const argv = process.argv.slice(2);
  // The quick paths write with writeSync: even creating process.stdin/stdout streams costs
  // measurable time per call.
  const fs = process.getBuiltinModule('node:fs');
  const quick = await runQuickPath(argv, process.env, { out: (text) => fs.writeSync(1, text), err: (text) => fs.writeSync(2, text) });
  if (quick.kind === 'done') {
    // Everything is written (writeSync): exit now rather than wait a loop turn for the socket to
    // close (~0.7 ms measured with the app running).
    process.exit(quick.exitCode);
  } else {
    const [{ processIo }, { run }] = await Promise.all([import('./io/terminal'), import('./run')]);
    // The app's socket was found untrustworthy and said so: the full path does not ask it again.
    process.exitCode = await run(argv, processIo(), quick.skipApp ? { ...process.env, ROLEDECK_NO_AGENT: '1' } : process.env);
  }
}
