import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, screenshot } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * The Audit section against the real main side: a fresh host per test (the real keyring, moto
 * behind the SDK, the audit log file in the host's data folder). What the person did through the
 * window — add a user and a role, start a session, copy an export — shows up as entries, the chain
 * reads verified, filters narrow the list, and the exports download. Then a line of the file is
 * changed behind Roledeck's back, and the view names that line.
 */

const EXTERNAL_ID = 'roledeck-e2e-audit-external-id';

async function actInTheApp(page: Parameters<typeof invoke>[0]): Promise<ProfileView> {
  const user = await createUserWithKey('consultant-audit');
  const roleArn = await createRole('Auditor', trustPolicyFor(user.arn, EXTERNAL_ID));
  await invoke(page, 'profiles.addUser', { name: 'consultant-audit', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
  const role = (await invoke(page, 'profiles.addRole', { name: 'acme-audit', source: 'consultant-audit', roleArn, externalId: EXTERNAL_ID, label: 'Acme Corp' })) as ProfileView;
  await invoke(page, 'sessions.start', { profileId: role.id });
  await invoke(page, 'sessions.copyExport', { profileId: role.id, format: 'bash' });
  return role;
}

test.describe('audit', () => {
  test('shows what was done, verified, filterable and exportable, and names a line changed behind its back', async ({ page, app }) => {
    await openApp(page, app);
    await actInTheApp(page);
    await page.goto(`${app.url}#/audit`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit');

    const chain = page.getByTestId('audit-chain');
    await expect(chain.getByRole('status')).toHaveText(/^Chain verified: \d+ entries$/);
    const list = page.getByTestId('audit-entries');
    await expect(list.locator('[data-action="assume"]')).toContainText('acme-audit');
    await expect(list.locator('[data-action="assume"]')).toContainText('Acme Corp');
    await expect(list.locator('[data-action="copy"]')).toContainText('bash export copied to the clipboard');
    await screenshot(page, 'audit-verified');

    // Filters: by action, then by words.
    await page.getByLabel('Action').selectOption('assume');
    await expect(list.getByRole('option')).toHaveCount(1);
    await page.getByLabel('Action').selectOption('');
    await page.getByLabel('Words').fill('clipboard');
    await expect(list.getByRole('option')).toHaveCount(1);
    await page.getByLabel('Words').fill('');

    // Exports: what the filter shows, as files the browser downloads.
    await page.getByLabel('Customer').selectOption('Acme Corp');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csvText = await readFile(await csv.path(), 'utf8');
    expect(csv.suggestedFilename()).toMatch(/^roledeck-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csvText.split('\r\n')[0]).toBe('time,action,result,profile,profileId,customer,identity,detail,facts');
    expect(csvText).toContain(',assume,ok,acme-audit,');
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    const lines = (await readFile(await jsonl.path(), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { customer?: string }).customer)).toEqual(lines.map(() => 'Acme Corp'));

    // Someone edits the log: the first entry's result flips. Verify again names the line.
    const file = path.join(app.home, 'audit', 'audit.jsonl');
    const original = await readFile(file, 'utf8');
    const rows = original.split('\n');
    rows[0] = (rows[0] ?? '').replace('"result":"ok"', '"result":"failed"');
    await writeFile(file, rows.join('\n'));
    await page.getByRole('button', { name: 'Verify again' }).click();
    await expect(chain.getByRole('status')).toHaveText('Chain broken: audit.jsonl line 1 was changed after it was written (audit.jsonl line 2 no longer matches it)');
    await screenshot(page, 'audit-broken');
  });
});
