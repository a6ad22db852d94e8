import path from 'node:path';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, SCREENSHOT_DIR } from '../fixtures';
import { layoutOverflows } from '../layout-check';
import { invoke, test } from '../with-moto';

/*
 * Layout: nothing sticks out of the box it is laid out in, on every section, at 1280 and 1024 px,
 * in both themes — with content that used to break it: an IAM user's long-term keys ("No expiry
 * (long-term keys)"), the longest Copy label ("Copy for PowerShell"), a test result, a copy note.
 */

const SECTIONS = ['accounts', 'sessions', 'deploy', 'cloudfront', 'onboarding', 'settings'] as const;

test('no element is wider than its container on any section, at 1280 and 1024 px, light and dark', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'sessions');
  const user = await createUserWithKey('consultant-layout');
  const roleArn = await createRole('Deployer-layout', trustPolicyFor(user.arn, 'layout-external-id'));
  const consultant = (await invoke(page, 'profiles.addUser', {
    name: 'consultant-layout',
    accessKeyId: user.credentials.accessKeyId,
    secretAccessKey: user.credentials.secretAccessKey,
    label: 'Consultancy',
  })) as ProfileView;
  const role = (await invoke(page, 'profiles.addRole', {
    name: 'acme-production-eu-west-1',
    source: 'consultant-layout',
    roleArn,
    externalId: 'layout-external-id',
    label: 'Acme Corporation Europe',
    color: '#3b6fe0',
  })) as ProfileView;
  await invoke(page, 'sessions.start', { profileId: role.id });
  await invoke(page, 'sessions.start', { profileId: consultant.id });
  await invoke(page, 'sessions.setActive', { profileId: role.id });
  await invoke(page, 'settings.update', { preferredShell: 'powershell' });

  const problems: string[] = [];
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const section of SECTIONS) {
        await page.goto(`${app.url}#/${section}`);
        await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        if (section === 'sessions') {
          // Feedback under the actions, as a person would have it after a copy and a test.
          await page.getByRole('button', { name: 'Copy for PowerShell consultant-layout' }).click();
          await expect(page.getByTestId('session-row').filter({ hasText: 'consultant-layout' }).getByTestId('copy-status')).toContainText('Copied for PowerShell');
          await page.getByRole('button', { name: 'Test access consultant-layout' }).click();
          await expect(page.getByTestId('test-access-result')).toContainText('Access works');
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `layout-sessions-${width}-${scheme}.png`), fullPage: true });
        }
        for (const problem of await layoutOverflows(page)) problems.push(`${section} at ${width} px, ${scheme}: ${problem}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('every section is as wide as the others', async ({ page, app }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openApp(page, app, 'accounts');
  await invoke(page, 'profiles.addUser', { name: 'wide-check', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  // The list, not the empty state: the table is what used to be wider.
  await page.reload();
  await expect(page.getByRole('listbox', { name: /^Profiles/ })).toBeVisible();
  const widths: Record<string, number> = {};
  for (const section of SECTIONS) {
    await page.goto(`${app.url}#/${section}`);
    await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
    // How far right the section draws: the right edge of every box that shows something (text, a
    // border or a background), measured from the main column's content edge.
    widths[section] = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      const left = main.getBoundingClientRect().left + parseFloat(getComputedStyle(main).paddingLeft);
      let right = left;
      for (const element of main.querySelectorAll('*')) {
        if (element.closest('.visually-hidden, .banner, dialog')) continue;
        const style = getComputedStyle(element);
        const shows = style.borderRightStyle !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)' || [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
        if (shows) right = Math.max(right, element.getBoundingClientRect().right);
      }
      return Math.round(right - left);
    });
  }
  expect(new Set(Object.values(widths)).size, JSON.stringify(widths)).toBe(1);
});
