// Builds every bundle (main, preload, renderer, CLI) with Vite, without the Electron binary.
import { chmodSync, existsSync } from 'node:fs';
import { build } from 'vite';

const configs = ['vite.main.config.ts', 'vite.preload.config.ts', 'vite.renderer.config.ts', 'vite.cli.config.ts'];
for (const configFile of configs) {
  if (!existsSync(configFile)) continue;
  const started = performance.now();
  await build({ configFile, logLevel: 'warn' });
  console.log(`built ${configFile} in ${Math.round(performance.now() - started)} ms`);
}
// npm links bin.roledeck to this file; it must be executable to run as `roledeck`.
if (existsSync('dist/cli/roledeck.mjs')) chmodSync('dist/cli/roledeck.mjs', 0o755);
