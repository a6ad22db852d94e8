import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { cliPath, ensureCliBuilt, runCli } from '../../integration/fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, screenshot, SCREENSHOT_DIR } from '../fixtures';
import { layoutOverflows } from '../layout-check';
import type { TestHost } from '../host/test-host';
import { invoke, test } from '../with-moto';

/*
 * Putting a session to work, against the real main side: a test host per test (fresh profile
 * store, the real gnome-keyring, the real router behind the page's WebSocket) with the AWS SDK
 * pointed at moto. The host's clipboard is what main wrote to the "OS clipboard"; the page never
 * holds a credential, which the tests check on the wire and in the DOM. The user has no MFA
 * device, so a role session starts without a prompt.
 */

const EXTERNAL_ID = 'roledeck-e2e-work-external-id';

/** A customer's role trusting our IAM user (no MFA device) with an ExternalId, in moto and in Roledeck. */
async function addCustomer(page: Page): Promise<ProfileView> {
  const user = await createUserWithKey('consultant-work');
  const roleArn = await createRole('Deployer-work', trustPolicyFor(user.arn, EXTERNAL_ID));
  await invoke(page, 'profiles.addUser', {
    name: 'consultant-work',
    accessKeyId: user.credentials.accessKeyId,
    secretAccessKey: user.credentials.secretAccessKey,
  });
  return (await invoke(page, 'profiles.addRole', {
    name: 'acme-prod',
    source: 'consultant-work',
    roleArn,
    externalId: EXTERNAL_ID,
    label: 'Acme Corp',
    color: '#3b6fe0',
  })) as ProfileView;
}

/** Adds the customer, then starts its role session from the Sessions section; it becomes the one in use. */
async function startSession(page: Page, app: TestHost): Promise<{ role: ProfileView; card: Locator }> {
  await openApp(page, app, 'sessions');
  const role = await addCustomer(page);
  await page.reload();
  await page.getByLabel('Profile', { exact: true }).selectOption(role.id);
  await page.getByRole('button', { name: 'Start session' }).click();
  const card = page.getByTestId('active-session');
  await expect(card.getByRole('heading', { name: 'acme-prod' })).toBeVisible();
  await expect(card.getByTestId('session-state')).toHaveText('Active');
  return { role, card };
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

/** Everything the page keeps that a secret could hide in. */
async function pageKeeps(page: Page): Promise<string> {
  return page.evaluate(() => {
    const storage = (store: Storage) => Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i) ?? '')}`).join('\n');
    const fields = Array.from(document.querySelectorAll('input, textarea, select'), (field) => (field as HTMLInputElement).value);
    return [document.documentElement.outerHTML, ...fields, storage(localStorage), storage(sessionStorage)].join('\n');
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** axe in both themes, back to light after. */
async function axeBothThemes(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `axe in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A modal's backdrop covers the viewport only, so dialogs are shot at the viewport. */
async function viewportShot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Puts back the environment a test changed for the host that runs in this worker. */
function restoreEnv(previous: { config?: string | undefined; path?: string | undefined; shell?: string | undefined }): void {
  const names = { config: 'AWS_CONFIG_FILE', path: 'PATH', shell: 'SHELL' } as const;
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    if (!(key in previous)) continue;
    const value = previous[key];
    if (value === undefined) delete process.env[names[key]];
    else process.env[names[key]] = value;
  }
}

const CLEAR_TIME = /clears from the clipboard at \d{1,2}:\d{2}/;

