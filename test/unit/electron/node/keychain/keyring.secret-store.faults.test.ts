import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEYCHAIN_TIMEOUT_MS, KeyringSecretStore } from '../../../../../electron/node/keychain/keyring.secret-store';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { DeniedKeyringEntry, HangingKeyringEntry } from '../../../../fakes/faulty.keyring-entry';

async function failureOf(promise: Promise<unknown>): Promise<RoledeckError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(RoledeckError);
  return outcome as RoledeckError;
}

describe('KeyringSecretStore when the keychain misbehaves', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a keychain that never answers fails after 10 s with a sentence saying what to check, and the stuck call is aborted', async () => {
    vi.useFakeTimers();
    const store = new KeyringSecretStore({ platform: 'linux', openEntry: () => new HangingKeyringEntry() });
    const abortedBefore = HangingKeyringEntry.aborted;

    const reading = failureOf(store.get('user/alice'));
    await vi.advanceTimersByTimeAsync(KEYCHAIN_TIMEOUT_MS - 1);
    let settled = false;
    void reading.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const failure = await reading;

    expect(KEYCHAIN_TIMEOUT_MS).toBe(10_000);
    expect(failure.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(failure.message).toBe(
      'The OS keychain did not answer within 10 s. Check your keyring service (GNOME Keyring, KeePassXC or KWallet), or restart it, and try again. Nothing was written anywhere else.',
    );
    expect(HangingKeyringEntry.aborted).toBe(abortedBefore + 1);
  });

  it('reports a hung keychain as unavailable in its status, within the timeout, on every platform', async () => {
    const started = Date.now();
    const linux = await new KeyringSecretStore({ platform: 'linux', timeoutMs: 100, openEntry: () => new HangingKeyringEntry() }).status();
    const mac = await new KeyringSecretStore({ platform: 'darwin', timeoutMs: 100, openEntry: () => new HangingKeyringEntry() }).status();

    expect(linux).toMatchObject({ backend: 'secret-service', state: 'unavailable', message: expect.stringMatching(/did not answer within 1 s\. Check your keyring service/) as string });
    expect(mac.message).toMatch(/look for a keychain dialog waiting for you/);
    // The general "install a Secret Service provider" fix would send the person the wrong way.
    expect(linux.fix).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a Secret Service that refuses access (D-Bus AccessDenied) says so, instead of "cannot be reached"', async () => {
    const store = new KeyringSecretStore({ platform: 'linux', openEntry: () => new DeniedKeyringEntry() });

    const status = await store.status();
    const writing = await failureOf(store.set('user/alice', new Uint8Array([1, 2, 3])));

    expect(status.state).toBe('unavailable');
    expect(status.message).toMatch(/^The OS keychain refused Roledeck access\. Allow Roledeck in your keychain’s access settings/);
    expect(status.fix).toBeUndefined();
    expect(writing.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(writing.message).toBe(status.message);
    expect(writing.message).toMatch(/Nothing was written anywhere else\.$/);
  });

  it('a keyring daemon that stopped answering the bus reads as not answering, not as locked ("…policy blocked the reply")', async () => {
    const noReply = new DeniedKeyringEntry(
      'Platform failure: DBus error: Did not receive a reply. Possible causes include: the remote application did not send a reply, the message bus security policy blocked the reply, the reply timeout expired, or the network connection was broken.',
    );

    const status = await new KeyringSecretStore({ platform: 'linux', openEntry: () => noReply }).status();

    expect(status.state).toBe('unavailable');
    expect(status.message).toBe('The OS keychain did not answer. Check your keyring service (GNOME Keyring, KeePassXC or KWallet), or restart it, and try again. Nothing was written anywhere else.');
  });

  it('Windows’ "Access is denied." reads the same way', async () => {
    const failure = await failureOf(new KeyringSecretStore({ platform: 'win32', openEntry: () => DeniedKeyringEntry.windows() }).get('user/alice'));

    expect(failure.message).toMatch(/^The OS keychain refused Roledeck access/);
  });
});
