// The `roledeck` command as the npm package runs it (dist/cli/roledeck.mjs, on the user's Node).
// It reuses electron/node services and never imports Electron. Everything it runs is in
// cli-entry.ts, shared with the single executable the desktop app ships (sea/sea-main.ts).
import './node-version-guard';
import { runCliEntry } from './cli-entry';
import { quickFs } from './cached-credential-process';
import { loadKeyringBinding } from './keyring-binding';

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
  process.exitCode = await runCliEntry(process.argv.slice(2), { loadKeyring: () => loadKeyringBinding() });
}
