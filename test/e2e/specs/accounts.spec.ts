import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { AwsFilesReader } from '../../../electron/node/aws-files/aws-files.reader';
import type { ChannelName, RequestOf } from '../../../shared/contract';
import type { Profile } from '../../../shared/domain/profile';
import { expect, openApp, screenshot, SCREENSHOT_DIR, test as base } from '../fixtures';
import { webHostPorts } from '../../../electron/web-host/web-host';
import { startTestHost, type TestHost } from '../host/test-host';

/*
 * Accounts against the real main side: every test gets its own host with a fresh, empty profile
 * store (its own ROLEDECK_HOME in a temp directory), the real gnome-keyring for secrets and the
 * real router behind the page's WebSocket. The suite's shared `host` is left untouched, so the
 * shell specs still see an empty store.
 */

/** Exactly 40 characters of [A-Za-z0-9/+=]: a valid secret access key nobody owns. */
const CANARY = 'Canary0Secret0Key0Value0ABCDEFGHIJKLMNOP';
const OTHER_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

const test = base.extend<{ app: TestHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  app: async ({}, use) => {
    // ~/.aws is an empty temporary home: the import dialog never reads the machine's own files.
    const awsHome = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-aws-home-'));
    const host = await startTestHost({ ports: { awsFiles: new AwsFilesReader({ env: {}, homeDir: awsHome }) } });
    await use(host);
    await host.close();
    await rm(awsHome, { recursive: true, force: true });
  },
});

async function call<C extends ChannelName>(host: TestHost, channel: C, request: RequestOf<C>): Promise<unknown> {
  const result = await host.router.dispatch(channel, request, { transport: 'direct' });
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function seedCustomer(host: TestHost): Promise<void> {
  await call(host, 'profiles.addUser', { name: 'consultant', accessKeyId: KEY_ID, secretAccessKey: OTHER_SECRET, mfaSerial: 'arn:aws:iam::111122223333:mfa/consultant' });
  await call(host, 'profiles.addRole', { name: 'acme-hub', source: 'consultant', accountId: '123456789012', roleName: 'Hub', label: 'Acme Corp', color: '#e03131' });
  await call(host, 'profiles.addRole', { name: 'acme-prod', source: 'acme-hub', accountId: '123456789012', roleName: 'Deploy', label: 'Acme Corp', externalId: 'acme-external-id-0001', region: 'eu-west-1' });
  await call(host, 'profiles.addRole', { name: 'globex-prod', source: 'consultant', roleArn: 'arn:aws:iam::210987654321:role/ExampleRoleName', label: 'Globex', color: '#2f9e44', mfaSerial: 'arn:aws:iam::111122223333:mfa/consultant' });
  await call(host, 'profiles.addRole', { name: 'sandbox', source: 'consultant', accountId: '555566667777', roleName: 'Admin', region: 'us-east-1' });
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

function option(page: Page, name: string): Locator {
  return page.getByRole('listbox', { name: /^Profiles/ }).getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) });
}

async function groupNames(page: Page): Promise<Record<string, string[]>> {
  return page.getByRole('listbox', { name: /^Profiles/ }).evaluate((listbox) => {
    const out: Record<string, string[]> = {};
    for (const group of listbox.querySelectorAll('[role="group"]')) {
      out[group.getAttribute('aria-label') ?? '?'] = Array.from(group.querySelectorAll('[role="option"]')).map((row) => row.getAttribute('data-profile') ?? '?');
    }
    return out;
  });
}

