import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's Chromium; Playwright's own browser download is not reachable from these machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Browser end-to-end tier: the built renderer in Chromium, served by the web host
 * (electron/web-host, started through test/e2e/host/test-host.ts) with the real main-side router
 * (real keyring, real AWS SDK adapters) behind a loopback WebSocket. The keychain tests need a
 * Secret Service session: the suite runner starts a private gnome-keyring first.
 */
export default defineConfig({
  testDir: path.join(root, 'test/e2e/specs'),
  outputDir: path.join(root, 'test-results/e2e-artifacts'),
  globalSetup: path.join(root, 'test/e2e/global-setup.ts'),
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: path.join(root, 'test-results/e2e.json') }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
