import { afterEach, describe, expect, it, vi } from 'vitest';
import { AwsClientPool, type SdkClientConfig } from '../../../../../electron/node/aws/aws-client-pool';
import type { AwsCredentials } from '../../../../../shared/domain/aws';
import { AwsCallError } from '../../../../../shared/domain/aws-call-error';

class FakeClient {
  destroyed = false;
  constructor(readonly config: SdkClientConfig) {}
  destroy(): void {
    this.destroyed = true;
  }
}

function pool(settings = {}) {
  const built: FakeClient[] = [];
  let loads = 0;
  const clients = new AwsClientPool<{ tag: string }, FakeClient>(
    {
      load: () => {
        loads += 1;
        return Promise.resolve({ tag: 'sdk' });
      },
      create: (_sdk, config) => {
        const client = new FakeClient(config);
        built.push(client);
        return client;
      },
    },
    settings,
  );
  return { clients, built, loads: () => loads };
}

const alice: AwsCredentials = { accessKeyId: 'ASIAALICE', secretAccessKey: 'alice-secret', sessionToken: 'alice-token' };
const bob: AwsCredentials = { accessKeyId: 'AKIABOB', secretAccessKey: 'bob-secret' };
const use = (client: FakeClient) => Promise.resolve(client);

afterEach(() => {
  vi.useRealTimers();
});

describe('AwsClientPool', () => {
  it('loads the SDK module on the first call, not when the gateway is built, and only once', async () => {
    const { clients, loads } = pool();
    expect(loads()).toBe(0);
    await clients.call(alice, 'eu-west-1', 'Op', use);
    await clients.call(bob, 'eu-west-1', 'Op', use);
    expect(loads()).toBe(1);
  });

  it('tries loading the SDK again after a failed load', async () => {
    let attempts = 0;
    const clients = new AwsClientPool<object, FakeClient>({
      load: () => (++attempts === 1 ? Promise.reject(new Error('module missing')) : Promise.resolve({})),
      create: (_sdk, config) => new FakeClient(config),
    });
    await expect(clients.call(alice, 'eu-west-1', 'Op', use)).rejects.toThrow(/module missing/);
    await expect(clients.call(alice, 'eu-west-1', 'Op', use)).resolves.toBeInstanceOf(FakeClient);
  });

  it('reuses one client for the same credentials and region, and builds another for another region or identity', async () => {
    const { clients, built } = pool();
    const first = await clients.call(alice, 'eu-west-1', 'Op', use);
    const again = await clients.call({ ...alice }, 'eu-west-1', 'Op', use);
    const otherRegion = await clients.call(alice, 'us-east-1', 'Op', use);
    const otherUser = await clients.call(bob, 'eu-west-1', 'Op', use);
    expect(again).toBe(first);
    expect(new Set([first, otherRegion, otherUser]).size).toBe(3);
    expect(built).toHaveLength(3);
  });

  it('builds a new client when a key ID comes back with a different secret, and closes the old one', async () => {
    const { clients } = pool();
    const before = await clients.call(bob, 'eu-west-1', 'Op', use);
    const after = await clients.call({ ...bob, secretAccessKey: 'corrected-secret' }, 'eu-west-1', 'Op', use);
    expect(after).not.toBe(before);
    expect(before.destroyed).toBe(true);
    expect(after.config.credentials.secretAccessKey).toBe('corrected-secret');
  });

  it('builds clients with the request and connection timeouts and the retry settings, and leaves the endpoint to the SDK', async () => {
    const { clients } = pool({ maxAttempts: 4, connectionTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    const client = await clients.call(alice, 'eu-central-1', 'Op', use);
    expect(client.config).toEqual({
      region: 'eu-central-1',
      credentials: { accessKeyId: 'ASIAALICE', secretAccessKey: 'alice-secret', sessionToken: 'alice-token' },
      maxAttempts: 4,
      retryMode: 'standard',
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
    });
    expect(client.config).not.toHaveProperty('endpoint');
  });

  it('closes a client nobody used for the idle time', async () => {
    vi.useFakeTimers();
    const { clients } = pool({ idleMs: 1_000 });
    const client = await clients.call(alice, 'eu-west-1', 'Op', use);
    vi.advanceTimersByTime(999);
    expect(client.destroyed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(client.destroyed).toBe(true);
    expect(clients.size).toBe(0);
    expect(await clients.call(alice, 'eu-west-1', 'Op', use)).not.toBe(client);
  });

  it('keeps at most maxClients, closing the least recently used', async () => {
    const { clients } = pool({ maxClients: 2 });
    const a = await clients.call(alice, 'eu-west-1', 'Op', use);
    const b = await clients.call(bob, 'eu-west-1', 'Op', use);
    await clients.call(alice, 'eu-west-1', 'Op', use); // alice is now the most recent
    const c = await clients.call(alice, 'us-east-1', 'Op', use);
    expect([a.destroyed, b.destroyed, c.destroyed]).toEqual([false, true, false]);
    expect(clients.size).toBe(2);
  });

  it('destroy() closes idle clients at once and a busy one when its call ends', async () => {
    const { clients } = pool();
    const idle = await clients.call(bob, 'eu-west-1', 'Op', use);
    let finish: () => void = () => undefined;
    let busy: FakeClient | undefined;
    const running = clients.call(alice, 'eu-west-1', 'Op', (client) => {
      busy = client;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    await vi.waitFor(() => expect(busy).toBeDefined());

    clients.destroy();
    expect(idle.destroyed).toBe(true);
    expect(busy?.destroyed).toBe(false);
    finish();
    await running;
    expect(busy?.destroyed).toBe(true);
    expect(clients.size).toBe(0);
  });

  it('turns any failure into a redacted AwsCallError named after the operation', async () => {
    const { clients } = pool();
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const failure = await clients
      .call(alice, 'eu-west-1', 'DescribeStacks', () => Promise.reject(Object.assign(new Error(`bad key ${secret}`), { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } })))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AwsCallError);
    expect(failure).toMatchObject({ code: 'AWS_ERROR', awsCode: 'AccessDenied', httpStatus: 403, throttled: false, retryable: false });
    expect((failure as AwsCallError).message).toMatch(/^DescribeStacks failed: AccessDenied: bad key \[redacted\]$/);
    expect((failure as AwsCallError).awsMessage).toBe('bad key [redacted]');
  });
});
