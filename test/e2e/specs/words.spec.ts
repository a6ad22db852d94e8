import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, SCREENSHOT_DIR } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * The words of a session: whose credentials it came from, who an IAM user's keys belong to once
 * Test access has asked, and a test that failed before reaching AWS naming the step and the cause.
 */

async function setUp(page: Page): Promise<{ user: ProfileView; role: ProfileView }> {
  const created = await createUserWithKey('consultant-words');
  const roleArn = await createRole('Deployer-words', trustPolicyFor(created.arn));
  const user = (await invoke(page, 'profiles.addUser', { name: 'consultant', accessKeyId: created.credentials.accessKeyId, secretAccessKey: created.credentials.secretAccessKey })) as ProfileView;
  const role = (await invoke(page, 'profiles.addRole', { name: 'acme-prod', source: 'consultant', roleArn, label: 'Acme Corp', color: '#3b6fe0' })) as ProfileView;
  return { user, role };
}

test('a role session says whose keys assumed it; an IAM user’s identity shows once Test access has asked', async ({ page, app }) => {
  await openApp(page, app, 'sessions');
  const { user, role } = await setUp(page);
  await invoke(page, 'sessions.start', { profileId: role.id });
  await invoke(page, 'sessions.setActive', { profileId: role.id });
  await page.reload();
  const card = page.getByTestId('active-session');
  await expect(card.getByTestId('session-credentials')).toHaveText('acme-prod, assumed with consultant’s keys');

  await invoke(page, 'sessions.start', { profileId: user.id });
  await invoke(page, 'sessions.setActive', { profileId: user.id });
  await expect(card.getByRole('heading', { name: 'consultant' })).toBeVisible();
  await expect(card.getByTestId('session-credentials')).toHaveText('consultant’s long-term keys');
  await expect(card.getByTestId('session-arn')).toHaveText('Not known yet');
  await card.getByRole('button', { name: 'Test access consultant' }).click();
  await expect(card.getByTestId('test-access-result')).toContainText('Access works');
  await expect(card.getByTestId('session-arn')).toHaveText('arn:aws:iam::123456789012:user/consultant-words');
  // A reload (or a restarted app) still knows it: the identity is kept with the session.
  await page.reload();
  await expect(page.getByTestId('active-session').getByTestId('session-arn')).toHaveText('arn:aws:iam::123456789012:user/consultant-words');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'words-user-identity.png'), fullPage: true });
});

test('a test that never reached AWS names the step and the cause, and quotes no AWS answer', async ({ page, app }) => {
  await openApp(page, app, 'sessions');
  const { user } = await setUp(page);
  await page.reload();
  const previous = process.env.AWS_ENDPOINT_URL;
  // The host runs in this worker: a closed port for its next STS call.
  process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1';
  try {
    await page.getByLabel('Profile', { exact: true }).selectOption(user.id);
    await page.getByRole('button', { name: 'Test access consultant' }).click();
    const result = page.getByTestId('test-access-result');
    await expect(result).toContainText('Failed while checking who consultant is (GetCallerIdentity)');
    await expect(result).toContainText('Could not reach AWS STS at http://127.0.0.1:1: connection refused.');
    await expect(result).not.toContainText('AWS said');
    await expect(result).not.toContainText('NetworkError');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'words-test-unreachable.png'), fullPage: true });
  } finally {
    process.env.AWS_ENDPOINT_URL = previous;
  }
});
