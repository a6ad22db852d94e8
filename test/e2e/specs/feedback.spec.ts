import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, screenshot, SCREENSHOT_DIR } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * Feedback where the action was, and never stale: what Start came to is in view next to the
 * button and follows the live state; the session pill in the title bar opens the switcher.
 */

async function addCustomers(page: Page): Promise<ProfileView[]> {
  const user = await createUserWithKey('consultant-fb');
  await invoke(page, 'profiles.addUser', { name: 'consultant-fb', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
  const roles: ProfileView[] = [];
  for (const [name, color] of [['acme-prod', '#3b6fe0'], ['globex-prod', '#2f9e44'], ['initech-prod', '#e8590c']] as const) {
    const roleArn = await createRole(`Deployer-${name}`, trustPolicyFor(user.arn));
    roles.push((await invoke(page, 'profiles.addRole', { name, source: 'consultant-fb', roleArn, label: name.split('-')[0], color })) as ProfileView);
  }
  return roles;
}

test('Start says what it came to beside the button, in view, and the note follows the session once it is made active', async ({ page, app }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app, 'sessions');
  const [acme, globex] = await addCustomers(page);
  await invoke(page, 'sessions.start', { profileId: acme!.id });
  await invoke(page, 'sessions.setActive', { profileId: acme!.id });
  await page.reload();

  const select = page.getByLabel('Profile', { exact: true });
  await select.selectOption(globex!.id);
  await page.getByRole('button', { name: 'Start session' }).click();
  const note = page.getByTestId('start-result');
  await expect(note).toHaveText(/^globex-prod is live\. Make it active to see it in the title bar\./);
  // The browser preview has no tray: its words do not mention one.
  await expect(note).not.toContainText('tray');
  await expect(note).toBeInViewport();
  // The viewport, as the person sees it after pressing Start (a full-page shot moves the sticky bar).
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'start-result-live.png') });

  await note.getByRole('button', { name: 'Make it active globex-prod' }).click();
  await expect(note).toHaveText('globex-prod is live and in use.');
  await expect(page.getByTestId('active-indicator')).toContainText('globex-prod');

  // Made active elsewhere (the palette, the CLI, the tray): the note follows too.
  await invoke(page, 'sessions.setActive', { profileId: acme!.id });
  await expect(note).toHaveText(/^globex-prod is live\. Make it active/);
});

test('the session pill in the title bar opens the switcher', async ({ page, app }) => {
  await openApp(page, app, 'sessions');
  const [acme] = await addCustomers(page);
  await invoke(page, 'sessions.start', { profileId: acme!.id });
  await invoke(page, 'sessions.setActive', { profileId: acme!.id });
  await page.reload();

  const pill = page.getByTestId('active-indicator');
  await expect(pill).toHaveRole('button');
  await expect(pill).toHaveAccessibleName(/^In use: acme-prod acme .* — switch \(Ctrl\+K\)$/);
  await pill.click();
  const palette = page.getByRole('dialog', { name: /Go to a profile or section/ });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox')).toBeFocused();
  // As the switcher it lists the profiles first.
  await expect(palette.getByRole('option').first()).toHaveAttribute('id', /-profile-/);
  await expect(palette.getByRole('combobox')).toHaveAttribute('placeholder', 'Switch to a profile… (Shift+Enter uses it)');
  await screenshot(page, 'pill-opens-switcher');
  await page.keyboard.press('Escape');
  await expect(pill).toBeFocused();
});

test('Settings → Profile store counts the profiles there are now, not those there were when the window opened', async ({ page, app }) => {
  await openApp(page, app, 'sessions');
  await addCustomers(page);
  await page.getByRole('link', { name: /^Settings/ }).click();
  await expect(page.getByTestId('store-panel')).toContainText('Readable · 4 profiles');
});
