import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import { STORE_FILE_NAME } from '../../../electron/node/store/encrypted-file.document-store';
import { STORE_KEY_ITEM, userSecretItem } from '../../../shared/domain/keychain-items';
import { cliPath, ensureCliBuilt, runCli } from '../fixtures/cli';
import { requireKeyringSession } from '../fixtures/keyring';
import { Terminal } from '../fixtures/terminal';

/*
 * The store key lost from the real keyring (a new keyring, a reset one), seen through the built
 * CLI: the error names the way out, `roledeck store reset` moves the file aside and starts an
 * empty store that works, and the keychain's other secrets stay. The CLI files its keychain items
 * under the service "roledeck" in the suite's private keyring; integration files run one at a time.
 */

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
let home: string;
const env = () => ({ ROLEDECK_HOME: home });
const keychain = () => new KeyringSecretStore();

async function addConsultant(): Promise<string> {
  const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--json'], { env: env(), input: `${SECRET}\n` });
  expect(added.code).toBe(0);
  return (JSON.parse(added.stdout) as { id: string }).id;
}

function setAside(): string[] {
  return readdirSync(home).filter((name) => name.startsWith(`${STORE_FILE_NAME}.`));
}

describe('roledeck store reset (built CLI, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-store-reset-'));
  });

  it('after the store key is deleted from the keychain: the error says how to start over, reset moves the file aside, the new store works, secrets stay', async () => {
    const userId = await addConsultant();
    const storeFile = path.join(home, STORE_FILE_NAME);
    const original = readFileSync(storeFile);
    expect(await keychain().delete(STORE_KEY_ITEM)).toBe(true);

    const listed = await runCli(['profile', 'list'], { env: env() });
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain('its key is missing from the OS keychain');
    expect(listed.stderr).toContain('`roledeck store reset`');
    expect(listed.stderr).not.toContain('choose Start over');

    // Off a terminal, it will not throw anything away without --yes.
    const refused = await runCli(['store', 'reset'], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');
    expect(readFileSync(storeFile)).toEqual(original);

    const reset = await runCli(['store', 'reset', '--yes'], { env: env() });
    expect(reset.code).toBe(0);
    expect(reset.stderr).toContain('every profile in it (it cannot be read now)');
    expect(reset.stderr).toContain('Kept: secrets in the OS keychain');
    const moved = /The old store is at (.+)\.\n/.exec(reset.stdout)?.[1];
    expect(path.dirname(moved!)).toBe(home);
    expect(path.basename(moved!)).toMatch(/^profiles\.rdk\.broken-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z(-\d+)?$/);
    expect(readFileSync(moved!)).toEqual(original);
    expect(setAside()).toContain(path.basename(moved!));

    // A new, empty store under a new key in the keychain; it takes profiles again.
    expect(JSON.parse((await runCli(['store', 'status', '--json'], { env: env() })).stdout)).toMatchObject({ state: 'ok', profiles: 0 });
    expect((await keychain().get(STORE_KEY_ITEM))?.length).toBe(32);
    await addConsultant();
    expect(JSON.parse((await runCli(['profile', 'list', '--json'], { env: env() })).stdout).profiles).toHaveLength(1);
    // The old IAM user's secret is still in the keychain: Start over deletes no secret.
    expect(Buffer.from((await keychain().get(userSecretItem(userId)))!).toString('utf8')).toBe(SECRET);
  });

  describe('on a terminal', () => {
    const terminal = new Terminal('store-reset');
    afterEach(() => terminal.close());

    it('asks first, says what is lost, and starts over only on "yes"', async () => {
      await addConsultant();
      const command = `ROLEDECK_HOME='${home}' '${process.execPath}' '${cliPath}' store reset; echo "exit=$?"; sleep 30`;
      terminal.start('reset', command, { width: 160, height: 30 });
      const asked = await terminal.waitFor('reset', 'Type "yes" to continue:', 10_000);
      expect(asked).toContain('Roledeck will no longer have: 1 profile, your settings and your history.');
      terminal.type('reset', 'yes', 'Enter');
      const done = await terminal.waitFor('reset', 'exit=', 10_000);
      expect(done).toContain('Started over with an empty profile store');
      expect(done).toContain('exit=0');
      expect(setAside().some((name) => name.startsWith(`${STORE_FILE_NAME}.previous-`))).toBe(true);
      expect(existsSync(path.join(home, STORE_FILE_NAME))).toBe(true);
    });
  });
});
