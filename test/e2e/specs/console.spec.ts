import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { startFakeFederation } from '../../fixtures/fake-federation';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, openApp, screenshot, SCREENSHOT_DIR } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * Open console against the real main side (test host, real keyring, moto) with a fake federation
 * endpoint set in Settings: the button's URL is recorded by the browser preview host instead of
 * starting a browser, and must point at the fake with a token it issued for moto's session.
 */

const ACCOUNT = '123456789012';

async function screenshotPath(name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

async function addRoleProfile(page: Page): Promise<ProfileView> {
  const user = await createUserWithKey('consultant-console');
  const roleArn = await createRole('ConsoleViewer', trustPolicyFor(user.arn));
  await invoke(page, 'profiles.addUser', { name: 'consultant-console', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
  return (await invoke(page, 'profiles.addRole', { name: 'acme-console', source: 'consultant-console', roleArn, region: 'eu-west-1', label: 'Acme Corp', color: '#3b6fe0' })) as ProfileView;
}

test.describe('Open console', () => {
  test('the Settings endpoint and the session’s button send the browser to the fake endpoint with a token for moto’s session', async ({ page, app, moto }) => {
    const federation = await startFakeFederation(moto.endpoint);
    try {
      await openApp(page, app, 'settings');
      const role = await addRoleProfile(page);

      // A second IAM user with an MFA device, so the panel offers that device's MFA process.
      await invoke(page, 'profiles.addUser', { name: 'yubikey-user', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', mfaSerial: `arn:aws:iam::${ACCOUNT}:mfa/yubikey-user` });

      // The endpoint is a setting, saved through the Settings section.
      await page.reload();
      const device = page.getByLabel(`MFA process for arn:aws:iam::${ACCOUNT}:mfa/yubikey-user`);
      await device.fill('ykman oath "accounts');
      await device.press('Enter');
      await expect(page.getByTestId('signin-settings')).toContainText('a double quote is never closed');
      await device.fill('ykman oath accounts code -s AWS:yubikey-user');
      await device.press('Enter');
      await expect(page.getByTestId('signin-settings-status')).toHaveText(`Saved. Codes for arn:aws:iam::${ACCOUNT}:mfa/yubikey-user come from its command.`);
      const signin = page.getByTestId('signin-settings');
      await signin.getByLabel('Federation endpoint').fill('http://signin.example.com/federation');
      await signin.getByRole('button', { name: 'Save' }).first().click();
      await expect(signin).toContainText('must be an https URL');
      await signin.getByLabel('Federation endpoint').fill(federation.endpoint);
      await signin.getByRole('button', { name: 'Save' }).first().click();
      await expect(page.getByTestId('signin-settings-status')).toHaveText(`Saved. Open console signs in through ${federation.endpoint}.`);
      const axe = await new AxeBuilder({ page }).include('[data-testid="signin-settings"]').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations.map((violation) => violation.id)).toEqual([]);
      await signin.scrollIntoViewIfNeeded();
      await signin.screenshot({ path: await screenshotPath('settings-signin') });

      await invoke(page, 'sessions.start', { profileId: role.id });
      await page.goto(`${app.url}#/sessions`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions');
      const button = page.getByRole('button', { name: 'Open console acme-console' }).first();
      await button.click();
      await expect(page.getByText(/Opened the AWS console as acme-console in your browser \(https:\/\/console\.aws\.amazon\.com\/console\/home\?region=eu-west-1\)\./).first()).toBeVisible();

      const opened = app.openedUrls();
      expect(opened).toHaveLength(1);
      const url = new URL(opened[0]!);
      expect(`${url.origin}${url.pathname}`).toBe(federation.endpoint);
      expect(federation.tokens.get(url.searchParams.get('SigninToken') ?? '')).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ConsoleViewer/roledeck-consultant-console`);
      expect(federation.requests).toEqual([{ arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ConsoleViewer/roledeck-consultant-console`, sessionDuration: '3600' }]);
      // The page never sees the token: it went from the main side to the (recording) opener only.
      expect(await page.content()).not.toContain(url.searchParams.get('SigninToken'));
      await screenshot(page, 'sessions-open-console');

      // What the browser would show: the fake console, signed in as the role.
      const browserTab = await page.context().newPage();
      await browserTab.goto(url.href);
      await expect(browserTab.getByText(`Signed in as arn:aws:sts::${ACCOUNT}:assumed-role/ConsoleViewer/`)).toBeVisible();
      await screenshot(browserTab, 'open-console-signed-in');
      await browserTab.close();
    } finally {
      await federation.close();
    }
  });

  test('an IAM user session has no Open console button', async ({ page, app }) => {
    await openApp(page, app, 'sessions');
    const user = await createUserWithKey('lonely-user');
    const profile = (await invoke(page, 'profiles.addUser', { name: 'lonely-user', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey })) as ProfileView;
    await invoke(page, 'sessions.start', { profileId: profile.id });
    await page.reload();
    await expect(page.getByRole('group', { name: 'Actions for lonely-user' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: /Open console/ })).toHaveCount(0);
  });
});
