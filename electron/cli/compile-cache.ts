import { mkdirSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { resolveAppHome } from '../node/app/app-home';

/**
 * Node's compile cache for the CLI's chunks and the AWS SDK, kept in the app's data folder: a
 * `roledeck deploy` or `whoami` otherwise spends much of its start compiling the same SDK code
 * every run. In the data folder rather than Node's default (the shared temp folder), so no other
 * user can put code there. Not for the quick credential_process path (main.ts), which loads
 * almost nothing; a cache that cannot be used is simply not used.
 *
 * The folders are made here, private (0700): the cache is often the first thing a CLI command
 * writes, and Node would make the data folder itself with the umask's mode (0755 typically),
 * which a later `mkdir -p` by the store does not tighten.
 */
export function useCompileCache(env: NodeJS.ProcessEnv): void {
  try {
    const folder = path.join(resolveAppHome(env), 'cache', 'compile');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    enableCompileCache(folder);
  } catch {
    // An unwritable folder costs speed only.
  }
}
