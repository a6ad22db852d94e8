import { existsSync } from 'node:fs';
import { ensureRendererBuilt } from '../../electron/web-host/renderer-build';

/** Runs once before the browser tests: the renderer must be built and Chromium installed. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('Chromium is missing at /usr/bin/chromium: apt-get install -y chromium (never `npx playwright install`).');
  }
  await ensureRendererBuilt((line) => console.log(`[e2e] ${line}`));
}
