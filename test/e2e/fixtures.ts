import '../fixtures/no-real-aws.setup';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { REPO_ROOT } from '../../electron/web-host/renderer-build';
import { startTestHost, type TestHost } from './host/test-host';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results/screenshots');

export interface TestFixtures {
  /** Console errors and uncaught exceptions of the page; each test ends by asserting none. */
  pageErrors: string[];
}

export interface WorkerFixtures {
  host: TestHost;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const host = await startTestHost();
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'the page logged errors (CSP violations, failed requests, exceptions)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app at a section and waits until the real status calls have answered. */
export async function openApp(page: Page, host: TestHost, section?: string): Promise<void> {
  await page.goto(section ? `${host.url}#/${section}` : host.url);
  await expect(page.getByTestId('keychain-status')).not.toHaveAttribute('data-state', 'loading');
  await expect(page.getByTestId('app-version')).not.toContainText('…');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
