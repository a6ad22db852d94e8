import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, screenshot } from '../fixtures';
import { invoke, test } from '../with-moto';

/* Switching the profile in use from the command palette (Shift+Enter), against the real host and moto. */

test('Shift+Enter in the palette switches to a profile: its session starts (one MFA code) and it is in use', async ({ page, app }) => {
  await openApp(page, app, 'accounts');
  const user = await createUserWithKey('consultant');
  const roleArn = await createRole('Deployer', trustPolicyFor(user.arn));
  await invoke(page, 'profiles.addUser', {
    name: 'consultant',
    accessKeyId: user.credentials.accessKeyId,
    secretAccessKey: user.credentials.secretAccessKey,
    mfaSerial: 'arn:aws:iam::123456789012:mfa/consultant',
  });
  await invoke(page, 'profiles.addRole', { name: 'initech-prod', source: 'consultant', roleArn, label: 'Initech', color: '#2f9e6e' });
  // A role this installation no longer accepts (Settings → Allowed role names): switching to it must fail visibly.
  await invoke(page, 'profiles.addRole', { name: 'initech-gone', source: 'consultant', roleArn: 'arn:aws:iam::123456789012:role/Removed' });
  await invoke(page, 'settings.update', { roleNameAllowList: ['Deployer'] });
  await page.reload();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: /switch to one/ });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill('initech-prod');
  await expect(palette.getByRole('option', { selected: true })).toContainText('initech-prod');
  await expect(palette).toContainText('Shift+Enter use');
  await page.keyboard.press('Shift+Enter');

  const mfa = page.getByRole('dialog', { name: /^MFA code for / });
  await expect(mfa).toBeVisible();
  await expect(palette).toContainText('Switching to initech-prod…');
  await mfa.getByLabel('6-digit code').pressSequentially('123456');

  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions');
  await expect(page.getByTestId('active-session').getByRole('heading', { name: 'initech-prod' })).toBeVisible();
  await expect(page.getByTestId('active-indicator')).toContainText('initech-prod');
  await screenshot(page, 'palette-switched');

  // Refused before any AWS call or prompt, and said in the palette, where it was asked for.
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: /switch to one/ }).getByRole('combobox').fill('initech-gone');
  await page.keyboard.press('Shift+Enter');
  const failure = page.getByRole('dialog', { name: /switch to one/ });
  await expect(failure).toContainText('Could not switch to initech-gone');
  await expect(failure).toContainText('Allowed role names');
  await expect(page.getByRole('dialog', { name: /^MFA code for / })).toBeHidden();
  // A failed switch leaves the profile in use as it was.
  await expect(page.getByTestId('active-indicator')).toContainText('initech-prod');
  await screenshot(page, 'palette-switch-failed');
});
