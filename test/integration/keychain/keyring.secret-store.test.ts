import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyringSecretStore, WINDOWS_MAX_ITEM_BYTES } from '../../../electron/node/keychain/keyring.secret-store';
import { RoledeckError } from '../../../shared/contract/errors';
import { envWithoutSecretService, lockKeyring, requireKeyringSession, unlockKeyring } from '../fixtures/keyring';

const service = `roledeck-test-${process.pid}`;

describe('KeyringSecretStore on the real Secret Service', () => {
  beforeAll(() => requireKeyringSession());
  afterAll(() => unlockKeyring());

  it('round-trips a secret and deletes it', async () => {
    const store = new KeyringSecretStore({ service });
    const secret = new TextEncoder().encode('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await store.set('user/alice', secret);
    expect(await new KeyringSecretStore({ service }).get('user/alice')).toEqual(secret);
    expect(await store.delete('user/alice')).toBe(true);
    expect(await store.get('user/alice')).toBeNull();
    expect(await store.delete('user/alice')).toBe(false);
  });

  it('splits a secret larger than a Windows credential across parts and reads it back whole', async () => {
    const store = new KeyringSecretStore({ service, maxItemBytes: WINDOWS_MAX_ITEM_BYTES });
    const pem = randomBytes(5000);
    await store.set('cloudfront/key-1', pem);
    expect(await store.get('cloudfront/key-1')).toEqual(new Uint8Array(pem));
    await store.set('cloudfront/key-1', new Uint8Array([1, 2, 3]));
    expect(await store.get('cloudfront/key-1')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.delete('cloudfront/key-1')).toBe(true);
  });

  it('reports ready, then locked with an actionable message, and never falls back elsewhere', async () => {
    const store = new KeyringSecretStore({ service });
    expect((await store.status()).state).toBe('ready');
    lockKeyring();
    try {
      const status = await store.status();
      expect(status.state).toBe('locked');
      expect(status.message).toMatch(/locked.*Unlock/i);
      const failure = await store.set('user/bob', new Uint8Array([1])).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(RoledeckError);
      expect((failure as RoledeckError).code).toBe('KEYCHAIN_LOCKED');
    } finally {
      unlockKeyring();
    }
    expect(await store.get('user/bob')).toBeNull();
  });

  it('reports unavailable, naming what to install, when no Secret Service is reachable', () => {
    const script = path.join(import.meta.dirname, 'status-probe.script.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
      env: envWithoutSecretService(),
      encoding: 'utf8',
    });
    const status = JSON.parse(out) as { state: string; message: string };
    expect(status.state).toBe('unavailable');
    expect(status.message).toMatch(/Secret Service provider/);
  });
});
