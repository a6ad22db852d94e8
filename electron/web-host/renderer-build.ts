import { existsSync, readdirSync, statSync } from 'node:fs';
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
