import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Electron end-to-end tier: the built app (`npm run build` output) launched by Playwright's
 * `_electron`. Runs wherever an Electron binary is installed; elsewhere every test reports itself
 * skipped with the reason (see app.electron.spec.ts).
 */
export default defineConfig({
  testDir: path.join(root, 'test/electron-e2e'),
  testMatch: '**/*.electron.spec.ts',
  outputDir: path.join(root, 'test-results/electron-e2e-artifacts'),
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: path.join(root, 'test-results/electron-e2e.json') }]],
});
