import { generateKeyPairSync } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { recordFigure } from '../../fixtures/figures';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { CanarySearch, type Canary } from '../../integration/security/canary-search';
import { expect, openApp } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * Issue 16, item 1, the renderer's half: canary secrets typed into the window (a secret access key,
 * an MFA code, a NoEcho deploy parameter, a CloudFront private key and its passphrase), plus the
 * session keys moto issues, must not be found afterwards in the DOM
 * (markup and every field's current value), localStorage, sessionStorage, IndexedDB, cookies, the
 * console, or any message the host sent the page. The only place the session keys may be is the
 * clipboard main wrote when asked to copy. The main side's log, files and CLI are searched by
 * test/integration/security/secret-canaries.moto.test.ts.
 */

const ACCOUNT = '123456789012';
const USER_SECRET = 'CANARYuiAddUserSecret/ZZZZZZZZZZZZZZZZZ9';
const MFA_CODE = '582046';
const NO_ECHO = 'CANARYuiNoEchoApiToken-2718281828';
const PASSPHRASE = 'CANARY-ui-passphrase-tr0ub4dor';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Roledeck canary stack
Parameters:
  ApiToken:
    Type: String
    NoEcho: true
Resources:
  Topic:
    Type: AWS::SNS::Topic
`;

/** Everything the page holds that a secret could hide in, one entry per place. */
async function pagePlaces(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const storage = (store: Storage) => Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i) ?? '')}`).join('\n');
    const fields = Array.from(document.querySelectorAll('input, textarea, select'))
      .map((field) => (field as HTMLInputElement).value)
      .join('\n');
    const databases = await indexedDB.databases();
    const dumps = await Promise.all(
      databases.map(
        (info) =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open(info.name ?? '');
            open.onsuccess = () => {
              const db = open.result;
              const names = Array.from(db.objectStoreNames);
              if (names.length === 0) return resolve(`${db.name}: empty`);
              const read = db.transaction(names, 'readonly');
              const parts: string[] = [];
              for (const name of names) {
                const all = read.objectStore(name).getAll();
                all.onsuccess = () => parts.push(`${name}=${JSON.stringify(all.result)}`);
              }
              read.oncomplete = () => resolve(`${db.name}: ${parts.join('\n')}`);
            };
            open.onerror = () => resolve(`${info.name ?? '?'}: unreadable`);
          }),
      ),
    );
    return {
      'the DOM (markup)': document.documentElement.outerHTML,
      'the DOM (field values)': fields,
      localStorage: storage(localStorage),
      sessionStorage: storage(sessionStorage),
      IndexedDB: dumps.join('\n'),
      cookies: document.cookie,
    };
  });
}

/**
 * While a dialog is open: the field holds what was typed (so the search below is not empty-handed),
 * and the page's markup does not. React mirrors a controlled field's value into the markup.
 */
async function expectOnlyInTheField(page: Page, field: Locator, typed: string, needle: string, name: string): Promise<void> {
  await expect(field).toHaveValue(typed);
  const markup = await page.evaluate(() => document.documentElement.outerHTML);
  expect(markup.includes(needle), `${name} in the page markup while its dialog is open`).toBe(false);
}

