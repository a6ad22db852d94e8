import type { Page } from '@playwright/test';
import type { ChannelName, RequestOf, Result } from '../../shared/contract';
import { startMoto, type MotoServer } from '../integration/fixtures/moto-server';
import { test as base } from './fixtures';
import { startTestHost, type TestHost } from './host/test-host';

/**
 * Specs that reach AWS: one moto server per worker, wiped before each test, and a fresh test host
 * (fresh profile store, the real keyring) per test. The host runs in the worker process; its SDK
 * clients read the standard AWS_ENDPOINT_URL at each call.
 */
export const test = base.extend<{ app: TestHost }, { moto: MotoServer }>({
  moto: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const moto = await startMoto();
      process.env.AWS_ENDPOINT_URL = moto.endpoint;
      await use(moto);
      delete process.env.AWS_ENDPOINT_URL;
      await moto.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ moto }, use) => {
    await moto.reset();
    const host = await startTestHost();
    await use(host);
    await host.close();
  },
});

/** Calls the real API the way the window does: through the page's bridge (the host's WebSocket). */
export async function invoke<C extends ChannelName>(page: Page, channel: C, request: RequestOf<C>): Promise<unknown> {
  const result = await page.evaluate(
    ([name, payload]) => (window as unknown as { roledeck: { invoke: (c: string, p: unknown) => Promise<Result<unknown>> } }).roledeck.invoke(name, payload),
    [channel, request] as const,
  );
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}
