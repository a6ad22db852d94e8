import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli, type CliResult } from '../fixtures/cli';
import { envWithoutSecretService, lockKeyring, requireKeyringSession, unlockKeyring } from '../fixtures/keyring';
import { deleteKeychainItem, filesContaining, hangKeyring } from '../fixtures/keyring-faults';
import { motoEndpoint, useMoto } from '../fixtures/moto';
import { recordFigure } from '../../fixtures/figures';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SECOND_SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const KEYCHAIN_EXIT = 4;

let home: string;
const env = (extra: NodeJS.ProcessEnv = {}) => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1', ...extra });

async function timed(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult & { ms: number }> {
  const started = Date.now();
  const result = await runCli(args, { env: env(options.env), ...(options.input === undefined ? {} : { input: options.input }) });
  return { ...result, ms: Date.now() - started };
}

/** Adding a second user's secret while the keychain is broken: refused, and the secret lands nowhere on disk. */
async function expectAddUserRefused(extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const added = await timed(['profile', 'add-user', 'second', '--access-key-id', 'AKIAI44QH8DHBEXAMPLE'], { env: extraEnv, input: `${SECOND_SECRET}\n` });
  expect(added.code).toBe(KEYCHAIN_EXIT);
  expect(added.stdout + added.stderr).not.toContain(SECOND_SECRET);
  expect(filesContaining(home, SECOND_SECRET)).toEqual([]);
  expect(filesContaining(home, SECRET)).toEqual([]);
  return added;
}

describe('roledeck when the OS keychain fails (built CLI, the real gnome-keyring)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  let undo: (() => void) | undefined;
  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-keychain-faults-'));
    const added = await timed(['profile', 'add-user', 'consultant', '--access-key-id', ACCESS_KEY_ID], { input: `${SECRET}\n` });
    expect(added.code).toBe(0);
  });
  afterEach(() => {
    undo?.();
    undo = undefined;
    recordFigure('faults injected', 1);
  });

  it('locked: whoami, credential-process and add-user exit 4 at once, saying to unlock the keychain; nothing is written to disk', async () => {
    lockKeyring();
    undo = unlockKeyring;

    const whoami = await timed(['whoami', 'consultant']);
    const added = await expectAddUserRefused();
    const served = await timed(['credential-process', 'consultant']);

    expect(served.code).toBe(KEYCHAIN_EXIT);
    expect(served.stdout).toBe('');
    expect(served.stderr).toMatch(/The OS keychain is locked\. Unlock it/);
    expect(whoami.code).toBe(KEYCHAIN_EXIT);
    expect(whoami.stderr).toMatch(/The OS keychain is locked\. Unlock it \(log in again or open your keyring manager\) and try again\./);
    expect(added.stderr).toMatch(/The OS keychain is locked\. Unlock it/);
    expect(whoami.ms).toBeLessThan(10_000);
  });

  it('no Secret Service at all: exit 4, naming what to install, and nothing falls back to a file', async () => {
    const noBus = envWithoutSecretService();
    const bus = { DBUS_SESSION_BUS_ADDRESS: noBus.DBUS_SESSION_BUS_ADDRESS, GNOME_KEYRING_CONTROL: '' };

    const whoami = await timed(['whoami', 'consultant'], { env: bus });
    const added = await expectAddUserRefused(bus);

    expect(whoami.code).toBe(KEYCHAIN_EXIT);
    expect(whoami.stderr).toMatch(/Roledeck needs a Secret Service provider \(GNOME Keyring, KeePassXC or KWallet\) running and unlocked in your session\. Nothing was written anywhere else\./);
    expect(added.stderr).toMatch(/Secret Service provider/);
    expect(whoami.ms).toBeLessThan(10_000);
  });

  it('a hung keyring daemon: whoami, credential-process and add-user give up within seconds with exit 4 and a sentence, instead of freezing or blaming a lock', async () => {
    undo = hangKeyring();

    const whoami = await timed(['whoami', 'consultant']);
    const added = await expectAddUserRefused();
    // What the AWS CLI and SDKs run for every call of a credential_process profile: it must not freeze them.
    const served = await timed(['credential-process', 'consultant']);

    expect(served.code).toBe(KEYCHAIN_EXIT);
    expect(served.stdout).toBe('');
    expect(served.stderr).toMatch(/The OS keychain did not answer/);
    expect(served.ms).toBeLessThan(15_000);
    // The bus gives up on a stopped daemon after about 2 s; Roledeck's own 10 s deadline is the backstop.
    expect(whoami.stderr).toMatch(/The OS keychain did not answer( within 10 s)?\. Check your keyring service \(GNOME Keyring, KeePassXC or KWallet\), or restart it, and try again\./);
    expect(whoami.stderr).not.toMatch(/locked/);
    expect(whoami.code).toBe(KEYCHAIN_EXIT);
    expect(added.stderr).toMatch(/did not answer/);
    expect(whoami.ms).toBeLessThan(15_000);
  }, 90_000);

  it('the user’s secret deleted behind Roledeck’s back: a sentence saying to enter it again, and the profile list still works', async () => {
    const listed = JSON.parse((await timed(['list', '--json'])).stdout) as { profiles: Array<{ id: string; name: string }> };
    const id = listed.profiles.find((profile) => profile.name === 'consultant')!.id;
    deleteKeychainItem(`user/${id}`);

    const whoami = await timed(['whoami', 'consultant']);
    const exported = await timed(['export', 'consultant']);
    const list = await timed(['list']);

    expect(whoami.stderr).toMatch(/The secret access key of "consultant" is not in the keychain\. Edit the profile and enter it again\./);
    // whoami reports a failed access test (1); export names the missing item (3, "not found").
    expect(whoami.code).toBe(1);
    expect(exported.stderr).toMatch(/is not in the keychain\. Edit the profile and enter it again\./);
    expect(exported.code).toBe(3);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('consultant');
  });

  it('the profile store’s key deleted behind Roledeck’s back: the store is reported unreadable with the way out, and the file is kept', async () => {
    deleteKeychainItem('store/key');

    const list = await timed(['list']);

    expect(list.code).not.toBe(0);
    expect(list.stderr).toMatch(/its key is missing from the OS keychain\. The file was left as it is\./);
    expect(list.stderr).toMatch(/`roledeck store reset`/);
    expect(readdirSync(home).filter((name) => name.startsWith('profiles.rdk'))).toContain('profiles.rdk');
  });
});