test.describe('putting a session to work', () => {
  test('copies the session for the preferred shell and from the Copy as… menu; the credentials never reach the page', async ({ page, app }) => {
    test.setTimeout(60_000);
    const frames = recordFrames(page);
    const { card } = await startSession(page, app);
    expect(app.clipboard.writes).toBe(0);

    // The main half copies in the preferred format: bash until the user picks another.
    const copy = card.getByRole('button', { name: 'Copy for bash acme-prod' });
    await copy.click();
    const status = card.getByTestId('copy-status');
    await expect(status).toContainText('Copied for bash — ');
    await expect(status).toContainText(CLEAR_TIME);
    await expect(status).toContainText(/The credentials work until \d{1,2}:\d{2}/);
    await expect(status).toHaveAttribute('role', 'status');
    expect(app.clipboard.writes).toBe(1);
    expect(app.clipboard.concealed).toBe(true);
    expect(app.clipboard.text).toContain('unset AWS_PROFILE');
    expect(app.clipboard.text).toContain('export AWS_SESSION_TOKEN=');
    const token = /export AWS_SESSION_TOKEN='([^']+)'/.exec(app.clipboard.text)?.[1] ?? '';
    const secret = /export AWS_SECRET_ACCESS_KEY='([^']+)'/.exec(app.clipboard.text)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, 'copy-status');

    // The menu button: keyboard first. Enter opens it on the first entry, ↑ wraps, Esc closes and returns focus.
    const toggle = card.getByRole('button', { name: 'Copy acme-prod as…' });
    await expect(toggle).toHaveAttribute('aria-haspopup', 'menu');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Copy acme-prod as…' });
    await expect(menu).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const items = menu.getByRole('menuitem');
    await expect(items).toHaveText([/^bash/, /^zsh/, /^fish/, /^PowerShell/, /^Command Prompt/, /^\.env file/, /^JSON/, /^INI/]);
    await expect(menu.getByRole('menuitem', { name: 'bash (default)' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: /^INI/ })).toBeFocused();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'zsh' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(app.clipboard.writes).toBe(1);

    // Open with the mouse, check it in both themes, then pick fish by typing its first letter.
    await toggle.click();
    await expect(menu).toBeVisible();
    await axeBothThemes(page);
    await viewportShot(page, 'copy-menu-open');
    await page.emulateMedia({ colorScheme: 'dark' });
    await viewportShot(page, 'copy-menu-open-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('f');
    await expect(menu.getByRole('menuitem', { name: 'fish' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(status).toContainText('Copied for fish — ');
    await expect(status).toContainText(CLEAR_TIME);
    expect(app.clipboard.writes).toBe(2);
    expect(app.clipboard.concealed).toBe(true);
    expect(app.clipboard.text.startsWith('set -e AWS_PROFILE\n')).toBe(true);
    expect(app.clipboard.text).toContain(`set -gx AWS_SESSION_TOKEN '${token}'`);

    // fish is the preferred format now, here and after a reload.
    await expect(card.getByRole('button', { name: 'Copy for fish acme-prod' })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('active-session').getByRole('button', { name: 'Copy for fish acme-prod' })).toBeVisible();
    await page.getByTestId('active-session').getByRole('button', { name: 'Copy acme-prod as…' }).click();
    await expect(page.getByRole('menuitem', { name: 'fish (default)' })).toBeVisible();
    await page.keyboard.press('Escape');

    // The session's token and secret went main -> clipboard only: never over the page's WebSocket, never into the page.
    expect(frames.received.length).toBeGreaterThan(0);
    expect(frames.received.filter((frame) => frame.includes(token) || frame.includes(secret))).toEqual([]);
    expect(frames.sent.filter((frame) => frame.includes(token) || frame.includes(secret))).toEqual([]);
    const kept = await pageKeeps(page);
    expect(kept.includes(token)).toBe(false);
    expect(kept.includes(secret)).toBe(false);
  });

  test('installs the session as an AWS CLI profile: a hand-written section needs "Replace it", and nothing else in the file changes', async ({ page, app }) => {
    test.setTimeout(60_000);
    const awsDir = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-work-aws-'));
    const config = path.join(awsDir, 'config');
    const original = [
      '# my own settings, kept by hand',
      '[default]',
      'region = eu-west-1',
      'output = json',
      '',
      '[profile acme-prod]',
      '# the old way, before Roledeck',
      'role_arn = arn:aws:iam::123456789012:role/Old',
      'source_profile = default',
      '',
      '[profile other]',
      'region = ap-southeast-2 ; keep me',
      '',
    ].join('\n');
    await writeFile(config, original);
    // The CLI on PATH as `npm link` leaves it: the app finds it there and writes its full path.
    await ensureCliBuilt();
    const bin = path.join(awsDir, 'bin');
    await mkdir(bin);
    await symlink(cliPath, path.join(bin, 'roledeck'));
    await symlink(process.execPath, path.join(bin, 'node'));
    const launcher = `${bin}/node ${bin}/roledeck`;
    // The host runs in this worker: its config editor reads AWS_CONFIG_FILE as the SDKs do, and
    // it looks for the CLI on this process's PATH.
    const previous = { config: process.env.AWS_CONFIG_FILE, path: process.env.PATH };
    process.env.AWS_CONFIG_FILE = config;
    process.env.PATH = `${bin}:${previous.path ?? ''}`;
    try {
      const { role, card } = await startSession(page, app);
      const install = card.getByRole('button', { name: 'Install as AWS CLI profile acme-prod' });
      await install.click();
      const dialog = page.getByRole('dialog', { name: 'Install as AWS CLI profile' });
      await expect(dialog).toBeVisible();
      const name = dialog.getByLabel('AWS profile name');
      await expect(name).toBeFocused();
      await expect(name).toHaveValue('acme-prod');
      const facts = dialog.getByRole('list', { name: 'What will be written' });
      await expect(facts).toContainText('A [profile acme-prod] section with credential_process in ~/.aws/config');
      await expect(facts).toContainText('Nothing else in the file changes; a backup of the file is kept before Roledeck first edits it.');
      await expect(facts).toContainText('named by its full path (the roledeck on your PATH, else the one this copy of Roledeck carries)');

      // The name is checked with the same rule the main side uses.
      await name.fill('acme prod');
      await expect(dialog.getByText('A profile name may contain only letters, digits and . @ + _ -.')).toBeVisible();
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await dialog.getByRole('button', { name: 'Install' }).click();
      expect(await readFile(config, 'utf8')).toBe(original);
      await name.fill('acme-prod');
      await expect(name).not.toHaveAttribute('aria-invalid');
      await expect(facts).toContainText('[profile acme-prod]');
      await axeBothThemes(page);
      await viewportShot(page, 'install-dialog');

      // The hand-written section is refused until the user says to replace it.
      await dialog.getByRole('button', { name: 'Install' }).click();
      const conflict = dialog.getByTestId('install-conflict');
      await expect(conflict).toContainText(`${config} already has a [profile acme-prod] you wrote yourself.`);
      await expect(conflict).toContainText('Replace it (a backup is kept), or choose another AWS profile name.');
      await expect(conflict).not.toContainText('--force');
      const replace = dialog.getByRole('button', { name: 'Replace it (a backup is kept)' });
      await expect(replace).toBeFocused();
      expect(await readFile(config, 'utf8')).toBe(original);
      await axeBothThemes(page);
      await viewportShot(page, 'install-conflict');
      await page.emulateMedia({ colorScheme: 'dark' });
      await viewportShot(page, 'install-conflict-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      await replace.click();
      const result = dialog.getByTestId('install-result');
      await expect(result.getByRole('status')).toHaveText('Updated [profile acme-prod].');
      await expect(result).toContainText(config);
      await expect(result).toContainText(`${config}.roledeck-backup-`);
      // The test host keeps its store in a temporary folder, so the line names it.
      await expect(result).toContainText(`credential_process = ${launcher} --home ${app.home} credential-process --id ${role.id} acme-prod`);
      await expect(dialog.getByTestId('install-check')).toHaveText(/^The AWS CLI can run it: Roledeck ran the line once, as the AWS CLI does; its credentials last until \d{1,2}:\d{2}/);
      await expect(dialog.getByTestId('install-warning')).toHaveCount(0);
      await expect(result).toContainText('aws sts get-caller-identity --profile acme-prod');
      await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
      await viewportShot(page, 'install-result');

      // Roledeck's section replaced the hand-written one; every other line is as it was, and the backup is the original.
      const after = await readFile(config, 'utf8');
      expect(after).toContain(`credential_process = ${launcher} --home ${app.home} credential-process --id ${role.id}`);
      const outside = (text: string): string => text.replace(/\[profile acme-prod\][\s\S]*?\n(?=\n\[profile other\])/, '<acme-prod>');
      expect(outside(after)).toBe(outside(original));
      expect(after).not.toContain('role/Old');
      const backups = (await readdir(awsDir)).filter((file) => file.startsWith('config.roledeck-backup-'));
      expect(backups).toHaveLength(1);
      expect(await readFile(path.join(awsDir, backups[0]!), 'utf8')).toBe(original);

      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();
      await expect(install).toBeFocused();

      // A second install finds Roledeck's own section: no conflict, nothing to change.
      await install.click();
      await dialog.getByRole('button', { name: 'Install' }).click();
      await expect(result.getByRole('status')).toHaveText('[profile acme-prod] was already up to date; nothing changed.');
      await expect(result).toContainText('None written this time');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    } finally {
      restoreEnv(previous);
      await rm(awsDir, { recursive: true, force: true });
    }
  });

  test('with no roledeck on any PATH, names the app’s own CLI by full path, and the line it writes runs', async ({ page, app }) => {
    test.setTimeout(60_000);
    await ensureCliBuilt();
    const awsDir = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-work-nopath-'));
    const config = path.join(awsDir, 'config');
    const previous = { config: process.env.AWS_CONFIG_FILE, path: process.env.PATH, shell: process.env.SHELL };
    process.env.AWS_CONFIG_FILE = config;
    try {
      const { role, card } = await startSession(page, app);
      // An app started from the dock: a short PATH, and a login shell that has no roledeck either.
      process.env.PATH = awsDir;
      process.env.SHELL = '/bin/sh';
      await card.getByRole('button', { name: 'Install as AWS CLI profile acme-prod' }).click();
      const dialog = page.getByRole('dialog', { name: 'Install as AWS CLI profile' });
      await dialog.getByRole('button', { name: 'Install' }).click();
      const result = dialog.getByTestId('install-result');
      await expect(result.getByRole('status')).toHaveText('Added [profile acme-prod].');
      const line = `credential_process = ${process.execPath} ${cliPath} --home ${app.home} credential-process --id ${role.id} acme-prod`;
      await expect(result).toContainText(line);
      await expect(dialog.getByTestId('install-check')).toContainText('The AWS CLI can run it');
      await expect(dialog.getByTestId('install-warning')).toHaveCount(0);
      expect(await readFile(config, 'utf8')).toContain(line);
      expect(await readFile(config, 'utf8')).not.toContain('credential_process = roledeck ');
      await axeBothThemes(page);
      await viewportShot(page, 'install-own-cli');
    } finally {
      restoreEnv(previous);
      await rm(awsDir, { recursive: true, force: true });
    }
  });

  test('never replaces a working line with one that cannot run: a broken roledeck on PATH leaves the CLI’s line in place, and says why', async ({ page, app }) => {
    test.setTimeout(60_000);
    await ensureCliBuilt();
    const awsDir = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-work-keep-'));
    const config = path.join(awsDir, 'config');
    const previous = { config: process.env.AWS_CONFIG_FILE, path: process.env.PATH, shell: process.env.SHELL };
    process.env.AWS_CONFIG_FILE = config;
    try {
      const { card } = await startSession(page, app);
      // The CLI installed the profile itself, with its own full path: a line that works.
      const installed = await runCli(['config', 'install', 'acme-prod'], { env: { ROLEDECK_HOME: app.home, AWS_CONFIG_FILE: config, ROLEDECK_NO_AGENT: '1' } });
      expect(installed.code, installed.stderr).toBe(0);
      const before = await readFile(config, 'utf8');
      // A stale roledeck on PATH that no longer runs.
      const bin = path.join(awsDir, 'bin');
      await mkdir(bin);
      await writeFile(path.join(bin, 'roledeck'), '#!/bin/sh\necho "roledeck: this old install is broken" >&2\nexit 1\n', { mode: 0o755 });
      process.env.PATH = `${bin}:/usr/bin:/bin`;
      process.env.SHELL = '/bin/sh';

      await card.getByRole('button', { name: 'Install as AWS CLI profile acme-prod' }).click();
      const dialog = page.getByRole('dialog', { name: 'Install as AWS CLI profile' });
      await dialog.getByRole('button', { name: 'Install' }).click();
      const result = dialog.getByTestId('install-result');
      await expect(result.getByRole('status')).toHaveText('[profile acme-prod] was already up to date; nothing changed.');
      await expect(dialog.getByTestId('install-warning')).toHaveText(
        'Roledeck kept the line that works: the new one would not run. It ended with exit code 1: this old install is broken.',
      );
      await expect(dialog.getByTestId('install-check')).toContainText('The AWS CLI can run it');
      await expect(result).toContainText(`${cliPath} --home ${app.home} credential-process`);
      expect(await readFile(config, 'utf8')).toBe(before);
      // A long path breaks inside the dialog rather than running past its edge.
      expect(await layoutOverflows(page, 'dialog[open]')).toEqual([]);
      await axeBothThemes(page);
      await viewportShot(page, 'install-kept-working-line');
    } finally {
      restoreEnv(previous);
      await rm(awsDir, { recursive: true, force: true });
    }
  });

  test('Settings → Clipboard: 0 keeps a copy on the clipboard, the main side’s limits are shown, and the preferred format is used', async ({ page, app }) => {
    test.setTimeout(60_000);
    const { role } = await startSession(page, app);
    // A second customer's session, live but not in use: it gets its own row with the same controls.
    const globex = (await invoke(page, 'profiles.addRole', {
      name: 'globex-prod',
      source: 'consultant-work',
      roleArn: await createRole('GlobexDeployer-work', trustPolicyFor(`arn:aws:iam::123456789012:user/consultant-work`)),
      label: 'Globex',
      color: '#2f9e44',
    })) as ProfileView;
    await invoke(page, 'sessions.start', { profileId: globex.id });
    expect(role.id).not.toBe(globex.id);
    await page.goto(`${app.url}#/settings`);
    const panel = page.getByTestId('clipboard-settings');
    await expect(panel.getByRole('heading', { name: 'Clipboard' })).toBeVisible();
    const seconds = panel.getByLabel('Clear copied credentials after');
    await expect(seconds).toHaveValue('60');

    // Out of range: the main side's rule, next to the field.
    await seconds.fill('5000');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText('At most 3,600 seconds (1 hour).')).toBeVisible();
    await expect(seconds).toHaveAttribute('aria-invalid', 'true');
    await expect(seconds).toHaveAccessibleDescription(/At most 3,600 seconds \(1 hour\)\./);
    await panel.scrollIntoViewIfNeeded();
    await viewportShot(page, 'settings-clipboard-error');

    await seconds.fill('0');
    await panel.getByRole('button', { name: 'Save' }).click();
    const saved = panel.getByTestId('clipboard-settings-status');
    await expect(saved).toHaveText('Saved. Copied credentials stay on the clipboard until you copy something else.');
    await expect(seconds).not.toHaveAttribute('aria-invalid');

    const format = panel.getByLabel('Preferred export format');
    await expect(format).toHaveValue('bash');
    await format.selectOption('powershell');
    await expect(saved).toHaveText('Saved. Copy uses PowerShell first.');
    await axeBothThemes(page);
    await screenshot(page, 'settings-clipboard');

    // Both survive a reload.
    await page.reload();
    await expect(page.getByTestId('clipboard-settings').getByLabel('Clear copied credentials after')).toHaveValue('0');
    await expect(page.getByTestId('clipboard-settings').getByLabel('Preferred export format')).toHaveValue('powershell');

    // The Copy button uses PowerShell now, and the copy stays.
    await page.goto(`${app.url}#/sessions`);
    const card = page.getByTestId('active-session');
    await card.getByRole('button', { name: 'Copy for PowerShell acme-prod' }).click();
    const status = card.getByTestId('copy-status');
    await expect(status).toContainText('Copied for PowerShell — stays on the clipboard until you copy something else.');
    expect(app.clipboard.concealed).toBe(true);
    expect(app.clipboard.text.startsWith('Remove-Item Env:AWS_PROFILE')).toBe(true);
    expect(app.clipboard.text).toContain('$Env:AWS_SESSION_TOKEN = ');

    // The row of the session not in use copies its own credentials, with its own status.
    const row = page.getByTestId('session-row').filter({ hasText: 'globex-prod' });
    await row.getByRole('button', { name: 'Copy for PowerShell globex-prod' }).click();
    await expect(row.getByTestId('copy-status')).toContainText('Copied for PowerShell — stays on the clipboard until you copy something else.');
    expect(app.clipboard.writes).toBe(2);
    expect(app.clipboard.text).toContain("$Env:AWS_ACCESS_KEY_ID = '");
    await row.getByRole('button', { name: 'Copy globex-prod as…' }).click();
    await expect(page.getByRole('menu', { name: 'Copy globex-prod as…' })).toBeVisible();
    await axeBothThemes(page);
    await viewportShot(page, 'copy-row-menu');
    await page.keyboard.press('Escape');
    await expect(row.getByRole('button', { name: 'Copy globex-prod as…' })).toBeFocused();
    await expect(row.getByRole('button', { name: 'Install as AWS CLI profile globex-prod' })).toBeVisible();
  });
});