/** Everything the page keeps that a secret could hide in. */
async function pageKeeps(page: Page): Promise<string> {
  return page.evaluate(() => {
    const storage = (store: Storage) => Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i) ?? '')}`).join('\n');
    return [document.documentElement.outerHTML, storage(localStorage), storage(sessionStorage)].join('\n');
  });
}

/**
 * A modal dialog covers the viewport only: a full-page shot would show the page below it
 * undimmed. Scrolls the dialog's body to the top first, unless asked not to.
 */
async function dialogShot(page: Page, name: string, scrollTop = true): Promise<void> {
  if (scrollTop) await page.locator('dialog[open] .dialog__body').evaluate((body) => body.scrollTo(0, 0));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

interface Frames {
  sent: string[];
  received: string[];
}

function recordFrames(page: Page): Frames {
  const frames: Frames = { sent: [], received: [] };
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => frames.sent.push(String(frame.payload)));
    socket.on('framereceived', (frame) => frames.received.push(String(frame.payload)));
  });
  return frames;
}

test.describe('Accounts', () => {
  test('adds an IAM user and a role through the UI, groups them by customer, and keeps them after a reload; the secret never comes back', async ({ page, app }) => {
    test.setTimeout(60_000);
    // Tall enough for the whole role form in the screenshot.
    await page.setViewportSize({ width: 1280, height: 1000 });
    const frames = recordFrames(page);
    await openApp(page, app);
    await expect(page.getByRole('main')).toContainText('Add an IAM user or import your ~/.aws profiles');

    // The IAM user, with the canary as its secret.
    await page.getByRole('button', { name: 'Add IAM user' }).click();
    const userDialog = page.getByRole('dialog', { name: 'Add IAM user' });
    await expect(userDialog).toBeVisible();
    await expect(userDialog.getByLabel('Profile name')).toBeFocused();
    await userDialog.getByLabel('Profile name').fill('consultant');
    await userDialog.getByLabel('Access key ID').fill(KEY_ID);
    const secret = userDialog.getByLabel('Secret access key');
    await expect(secret).toHaveAttribute('type', 'password');
    await secret.fill(CANARY);
    await userDialog.getByLabel('MFA device').fill('arn:aws:iam::111122223333:mfa/consultant');
    await userDialog.getByLabel('Region').fill('eu-west-1');
    await dialogShot(page, 'add-user-dialog');
    expect(await pageKeeps(page)).not.toContain(CANARY);
    expect(frames.sent.filter((frame) => frame.includes(CANARY))).toEqual([]);

    await userDialog.getByRole('button', { name: 'Add IAM user' }).click();
    await expect(userDialog).toBeHidden();
    await expect(option(page, 'consultant')).toBeVisible();
    await expect(option(page, 'consultant')).toHaveAccessibleName('consultant, IAM user, key AKIA••••••••••••MPLE, MFA, region eu-west-1');

    // A hub role added behind the page's back, then the chained role through the UI.
    await call(app, 'profiles.addRole', { name: 'acme-hub', source: 'consultant', accountId: '123456789012', roleName: 'Hub', label: 'Acme Corp', color: '#e03131' });
    await page.reload();
    await expect(option(page, 'acme-hub')).toBeVisible();

    await page.getByRole('button', { name: 'Add role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Add role' });
    await roleDialog.getByLabel('Profile name').fill('acme-prod');
    await roleDialog.getByLabel('Source profile').selectOption('acme-hub');
    await roleDialog.getByRole('textbox', { name: 'Account ID' }).fill('123456789012');
    await roleDialog.getByRole('textbox', { name: 'Role name' }).fill('ExampleRoleName');
    await roleDialog.getByRole('button', { name: 'Generate' }).click();
    const externalId = await roleDialog.getByLabel('ExternalId').inputValue();
    expect(externalId).toMatch(/^[A-Za-z0-9]{32}$/);
    await roleDialog.getByLabel('Duration (seconds)').fill('3600');
    await expect(roleDialog).toContainText('3,600 s = 1 h');
    await roleDialog.getByLabel('Label', { exact: true }).fill('Acme Corp');
    await roleDialog.getByRole('radio', { name: 'Red' }).check();
    await dialogShot(page, 'add-role-dialog');
    await roleDialog.getByRole('button', { name: 'Add role' }).click();
    await expect(roleDialog).toBeHidden();

    const prod = option(page, 'acme-prod');
    await expect(prod).toHaveAccessibleName(
      'acme-prod, role, account 123456789012, role ExampleRoleName, via consultant → acme-hub → acme-prod, ExternalId yes',
    );
    await expect(prod).toContainText('consultant → acme-hub → acme-prod');
    // The row says there is an ExternalId; the value itself stays in the edit form.
    await expect(prod).not.toContainText(externalId);
    expect(await groupNames(page)).toEqual({ 'Acme Corp, 2 profiles': ['acme-hub', 'acme-prod'], 'IAM users, 1 profile': ['consultant'] });
    const stored = (await call(app, 'profiles.list', {})) as { profiles: { name: string; externalId?: string; durationSeconds?: number }[] };
    expect(stored.profiles.find((profile) => profile.name === 'acme-prod')).toMatchObject({ externalId, durationSeconds: 3600 });

    await page.reload();
    expect(await groupNames(page)).toEqual({ 'Acme Corp, 2 profiles': ['acme-hub', 'acme-prod'], 'IAM users, 1 profile': ['consultant'] });
    await screenshot(page, 'accounts-list-light');

    // Editing the user: the secret box is blank and says why.
    await option(page, 'consultant').click();
    const editUser = page.getByRole('dialog', { name: 'Edit consultant' });
    await expect(editUser.getByLabel('Secret access key')).toHaveValue('');
    await expect(editUser).toContainText('Leave blank to keep the stored secret');
    await expect(editUser).toContainText('Stored: AKIA••••••••••••MPLE');
    expect(await pageKeeps(page)).not.toContain(CANARY);
    await page.keyboard.press('Escape');
    await expect(editUser).toBeHidden();

    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'accounts-list-dark');

    // The canary: nowhere in the page, its storage, or anything the host sent; sent exactly once.
    expect(await pageKeeps(page)).not.toContain(CANARY);
    expect(frames.received.length).toBeGreaterThan(5);
    expect(frames.received.filter((frame) => frame.includes(CANARY))).toEqual([]);
    const carrying = frames.sent.filter((frame) => frame.includes(CANARY));
    expect(carrying).toHaveLength(1);
    expect(JSON.parse(carrying[0]!)).toMatchObject({ channel: 'profiles.addUser', payload: { name: 'consultant', secretAccessKey: CANARY } });
  });

  test('bad input: each invalid field names its rule, and a duplicate name is refused by the main side', async ({ page, app }) => {
    await call(app, 'profiles.addUser', { name: 'consultant', accessKeyId: KEY_ID, secretAccessKey: OTHER_SECRET });
    // Tall enough for every error of the role form in one screenshot.
    await page.setViewportSize({ width: 1280, height: 1100 });
    await openApp(page, app);

    await page.getByRole('button', { name: 'Add role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add role' });
    await dialog.getByLabel('Profile name').fill('acme');
    await dialog.getByRole('textbox', { name: 'Account ID' }).fill('12345678901');
    await dialog.getByRole('textbox', { name: 'Role name' }).fill('Admin');
    await dialog.getByLabel('ExternalId').fill('x');
    await dialog.getByLabel('Duration (seconds)').fill('100');
    await dialog.getByRole('button', { name: 'Add role' }).click();

    const accountId = dialog.getByRole('textbox', { name: 'Account ID' });
    await expect(accountId).toHaveAccessibleDescription(/The account ID has 11 digits; it needs 12/);
    await expect(accountId).toHaveAttribute('aria-invalid', 'true');
    await expect(accountId).toBeFocused();
    await expect(dialog.getByLabel('ExternalId')).toHaveAccessibleDescription(/The ExternalId has 1 character; it needs 2 to 1,224/);
    await expect(dialog.getByLabel('Duration (seconds)')).toHaveAccessibleDescription(/The duration is 100 seconds; a role session lasts at least 900 seconds \(15 minutes\)/);
    await dialogShot(page, 'accounts-validation-errors', false);

    // A mistyped ARN, checked when the field is left.
    await dialog.getByRole('radio', { name: 'Role ARN' }).check();
    await dialog.getByRole('textbox', { name: 'Role ARN' }).fill('arn:aws:iam::123:role/Admin');
    await dialog.getByRole('textbox', { name: 'Role ARN' }).blur();
    await expect(dialog.getByRole('textbox', { name: 'Role ARN' })).toHaveAccessibleDescription(/The account ID has 3 digits; it needs 12/);

    // Fixed, but the name is taken: the main side says so, next to the name, which takes focus.
    await dialog.getByRole('textbox', { name: 'Role ARN' }).fill('arn:aws:iam::123456789012:role/Admin');
    await dialog.getByLabel('ExternalId').fill('acme-external-id');
    await dialog.getByLabel('Duration (seconds)').fill('3600');
    await dialog.getByLabel('Profile name').fill('consultant');
    await dialog.getByRole('button', { name: 'Add role' }).click();
    const name = dialog.getByLabel('Profile name');
    await expect(name).toHaveAccessibleDescription(/^A profile named "consultant" already exists\. Pick another name or edit that profile\./);
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toBeFocused();
    await expect(dialog.getByRole('alert')).toHaveCount(0);

    // Esc on a filled form asks before it throws the input away; Keep editing keeps every field.
    await page.keyboard.press('Escape');
    await expect(dialog.getByRole('alert')).toHaveText('Discard what you typed in this form?');
    await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await dialogShot(page, 'accounts-discard-confirm', false);
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('ExternalId')).toHaveValue('acme-external-id');
    // Cancel asks too; Discard closes.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Add IAM user' }).click();
    const user = page.getByRole('dialog', { name: 'Add IAM user' });
    await user.getByLabel('Profile name').fill('second');
    await user.getByLabel('Access key ID').fill(KEY_ID);
    await user.getByLabel('Secret access key').fill('tooShort');
    await user.getByRole('button', { name: 'Add IAM user' }).click();
    await expect(user.getByLabel('Secret access key')).toHaveAccessibleDescription(/The secret access key has 8 characters; it needs 40 \(letters, digits and \/ \+ =\)/);
    await expect(user.getByLabel('Secret access key')).toBeFocused();
  });

  test('imports ~/.aws: a preview of what is created and skipped, then Apply, and the list shows them', async ({ page }) => {
    const awsDir = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-aws-'));
    const config = path.join(awsDir, 'config');
    const credentials = path.join(awsDir, 'credentials');
    const importedSecret = 'Import0Secret0Key0Value0ABCDEFGHIJKLMNOP';
    await writeFile(
      config,
      [
        '[default]',
        'region = eu-west-1',
        '[profile consultant]',
        'region = eu-west-1',
        'mfa_serial = arn:aws:iam::111122223333:mfa/consultant',
        '[profile acme-hub]',
        'role_arn = arn:aws:iam::123456789012:role/Hub',
        'source_profile = consultant',
        '[profile acme-prod]',
        'role_arn = arn:aws:iam::123456789012:role/Deploy',
        'source_profile = acme-hub',
        'external_id = acme-external-id-0001',
        '[profile corp-sso]',
        'sso_start_url = https://example.awsapps.com/start',
        'sso_region = eu-west-1',
        'sso_account_id = 999988887777',
        'sso_role_name = ReadOnly',
        '',
      ].join('\n'),
    );
    await writeFile(credentials, ['[consultant]', `aws_access_key_id = ${KEY_ID}`, `aws_secret_access_key = ${importedSecret}`, ''].join('\n'));
    // The host reads these files as the SDKs would with AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE set.
    const app = await startTestHost({
      ports: {
        awsFiles: new AwsFilesReader({ env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials }, homeDir: awsDir }),
        // The CLI as `npm link` would put it on PATH: a credential_process line names it by full path.
        cliLauncher: async () => ({ command: [process.execPath, path.join(process.cwd(), 'dist', 'cli', 'roledeck.mjs')], found: true }),
      },
    });
    try {
      const frames = recordFrames(page);
      await openApp(page, app);
      await page.getByRole('button', { name: 'Import from ~/.aws' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import from ~/.aws' });
      const preview = dialog.getByTestId('import-preview');
      await expect(preview).toContainText(config);
      await expect(preview).toContainText(credentials);
      // Unticked, the static keys stay where they are, and so do the roles that need them.
      await expect(preview).toContainText('Will be created (0)');
      await expect(dialog.getByRole('list', { name: 'Skipped profiles' })).toContainText('static keys stay in ~/.aws/credentials');

      await dialog.getByLabel('Copy keys into the keychain').check();
      await expect(preview).toContainText('Will be created (3)');
      await expect(dialog.getByRole('list', { name: 'IAM users to create' })).toContainText('consultant');
      await expect(dialog.getByRole('list', { name: 'IAM users to create' })).toContainText('AKIA••••••••••••MPLE');
      const roles = dialog.getByRole('list', { name: 'Roles to create' });
      await expect(roles).toContainText('consultant → acme-hub → acme-prod');
      await expect(roles).toContainText('arn:aws:iam::123456789012:role/Deploy · ExternalId');
      const skipped = dialog.getByRole('list', { name: 'Skipped profiles' });
      await expect(skipped).toContainText('corp-sso');
      await expect(skipped).toContainText('IAM Identity Center (SSO)');
      await dialogShot(page, 'import-preview');

      await dialog.getByRole('button', { name: 'Import 3 profiles' }).click();
      await expect(dialog.getByRole('status')).toContainText('Imported 3 profiles');
      await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
      await dialogShot(page, 'import-result');

      // The import copied the keys; taking them off disk is a second, confirmed step.
      expect(await readFile(credentials, 'utf8')).toContain(importedSecret);
      const plaintext = dialog.getByTestId('plaintext-keys');
      await expect(plaintext).toContainText('still holds them in plaintext');
      await plaintext.getByRole('button', { name: 'Remove plaintext keys…' }).click();
      const confirm = plaintext.getByTestId('plaintext-keys-confirm');
      await expect(confirm.getByRole('list', { name: 'Profiles whose plaintext keys will be removed' })).toContainText('consultant');
      await expect(confirm).toContainText(credentials);
      await expect(confirm).toContainText(config);
      await dialogShot(page, 'plaintext-keys-confirm');
      await confirm.getByRole('button', { name: 'Remove keys of 1 profile' }).click();
      await expect(plaintext.getByTestId('plaintext-keys-result')).toContainText('Removed the plaintext keys of 1 profile: consultant.');
      expect(await readFile(credentials, 'utf8')).not.toContain(importedSecret);
      expect(await readFile(config, 'utf8')).toContain('credential_process = ');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();
      expect(await groupNames(page)).toEqual({ 'Account 123456789012, 2 profiles': ['acme-hub', 'acme-prod'], 'IAM users, 1 profile': ['consultant'] });
      await expect(option(page, 'acme-prod')).toContainText('consultant → acme-hub → acme-prod');

      // The imported secret went from the file to the keychain without passing through the page.
      expect(await pageKeeps(page)).not.toContain(importedSecret);
      expect([...frames.sent, ...frames.received].filter((frame) => frame.includes(importedSecret))).toEqual([]);
    } finally {
      await app.close();
      await rm(awsDir, { recursive: true, force: true });
    }
  });

  test('command palette: Ctrl+K, part of a name, Enter lands on the profile; sections too', async ({ page, app }) => {
    await seedCustomer(app);
    await openApp(page, app, 'settings');

    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Go to a profile or section' });
    await expect(palette).toBeVisible();
    const box = palette.getByRole('combobox', { name: 'Profile or section' });
    await expect(box).toBeFocused();
    await box.fill('glob');
    const first = palette.getByRole('option').first();
    await expect(first).toHaveAttribute('data-entry', 'globex-prod');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');
    await dialogShot(page, 'palette');
    await page.keyboard.press('Enter');

    await expect(palette).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
    await expect(page).toHaveURL(/#\/accounts\/globex-prod$/);
    const list = page.getByRole('listbox', { name: 'Profiles' });
    await expect(list).toBeFocused();
    await expect(option(page, 'globex-prod')).toHaveAttribute('aria-selected', 'true');
    await expect(list).toHaveAttribute('aria-activedescendant', (await option(page, 'globex-prod').getAttribute('id')) ?? '');

    // Arrow keys move in the results; Enter opens; a section is one of them.
    await page.keyboard.press('Control+K');
    await box.fill('acme');
    await page.keyboard.press('ArrowDown');
    await expect(palette.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(palette.getByRole('option').nth(1)).toHaveAttribute('data-entry', 'acme-prod');
    await page.keyboard.press('Enter');
    await expect(option(page, 'acme-prod')).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('Control+K');
    await box.fill('sett');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');

    // Esc closes without going anywhere; the sidebar button opens it too.
    await page.getByRole('button', { name: 'Go to…' }).click();
    await expect(palette).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  });

  test('keyboard: / searches as you type, arrows move in the list, Enter opens, Delete asks to remove', async ({ page, app }) => {
    await seedCustomer(app);
    await openApp(page, app);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search profiles' });
    await expect(search).toBeFocused();
    await page.keyboard.type('ACME');
    await expect(page.getByText('2 matches of 5')).toBeVisible();
    expect(await groupNames(page)).toEqual({ 'Acme Corp, 2 profiles': ['acme-hub', 'acme-prod'] });
    await search.fill('210987654321');
    expect(await groupNames(page)).toEqual({ 'Globex, 1 profile': ['globex-prod'] });
    await search.fill('role/examplerolename');
    expect(await groupNames(page)).toEqual({ 'Globex, 1 profile': ['globex-prod'] });
    await search.fill('nothing-like-this');
    await expect(page.getByText('No profile matches “nothing-like-this”')).toBeVisible();
    await search.fill('');

    await page.keyboard.press('ArrowDown');
    const list = page.getByRole('listbox', { name: 'Profiles' });
    await expect(list).toBeFocused();
    await page.keyboard.press('Home');
    await expect(option(page, 'acme-hub')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(option(page, 'acme-prod')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: 'Edit acme-prod' });
    await expect(edit).toBeVisible();
    await expect(edit.getByLabel('ExternalId')).toHaveValue('acme-external-id-0001');
    await expect(edit.getByLabel('Source profile')).toHaveValue('acme-hub');
    await page.keyboard.press('Escape');
    await expect(list).toBeFocused();

    // The user is the source of three roles: the confirmation names them, the main side refuses.
    await page.keyboard.press('End');
    await expect(option(page, 'consultant')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Remove consultant?' });
    await expect(confirm).toContainText('These roles use it as their source: acme-hub, globex-prod, sandbox');
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(confirm.getByRole('alert')).toContainText('"consultant" is the source of "acme-hub", "globex-prod", "sandbox". Remove or re-point those first.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    // A role nobody depends on goes.
    await option(page, 'sandbox').click();
    await page.getByRole('dialog', { name: 'Edit sandbox' }).getByRole('button', { name: 'Remove…' }).click();
    await page.getByRole('dialog', { name: 'Remove sandbox?' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(option(page, 'sandbox')).toHaveCount(0);
    await expect(page.getByText('4 profiles')).toBeVisible();

    // A narrow window drops the chain and region columns instead of overflowing.
    await page.setViewportSize({ width: 760, height: 720 });
    await expect(option(page, 'acme-prod')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, 'accounts-narrow');
  });

  test('Settings → Allowed role names: add ExampleRoleName, and a role named Admin is refused with the reason', async ({ page, app }) => {
    await call(app, 'profiles.addUser', { name: 'consultant', accessKeyId: KEY_ID, secretAccessKey: OTHER_SECRET });
    await openApp(page, app, 'settings');
    const panel = page.getByTestId('role-allow-list');
    await expect(panel).toContainText('No restriction: every role name is accepted.');
    const box = panel.getByLabel('Role name or pattern');
    await box.fill('bad name!');
    await panel.getByRole('button', { name: 'Add' }).click();
    await expect(box).toHaveAccessibleDescription(/An allowed role name may contain only letters, digits, \+ = , \. @ _ - and \* as a wildcard/);
    await box.fill('ExampleRoleName');
    await panel.getByRole('button', { name: 'Add' }).click();
    await expect(panel.getByRole('list', { name: 'Allowed role names' })).toHaveText(/ExampleRoleName/);
    await expect(box).toHaveValue('');
    await box.fill('ExampleRoleName');
    await panel.getByRole('button', { name: 'Add' }).click();
    await expect(box).toHaveAccessibleDescription(/Each allowed role name appears once/);
    await box.fill('');
    await screenshot(page, 'settings-allow-list');
    expect(await call(app, 'settings.get', {})).toMatchObject({ roleNameAllowList: ['ExampleRoleName'] });

    // A short window: the form scrolls, and the refusal must still be seen where the role name is.
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'Add role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add role' });
    await dialog.getByLabel('Profile name').fill('acme-admin');
    await dialog.getByRole('textbox', { name: 'Account ID' }).fill('123456789012');
    await dialog.getByRole('textbox', { name: 'Role name' }).fill('Admin');
    // Scrolled to the bottom, as after filling the rest of the form.
    await dialog.locator('.dialog__body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    await dialog.getByRole('button', { name: 'Add role' }).click();
    const roleName = dialog.getByRole('textbox', { name: 'Role name' });
    const refusal =
      'The role "Admin" is not allowed: this installation accepts only roles named "ExampleRoleName". To accept it, add it in Settings → Allowed role names.';
    await expect(roleName).toHaveAccessibleDescription(new RegExp(`^${refusal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await expect(roleName).toHaveAttribute('aria-invalid', 'true');
    await expect(roleName).toBeFocused();
    const message = dialog.getByText(refusal);
    await expect(message).toBeInViewport();
    await expect(roleName).toBeInViewport();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'accounts-role-refused-by-allow-list.png') });
    await roleName.fill('ExampleRoleName');
    await dialog.getByRole('button', { name: 'Add role' }).click();
    await expect(dialog).toBeHidden();
    await expect(option(page, 'acme-admin')).toBeVisible();
  });

  test('stays small and quick with 2,000 profiles: only rows in view are drawn, and search filters as you type', async ({ page }) => {
    test.setTimeout(60_000);
    const home = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-2000-'));
    const ports = webHostPorts(home);
    const now = Date.now();
    await ports.store.update((doc) => {
      const userId = randomUUID();
      doc.profiles.push({ kind: 'iam-user', id: userId, name: 'consultant', accessKeyId: KEY_ID, createdAt: now, updatedAt: now });
      for (let i = 0; i < 1999; i += 1) {
        const customer = `customer${String(Math.floor(i / 50)).padStart(2, '0')}`;
        const account = String(100000000000 + Math.floor(i / 50) * 7919);
        const role: Profile = {
          kind: 'role',
          id: randomUUID(),
          name: `${customer}-${i % 2 ? 'prod' : 'stage'}-${i}`,
          roleArn: `arn:aws:iam::${account}:role/Role${i % 7}`,
          sourceId: userId,
          label: `Customer ${customer.slice(8)}`,
          ...(i % 3 === 0 ? { externalId: `external-${i}` } : {}),
          createdAt: now,
          updatedAt: now,
        };
        doc.profiles.push(role);
      }
    });
    const app = await startTestHost({ home, ports });
    try {
      await openApp(page, app);
      await expect(page.getByText('2,000 profiles')).toBeVisible();
      const options = page.getByRole('option');
      expect(await options.count()).toBeLessThan(60);
      expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(1500);

      // Scrolling to the end draws the end, still without the middle.
      const list = page.getByRole('listbox', { name: 'Profiles' });
      await list.focus();
      await page.keyboard.press('End');
      await expect(option(page, 'consultant')).toBeVisible();
      expect(await options.count()).toBeLessThan(60);

      // Type a query one key at a time; each keystroke updates the list before the next.
      const search = page.getByRole('searchbox', { name: 'Search profiles' });
      await search.focus();
      const timings = await page.evaluate(async (text) => {
        const input = document.querySelector<HTMLInputElement>('#profile-search')!;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const out: number[] = [];
        for (let length = 1; length <= text.length; length += 1) {
          const started = performance.now();
          setter.call(input, text.slice(0, length));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          out.push(performance.now() - started);
          await new Promise(requestAnimationFrame);
        }
        return out;
      }, 'customer17-prod-85');
      await expect(page.getByText(/^\d+ match(es)? of 2,000$/)).toBeVisible();
      expect(await groupNames(page)).toEqual({ 'Customer 17, 5 profiles': ['customer17-prod-851', 'customer17-prod-853', 'customer17-prod-855', 'customer17-prod-857', 'customer17-prod-859'] });
      test.info().annotations.push({ type: 'keystroke ms (input event to DOM updated)', description: timings.map((ms) => ms.toFixed(1)).join(', ') });
      console.log(`[accounts] 2,000 profiles, ms per keystroke (input to DOM): ${timings.map((ms) => ms.toFixed(1)).join(' ')}`);
      await screenshot(page, 'accounts-2000-filtered');
    } finally {
      await app.close();
      await rm(home, { recursive: true, force: true });
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no WCAG 2 A/AA violations in the ${colorScheme} theme: the list, a dialog, the palette, the allow-list`, async ({ page, app }) => {
      test.setTimeout(60_000);
      await seedCustomer(app);
      await call(app, 'settings.update', { roleNameAllowList: ['ExampleRoleName', 'Roledeck-*', 'Hub', 'Deploy', 'Admin'] });
      await page.emulateMedia({ colorScheme });
      await openApp(page, app);
      await expect(option(page, 'acme-prod')).toBeVisible();
      await option(page, 'globex-prod').click();
      await expect(page.getByRole('dialog', { name: 'Edit globex-prod' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      const violations: string[] = [];
      const check = async (where: string) => {
        for (const violation of await axeViolations(page)) violations.push(`${where}: ${violation}`);
      };
      await check('accounts list');

      await page.getByRole('button', { name: 'Add role' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add role' });
      await dialog.getByRole('textbox', { name: 'Account ID' }).fill('1');
      await dialog.getByRole('button', { name: 'Add role' }).click();
      await expect(dialog.getByRole('textbox', { name: 'Account ID' })).toHaveAttribute('aria-invalid', 'true');
      await check('add role dialog with errors');
      await page.keyboard.press('Escape');
      await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
      await check('discard confirmation');
      await dialog.getByRole('button', { name: 'Discard' }).click();
      await expect(dialog).toBeHidden();

      await option(page, 'consultant').click();
      await expect(page.getByRole('dialog', { name: 'Edit consultant' })).toBeVisible();
      await check('edit user dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Import from ~/.aws' }).click();
      await expect(page.getByRole('dialog', { name: 'Import from ~/.aws' })).toContainText('Config file');
      await check('import dialog');
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+K');
      await page.getByRole('combobox', { name: 'Profile or section' }).fill('ac');
      await expect(page.getByRole('dialog', { name: 'Go to a profile or section' }).getByRole('option').first()).toBeVisible();
      await check('palette');
      if (colorScheme === 'dark') await dialogShot(page, 'palette-dark');
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+7');
      await expect(page.getByTestId('role-allow-list')).toContainText('Roledeck-*');
      await check('settings with the allow-list');
      if (colorScheme === 'dark') await screenshot(page, 'settings-allow-list-dark');
      expect(violations).toEqual([]);
    });
  }
});
