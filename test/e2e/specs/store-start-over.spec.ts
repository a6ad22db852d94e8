import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AwsFilesReader } from '../../../electron/node/aws-files/aws-files.reader';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { EncryptedFileDocumentStore, STORE_FILE_NAME } from '../../../electron/node/store/encrypted-file.document-store';
import { STORE_KEY_ITEM } from '../../../shared/domain/keychain-items';
import type { ChannelName, RequestOf } from '../../../shared/contract';
import { expect, openApp, screenshot, SCREENSHOT_DIR, test } from '../fixtures';
import { startTestHost, type TestHost } from '../host/test-host';

/*
 * Start over, for real: the store key is deleted from the real gnome-keyring (under a keychain
 * service of this test's own, so no other host's store is touched), a fresh host (a restarted
 * app) cannot read the store, and the window offers Start over, then Import from ~/.aws.
 */

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const MISSING_KEY = 'its key is missing from the OS keychain';

let root = '';
let service = '';
const hosts: TestHost[] = [];

/** A host as the app would start: the OS keychain under this test's service, the store in `home`, ~/.aws in `awsHome`. */
async function startApp(): Promise<TestHost> {
  const logger = new StreamLogger();
  const secrets = new KeyringSecretStore({ service });
  const host = await startTestHost({
    home: path.join(root, 'home'),
    ports: {
      secrets,
      store: new EncryptedFileDocumentStore({ home: path.join(root, 'home'), secrets, logger }),
      awsFiles: new AwsFilesReader({ env: {}, homeDir: path.join(root, 'aws-home') }),
      logger,
    },
  });
  hosts.push(host);
  return host;
}

async function call<C extends ChannelName>(host: TestHost, channel: C, request: RequestOf<C>): Promise<void> {
  const result = await host.router.dispatch(channel, request, { transport: 'direct' });
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
}

/** The window as a person sees it now (a dialog over the page), not the whole scrolled page. */
async function viewShot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** How often a sentence appears in what the page shows. */
async function timesShown(page: Page, text: string): Promise<number> {
  return (await page.locator('main').innerText()).split(text).length - 1;
}

test.beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-start-over-'));
  service = `roledeck-e2e-start-over-${process.pid}-${Date.now()}`;
  await mkdir(path.join(root, 'aws-home', '.aws'), { recursive: true });
  await writeFile(
    path.join(root, 'aws-home', '.aws', 'config'),
    '[profile imported-user]\nregion = eu-west-1\n\n[profile imported-role]\nrole_arn = arn:aws:iam::123456789012:role/ExampleRoleName\nsource_profile = imported-user\nexternal_id = acme-external-id-0001\n',
  );
  await writeFile(path.join(root, 'aws-home', '.aws', 'credentials'), `[imported-user]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);
});

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  const secrets = new KeyringSecretStore({ service });
  await secrets.delete(STORE_KEY_ITEM);
  await rm(root, { recursive: true, force: true });
});

test('after the store key is gone from the keychain, Start over moves the store aside and Import from ~/.aws brings profiles back', async ({ page }) => {
  // Yesterday: profiles were saved with the key in the keychain.
  const before = await startApp();
  await call(before, 'profiles.addUser', { name: 'consultant', accessKeyId: KEY_ID, secretAccessKey: SECRET });
  await call(before, 'profiles.addRole', { name: 'acme-prod', source: 'consultant', accountId: '123456789012', roleName: 'Deploy', label: 'Acme' });
  await before.close();
  hosts.splice(0);
  const storeFile = path.join(root, 'home', STORE_FILE_NAME);
  const original = await readFile(storeFile);

  // A new keyring (or a reset one) no longer has the store's key.
  expect(await new KeyringSecretStore({ service }).delete(STORE_KEY_ITEM)).toBe(true);
  const app = await startApp();
  await openApp(page, app, 'accounts');

  const banner = page.getByTestId('store-banner');
  await expect(banner).toContainText('Roledeck cannot read your profiles');
  await expect(banner).toContainText(MISSING_KEY);
  await expect(page.getByTestId('remote-failed')).toContainText('What happened, and how to start over, is at the top of the window.');
  expect(await timesShown(page, MISSING_KEY)).toBe(1);
  await screenshot(page, 'start-over-banner');

  // Settings says it once too, and offers Start over in its own panel.
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByTestId('store-panel')).toContainText('Cannot be read (see the message at the top)');
  await expect(page.getByTestId('clipboard-settings')).toContainText('Your profile store cannot be read.');
  expect(await timesShown(page, MISSING_KEY)).toBe(1);
  await page.getByTestId('store-panel').getByRole('button', { name: 'Start over…' }).click();

  const confirm = page.getByTestId('start-over-dialog');
  await expect(confirm.getByRole('heading', { name: 'Start over with an empty profile list?' })).toBeVisible();
  await expect(confirm.getByRole('list', { name: 'What is lost' })).toContainText('Every profile (IAM users and roles) and customer in it');
  await expect(confirm.getByRole('list', { name: 'What is lost' })).toContainText('Your settings');
  await expect(confirm.getByRole('list', { name: 'What is lost' })).toContainText('Your history');
  await expect(confirm.getByRole('list', { name: 'What is kept' })).toContainText('Secrets in your OS keychain');
  await expect(confirm.getByRole('list', { name: 'What is kept' })).toContainText(storeFile);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await viewShot(page, 'start-over-confirm');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  await confirm.getByRole('button', { name: 'Start over' }).click();

  // The old file went aside under a timestamped name, byte for byte; a new, empty store is in its place.
  const done = page.getByTestId('start-over-done');
  await expect(done.getByRole('heading', { name: 'Started over' })).toBeVisible();
  const movedTo = (await readdir(path.join(root, 'home'))).filter((name) => /^profiles\.rdk\.broken-\d{4}-\d\d-\d\dT[\d-]+Z(-\d+)?$/.test(name));
  expect(movedTo.length).toBeGreaterThanOrEqual(1);
  const aside = await Promise.all(movedTo.map((name) => readFile(path.join(root, 'home', name))));
  expect(aside.some((bytes) => bytes.equals(original))).toBe(true);
  await expect(done).toContainText(path.join(root, 'home', `${STORE_FILE_NAME}.broken-`));
  expect(existsSync(storeFile)).toBe(true);
  await expect(page.getByTestId('store-banner')).toHaveCount(0);
  await expect(page.getByTestId('store-panel')).toContainText('Readable · 0 profiles');
  await viewShot(page, 'start-over-done');

  // Right after: Import from ~/.aws.
  await done.getByRole('button', { name: 'Import from ~/.aws…' }).click();
  const importDialog = page.getByTestId('import-dialog');
  await importDialog.getByLabel('Copy keys into the keychain').check();
  await importDialog.getByRole('button', { name: 'Import 2 profiles' }).click();
  await expect(importDialog).toContainText('Imported 2 profiles');
  await importDialog.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/#\/accounts$/);
  await expect(page.getByRole('option', { name: /^imported-role,/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /^imported-user,/ })).toBeVisible();
  await screenshot(page, 'start-over-imported');

  // The new store is encrypted with a key the keychain has again, and a restarted app reads it.
  const restarted = await startApp();
  const listed = await restarted.router.dispatch('profiles.list', {}, { transport: 'direct' });
  expect(listed.ok && (listed.value as { profiles: { name: string }[] }).profiles.map((profile) => profile.name).sort()).toEqual(['imported-role', 'imported-user']);
});
