import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_BUILD_DIR = path.join(REPO_ROOT, '.vite/renderer/main_window');

/** Everything the renderer bundle is built from. */
const RENDERER_INPUTS = ['renderer', 'shared', 'vite.renderer.config.ts', 'package.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when the built renderer is missing or older than any of its sources. */
export function rendererBuildIsStale(): boolean {
  const built = path.join(RENDERER_BUILD_DIR, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return RENDERER_INPUTS.some((input) => newestMtime(path.join(REPO_ROOT, input)) > builtAt);
}

/**
 * Builds the renderer with its own Vite config when the build is missing or stale, so a test run
 * or `npm run start:browser` never serves yesterday's UI. The suite runner builds everything
 * first, in which case this does nothing.
 */
export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<void> {
  if (!rendererBuildIsStale()) return;
  log('building the renderer (missing or older than its sources)…');
  const { build } = await import('vite');
  // The config's root ('renderer') is relative to the working directory; pin it to the repository.
  await build({ root: path.join(REPO_ROOT, 'renderer'), configFile: path.join(REPO_ROOT, 'vite.renderer.config.ts'), logLevel: 'warn' });
}

/** The CLI the credential_process lines name (vite.cli.config.ts), and what it is built from. */
export const CLI_SCRIPT = path.join(REPO_ROOT, 'dist/cli/roledeck.mjs');
const CLI_INPUTS = ['electron/cli', 'electron/node', 'shared', 'vite.cli.config.ts', 'package.json'];

/**
 * Builds the CLI when it is missing or stale, as for the renderer: "Install as AWS CLI profile"
 * names this checkout's own CLI when no `roledeck` is on PATH, and that file must exist and be
 * today's.
 */
export async function ensureCliBuilt(log: (line: string) => void = () => undefined): Promise<void> {
  const builtAt = existsSync(CLI_SCRIPT) ? statSync(CLI_SCRIPT).mtimeMs : 0;
  if (builtAt > 0 && !CLI_INPUTS.some((input) => newestMtime(path.join(REPO_ROOT, input)) > builtAt)) return;
  log('building the roledeck CLI (missing or older than its sources)…');
  const { build } = await import('vite');
  await build({ root: REPO_ROOT, configFile: path.join(REPO_ROOT, 'vite.cli.config.ts'), logLevel: 'warn' });
  chmodSync(CLI_SCRIPT, 0o755);
}
