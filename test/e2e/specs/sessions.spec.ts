import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Result } from '../../../shared/contract';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, screenshot, SCREENSHOT_DIR } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * Sessions and MFA against the real main side: the real router and session service in a test host
 * (fresh profile store per test, the real gnome-keyring), the AWS SDK pointed at a moto server
 * through the standard AWS_ENDPOINT_URL. moto does not check MFA codes, so any six digits pass
 * AWS; what the app itself enforces (a code reused on one device) is checked for real.
 */

const ACCOUNT = '123456789012';
const EXTERNAL_ID = 'roledeck-e2e-external-id';

interface Customer {
  userName: string;
  device: string;
  roleName: string;
  role: ProfileView;
  /** What AWS reports as the identity of a session of that role (moto's assumed-role ARN prefix). */
  assumedArnPrefix: string;
}

/**
 * What a customer would have set up, in moto: our IAM user with a key and an MFA device, and their
 * role trusting that user with an ExternalId. Then the same in Roledeck, through the bridge.
 */
async function addCustomer(page: Page, tag: string, options: { label?: string; color?: string } = {}): Promise<Customer> {
  const userName = `consultant-${tag}`;
  const roleName = `Deployer-${tag}`;
  const user = await createUserWithKey(userName);
  const roleArn = await createRole(roleName, trustPolicyFor(user.arn, EXTERNAL_ID));
  const device = `arn:aws:iam::${ACCOUNT}:mfa/${userName}`;
  await invoke(page, 'profiles.addUser', {
    name: userName,
    accessKeyId: user.credentials.accessKeyId,
    secretAccessKey: user.credentials.secretAccessKey,
    mfaSerial: device,
  });
  const role = (await invoke(page, 'profiles.addRole', {
    name: `acme-${tag}`,
    source: userName,
    roleArn,
    externalId: EXTERNAL_ID,
    label: options.label ?? 'Acme Corp',
    color: options.color ?? '#3b6fe0',
    favorite: true,
  })) as ProfileView;
  return { userName, device, roleName, role, assumedArnPrefix: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/` };
}

/**
 * A modal's backdrop covers the viewport only, so a full-page shot of a long page shows the part
 * below it undimmed: dialogs are shot at the viewport.
 */
async function dialogScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

const mfaDialog = (page: Page): Locator => page.getByRole('dialog', { name: /^MFA code for / });
const codeField = (page: Page): Locator => mfaDialog(page).getByLabel('6-digit code');

/** The Sessions section, re-read after profiles were added through the bridge. */
async function openSessions(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions');
  await expect(page.getByRole('button', { name: 'Start session' }).or(page.getByText('No profiles yet'))).toBeVisible();
}

async function startFromPanel(page: Page, customer: Customer): Promise<void> {
  await page.getByLabel('Profile', { exact: true }).selectOption(customer.role.id);
  await page.getByRole('button', { name: 'Start session' }).click();
}

test.describe('sessions and MFA', () => {
  test('starts a role session through one MFA prompt, then shows who, where and for how long', async ({ page, app }) => {
    await openApp(page, app, 'sessions');
    const acme = await addCustomer(page, 'prod');
    await openSessions(page);
    await expect(page.getByRole('main')).toContainText('Sessions you start appear here');
    await expect(page.getByTestId('active-indicator')).toHaveText('No session in use — choose one (Ctrl+K)');
    await expect(page.getByTestId('active-indicator')).toHaveAccessibleName('No session in use — choose one (Ctrl+K)');

    await startFromPanel(page, acme);
    const dialog = mfaDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName('MFA code for acme-prod');
    await expect(dialog).toContainText(`Needed to start an MFA session for ${acme.userName} (12 h).`);
    await expect(dialog).toContainText(`${acme.userName} (account ${ACCOUNT})`);
    await expect(dialog).toContainText('One request is waiting for this code.');
    const field = codeField(page);
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(page.getByRole('button', { name: 'Starting…' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await dialogScreenshot(page, 'mfa-dialog');

    // Six digits send the code by themselves; the field never keeps it.
    await field.pressSequentially('123456');
    await expect(dialog).toBeHidden();

    const card = page.getByTestId('active-session');
    await expect(card.getByRole('heading', { name: 'acme-prod' })).toBeVisible();
    await expect(card).toContainText('Acme Corp');
    await expect(card).toContainText(ACCOUNT);
    await expect(card).toContainText(acme.roleName);
    await expect(card.getByTestId('session-arn')).toContainText(acme.assumedArnPrefix);
    await expect(card.getByTestId('session-state')).toHaveText('Active');
    // A role assumed from an MFA session lasts at most an hour (AWS's role-chaining cap).
    await expect(card.getByTestId('countdown')).toHaveText(/^(59|60) min left$|^1 h left$/);
    await expect(card).toContainText('In the OS keychain until');
    await expect(card).toContainText(/Next refresh\s*At \d/);
    await expect(page.getByTestId('start-result')).toHaveText('acme-prod is live and in use.');

    // The top bar says which account is in use, with the customer's colour (an SVG fill, not a style).
    const indicator = page.getByTestId('active-indicator');
    await expect(indicator).toContainText('acme-prod');
    await expect(indicator).toContainText(/min left|h left/);
    await expect(indicator.locator('rect')).toHaveAttribute('fill', '#3b6fe0');

    // The MFA session of the IAM user is live too, shared by every role it assumes.
    const rows = page.getByTestId('session-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: acme.userName })).toContainText('MFA session');
    await expect(rows.filter({ hasText: acme.userName })).toContainText(/1[12] h \d+ min left|12 h left/);

    // The countdown ticks locally.
    const before = await card.getByTestId('countdown').getAttribute('datetime');
    expect(Date.parse(before ?? '') - Date.now()).toBeGreaterThan(55 * 60_000);

    await page.emulateMedia({ colorScheme: 'light' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sessions-active-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sessions-active-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Test access re-runs the chain and shows the identity AWS reports, without another code.
    await card.getByRole('button', { name: 'Test access acme-prod' }).click();
    const result = card.getByTestId('test-access-result');
    await expect(result).toContainText('Access works');
    await expect(result).toContainText(acme.assumedArnPrefix);
    await expect(result).toContainText(`in account ${ACCOUNT}`);
    await expect(mfaDialog(page)).toBeHidden();
    await screenshot(page, 'test-access-result');
  });

  test('switches the session in use, and the top bar follows', async ({ page, app }) => {
    await openApp(page, app, 'sessions');
    const acme = await addCustomer(page, 'prod');
    const globex = (await invoke(page, 'profiles.addRole', {
      name: 'globex-prod',
      source: acme.userName,
      roleArn: await createRole('GlobexDeployer', trustPolicyFor(`arn:aws:iam::${ACCOUNT}:user/${acme.userName}`)),
      label: 'Globex',
      color: '#2f9e44',
    })) as ProfileView;
    await openSessions(page);

    await startFromPanel(page, acme);
    await codeField(page).fill('123456');
    await expect(mfaDialog(page)).toBeHidden();
    await expect(page.getByTestId('active-session').getByRole('heading', { name: 'acme-prod' })).toBeVisible();

    // The second role comes from the same MFA session: no second prompt, and the first stays in use.
    await page.getByLabel('Profile', { exact: true }).selectOption(globex.id);
    await page.getByRole('button', { name: 'Start session' }).click();
    await expect(page.getByTestId('start-result')).toContainText('globex-prod is live. Make it active');
    await expect(mfaDialog(page)).toBeHidden();
    await expect(page.getByTestId('active-indicator')).toContainText('acme-prod');

    await page.getByRole('button', { name: 'Make active globex-prod' }).click();
    await expect(page.getByTestId('active-session').getByRole('heading', { name: 'globex-prod' })).toBeVisible();
    await expect(page.getByTestId('active-indicator')).toContainText('globex-prod');
    await expect(page.getByTestId('active-indicator').locator('rect')).toHaveAttribute('fill', '#2f9e44');
    // Another window (or the tray) switching is seen here through 'sessions.changed'.
    await invoke(page, 'sessions.setActive', { profileId: acme.role.id });
    await expect(page.getByTestId('active-indicator')).toContainText('acme-prod');

    // Ending a session removes it everywhere.
    await page.getByRole('button', { name: 'End session globex-prod' }).click();
    await expect(page.getByTestId('session-row').filter({ hasText: 'globex-prod' })).toHaveCount(0);
  });

  test('refuses a code just used on the same device, and says to wait for the next one', async ({ page, app }) => {
    await openApp(page, app, 'sessions');
    const acme = await addCustomer(page, 'prod');
    await openSessions(page);
    await startFromPanel(page, acme);
    await codeField(page).fill('246810');
    await expect(mfaDialog(page)).toBeHidden();
    await expect(page.getByTestId('active-session')).toBeVisible();

    // A new MFA session for the same device within the code's window: a second operation.
    await page.getByRole('button', { name: `Refresh ${acme.userName}` }).click();
    await expect(mfaDialog(page)).toBeVisible();
    await expect(mfaDialog(page).getByTestId('mfa-problem')).toContainText('A code from this device was just used');
    await codeField(page).fill('246810');
    const problem = mfaDialog(page).getByTestId('mfa-problem');
    await expect(problem).toHaveText('That code was just used. Wait for the next code on your device (codes change every 30 seconds).');
    await expect(codeField(page)).toBeFocused();
    await expect(codeField(page)).toHaveValue('');
    expect(await axeViolations(page)).toEqual([]);
    await dialogScreenshot(page, 'mfa-dialog-problem');

    await page.keyboard.type('135790');
    await expect(mfaDialog(page)).toBeHidden();
    await expect(page.getByTestId('session-row').filter({ hasText: acme.userName }).getByTestId('session-state')).toHaveText('Active');
  });

  test('cancelling the MFA prompt ends the start with a clear message, and nothing keeps spinning', async ({ page, app }) => {
    await openApp(page, app, 'sessions');
    const acme = await addCustomer(page, 'prod');
    await openSessions(page);

    await startFromPanel(page, acme);
    await expect(mfaDialog(page)).toBeVisible();
    await mfaDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(mfaDialog(page)).toBeHidden();
    const note = page.getByTestId('session-outcome');
    await expect(note).toContainText('The MFA prompt for acme-prod was cancelled, so nothing was started.');
    await expect(note).toContainText('MFA_CANCELLED');
    const start = page.getByRole('button', { name: 'Start session' });
    await expect(start).toBeVisible();
    await expect(start).not.toHaveAttribute('aria-busy');
    await expect(page.locator('.spinner')).toHaveCount(0);
    await expect(page.getByTestId('session-row')).toHaveCount(0);
    // Focus came back to where the user was.
    await expect(start).toBeFocused();
    await screenshot(page, 'sessions-cancelled');

    // Esc cancels as well.
    await start.click();
    await expect(mfaDialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(mfaDialog(page)).toBeHidden();
    await expect(note).toContainText('was cancelled');
    await expect(page.locator('.spinner')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a prompt raised before the window opened is there on load, for every caller waiting on it', async ({ page, app }) => {
    await openApp(page, app, 'accounts');
    const acme = await addCustomer(page, 'prod');
    // Two callers outside the window (a terminal's credential_process, say) want the same session.
    const first = app.router.dispatch('sessions.start', { profileId: acme.role.id }, { transport: 'direct' });
    const second = app.router.dispatch('sessions.start', { profileId: acme.role.id }, { transport: 'direct' });
    const waiting = async (): Promise<number> => {
      const pending = (await app.router.dispatch('mfa.pending', {}, { transport: 'direct' })) as Result<{ prompts: { waiting: number }[] }>;
      return pending.ok ? (pending.value.prompts[0]?.waiting ?? 0) : -1;
    };
    await expect.poll(waiting).toBe(2);

    await page.reload();
    const dialog = mfaDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('mfa-waiting')).toHaveText('2 requests are waiting for this code; one code answers them all.');
    await codeField(page).fill('112233');
    await expect(dialog).toBeHidden();
    const results = await Promise.all([first, second]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect((results[0] as { value: { arn: string } }).value.arn).toContain(acme.assumedArnPrefix);
  });

  test('a warning from the main side shows as a banner until dismissed', async ({ page, app }) => {
    await openApp(page, app, 'sessions');
    app.router.emit('sessions.warning', {
      profileId: 'p-acme',
      profileName: 'acme-prod',
      message: 'acme-prod will need an MFA code at 17:45.',
      at: Date.now(),
    });
    const banner = page.getByTestId('session-warning');
    await expect(banner).toContainText('acme-prod will need an MFA code at 17:45.');
    await banner.getByRole('button', { name: 'Dismiss the warning for acme-prod' }).click();
    await expect(banner).toHaveCount(0);
  });
});
