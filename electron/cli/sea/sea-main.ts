// The `roledeck` command inside the single executable the desktop app ships (a Node binary with
// this CLI injected; build/scripts/build-cli-sea.mjs). The CLI's code runs as CommonJS chunks that
// sea-loader.ts compiles from the executable's assets; this is the first of them. The Node inside
// is the one the CLI is built for, so there is no version guard.
import { runCliEntry } from '../cli-entry';
import { keyringBesideExecutable } from './keyring-beside-executable';

runCliEntry(process.argv.slice(2), { loadKeyring: () => Promise.resolve(keyringBesideExecutable()) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`roledeck: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
