import { request as httpRequest } from 'node:http';
import { BridgeRefusedError, connectBridge } from '../host/bridge-node-client';
import { expect, test } from '../fixtures';

/** Status of a raw GET, with headers a browser would not let a page choose (Host). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

async function refusal(connecting: Promise<unknown>): Promise<number> {
  try {
    await connecting;
  } catch (error) {
    if (error instanceof BridgeRefusedError) return error.status;
    throw error;
  }
  return 200;
}

test.describe('test host bridge', () => {
  test('refuses a WebSocket with a wrong or missing token (401)', async ({ host }) => {
    const wrong = `${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}`;
    expect(await refusal(connectBridge({ origin: host.origin, token: wrong }))).toBe(401);
    expect(await refusal(connectBridge({ origin: host.origin, token: '' }))).toBe(401);
  });

  test('refuses a WebSocket from a non-loopback Origin even with the right token (403)', async ({ host }) => {
    const evil = connectBridge({ origin: host.origin, token: host.token, originHeader: 'http://evil.example' });
    expect(await refusal(evil)).toBe(403);
    const otherPort = connectBridge({ origin: host.origin, token: host.token, originHeader: 'http://127.0.0.1:1' });
    expect(await refusal(otherPort)).toBe(403);
  });

  test('with the right token and Origin, calls reach the real router', async ({ host }) => {
    const bridge = await connectBridge({ origin: host.origin, token: host.token });
    try {
      await expect(bridge.invoke('app.info')).resolves.toMatchObject({ ok: true, value: { name: 'Roledeck' } });
      await expect(bridge.invoke('keychain.status')).resolves.toMatchObject({ ok: true, value: { state: 'ready' } });
      await expect(bridge.invoke('no.such.channel')).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      await expect(bridge.invoke('app.info', { extra: true })).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    } finally {
      bridge.close();
    }
  });

  test('the page and the bridge script need the token; other Host names are refused', async ({ page, host, pageErrors }) => {
    const response = await page.goto(`${host.origin}/?token=wrong`);
    expect(response?.status()).toBe(401);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This address needs the host’s token');
    // The browser logs the refused page load itself; that one error is the point of this test.
    expect(pageErrors).toEqual([expect.stringContaining('401')]);
    pageErrors.length = 0;

    expect(await rawGet(`${host.origin}/__roledeck/bridge.js`)).toBe(401);
    expect(await rawGet(`${host.origin}/__roledeck/bridge.js?token=${host.token}`)).toBe(200);
    expect(await rawGet(host.url, { Host: `rebind.example:${host.port}` })).toBe(403);
    expect(await rawGet(`${host.origin}/%2e%2e/%2e%2e/package.json`)).toBe(404);
  });
});