test.describe('secret-leak canaries in the window', () => {
  test('no canary reaches the page, its storage, the console, or a message the host sent it', async ({ page, app }) => {
    test.setTimeout(120_000);
    const received: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))));
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    const canaries: Canary[] = [
      { name: 'secret access key (add user)', value: USER_SECRET },
      { name: 'MFA code', value: MFA_CODE },
      { name: 'NoEcho deploy parameter', value: NO_ECHO },
      { name: 'CloudFront key passphrase', value: PASSPHRASE },
    ];

    const user = await createUserWithKey('consultant');
    const roleArn = await createRole('Deployer', trustPolicyFor(user.arn));
    await openApp(page, app, 'accounts');
    // Add user through the form, with an MFA device, so the session needs a code.
    await page.getByRole('button', { name: 'Add IAM user' }).click();
    const userDialog = page.getByRole('dialog', { name: 'Add IAM user' });
    await userDialog.getByLabel('Profile name').fill('consultant');
    await userDialog.getByLabel('Access key ID').fill(user.credentials.accessKeyId);
    await userDialog.getByLabel('Secret access key').fill(USER_SECRET);
    await userDialog.getByLabel('MFA device').fill(`arn:aws:iam::${ACCOUNT}:mfa/consultant`);
    await userDialog.getByLabel('Region').fill('eu-west-1');
    await userDialog.getByRole('button', { name: 'Add IAM user' }).click();
    await expect(userDialog).toBeHidden();
    const role = (await invoke(page, 'profiles.addRole', { name: 'acme-test', source: 'consultant', roleArn, region: 'eu-west-1', label: 'Acme' })) as ProfileView;

    // Start the role session: the MFA dialog takes the canary code.
    await page.goto(`${app.url}#/sessions`);
    await page.getByLabel('Profile', { exact: true }).selectOption(role.id);
    await page.getByRole('button', { name: 'Start session' }).click();
    const codeField = page.getByRole('dialog', { name: /^MFA code for / }).getByLabel('6-digit code');
    // Five digits first: the sixth sends the code, which empties the field.
    await codeField.pressSequentially(MFA_CODE.slice(0, 5));
    await expectOnlyInTheField(page, codeField, MFA_CODE.slice(0, 5), MFA_CODE.slice(0, 5), 'the MFA code typed so far');
    await codeField.pressSequentially(MFA_CODE.slice(5));
    const card = page.getByTestId('active-session');
    await expect(card.getByTestId('session-state')).toHaveText('Active');

    // Copy: the session keys go to the clipboard (asked for) and become canaries everywhere else.
    await card.getByRole('button', { name: 'Copy for bash acme-test' }).click();
    await expect(card.getByTestId('copy-status')).toContainText('Copied for bash');
    const secret = /export AWS_SECRET_ACCESS_KEY='([^']+)'/.exec(app.clipboard.text)?.[1] ?? '';
    const token = /export AWS_SESSION_TOKEN='([^']+)'/.exec(app.clipboard.text)?.[1] ?? '';
    expect(secret).toHaveLength(40);
    canaries.push({ name: 'role session secret key (moto)', value: secret }, { name: 'role session token (moto)', value: token });

    // Deploy with the NoEcho value typed into its (password) field, to the end of the run.
    await page.goto(`${app.url}#/deploy`);
    await page.reload();
    await expect(page.getByTestId('target-account')).toContainText(ACCOUNT);
    await page.getByTestId('template-input').setInputFiles({ name: 'canary.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(TEMPLATE) });
    await page.getByTestId('stack-name').fill('canary-stack');
    await page.locator('input[data-parameter="ApiToken"]').fill(NO_ECHO);
    await page.getByTestId('create-change-set').click();
    await expect(page.getByTestId('change-set-review')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('execute-change-set').click();
    await expect(page.getByTestId('deploy-outcome')).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });

    // A CloudFront key and its passphrase typed into the import dialog, then signing with it.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }).toString();
    canaries.push(
      { name: 'CloudFront private key (as imported)', value: pem.split('\n')[2]! },
      { name: 'CloudFront private key (decrypted)', value: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().split('\n')[2]! },
    );
    await page.goto(`${app.url}#/cloudfront`);
    await page.getByRole('button', { name: 'Import' }).click();
    const importDialog = page.getByTestId('cf-import-dialog');
    await importDialog.getByLabel('Private key (PEM)').fill(pem);
    await importDialog.getByLabel('Key ID').fill('K2JCJMDEHXQW5F');
    await importDialog.getByLabel('Label').fill('Acme media');
    await importDialog.getByLabel('Passphrase').fill(PASSPHRASE);
    await expectOnlyInTheField(page, importDialog.getByLabel('Private key (PEM)'), pem, pem.split('\n')[2]!, 'the pasted private key');
    await expectOnlyInTheField(page, importDialog.getByLabel('Passphrase'), PASSPHRASE, PASSPHRASE, 'the key’s passphrase');
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await expect(importDialog).toBeHidden();
    const { keys } = (await invoke(page, 'cloudfront.keys', {})) as { keys: { id: string }[] };
    await invoke(page, 'cloudfront.sign', { key: keys[0]!.id, url: 'https://d111111abcdef8.cloudfront.net/movie.mp4', expires: '2h' });

    // The search, on the deploy page as it ended and again after a reload of every section.
    const search = new CanarySearch(() => canaries);
    const searchPage = async (when: string) => {
      for (const [place, content] of Object.entries(await pagePlaces(page))) search.search(`${place} (${when})`, content);
    };
    await searchPage('after the deploy and the key import');
    for (const section of ['accounts', 'sessions', 'deploy', 'cloudfront', 'settings']) {
      await page.goto(`${app.url}#/${section}`);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await searchPage(`${section} after a reload`);
    }
    search.search('messages from the host', received.join('\n'));
    search.search('the console', consoleLines.join('\n'));
    expect(received.length).toBeGreaterThan(20);
    // Control: the clipboard, which was asked for, does hold the session keys.
    const control = new CanarySearch(() => canaries);
    control.search('the clipboard', app.clipboard.text);
    expect(control.found).toEqual(['role session secret key (moto) in the clipboard', 'role session token (moto) in the clipboard']);

    recordFigure('canaries searched', search.checks);
    recordFigure('canaries found', search.found.length);
    expect(search.found).toEqual([]);
  });
});
