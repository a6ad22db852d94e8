import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { OnboardingKitView, PrepareResult } from '../../../shared/domain/onboarding-view';
import { createUserWithKey, iamClient, trustPolicyFor } from '../../integration/fixtures/iam';
import { deployLikeTheCommand } from '../../integration/onboarding/customer-admin';
import { expect, openApp, screenshot, SCREENSHOT_DIR } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * Onboarding a customer in the window, against the real main side (real keyring, real router) and
 * moto: the customer's admin is played by the SDK running the template and deploy command the
 * window handed over. moto's single account is ours and the customer's at once.
 */

const MOTO_ACCOUNT = '123456789012';
const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * A long panel on its own, in a window tall enough to hold it: a shot that has to scroll draws the
 * sticky top bar across the panel.
 */
async function panelShot(page: Page, panel: Locator, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize();
  await page.setViewportSize({ width: before?.width ?? 1280, height: 2400 });
  await panel.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  if (before) await page.setViewportSize(before);
}

async function addOurUser(page: Page, name: string, policy?: object): Promise<void> {
  const user = await createUserWithKey(name, policy);
  await invoke(page, 'profiles.addUser', { name, accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey, region: 'us-east-1' });
}

/** What the customer's admin does with the files: the template, run by the deploy command. */
async function customerDeploys(page: Page, customerId: string): Promise<void> {
  const { artefacts } = (await invoke(page, 'onboarding.kit', { customerId })) as OnboardingKitView;
  const body = (id: string) => artefacts.find((artefact) => artefact.id === id)!.content;
  const stack = await deployLikeTheCommand(body('template'), body('deploy-command').trim());
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
}

test.describe('onboarding a customer', () => {
  test('from a new customer to “access verified”: setup, every file previewed, copied and downloaded, the quick-create link, our side, closing the loop', async ({ page, app }) => {
    test.setTimeout(90_000);
    await openApp(page, app, 'onboarding');
    await addOurUser(page, 'consultant');
    await page.reload();
    await expect(page.getByTestId('onboarding-empty')).toContainText('No customers yet.');
    await screenshot(page, 'onboarding-empty');

    // Step 1: set up.
    await page.getByRole('button', { name: 'New customer' }).click();
    const flow = page.getByTestId('customer-flow');
    await expect(flow.getByRole('heading', { name: 'New customer' })).toBeVisible();
    await expect(flow.getByText(`Signs in as arn:aws:iam::${MOTO_ACCOUNT}:user/consultant`)).toBeVisible();
    await flow.getByLabel('Customer name').fill('Acme Ltd');
    await flow.getByLabel('Maximum session duration').selectOption('2');
    await flow.getByRole('radio', { name: /Test deploys/ }).check();
    await panelShot(page, flow, 'onboarding-setup-form');
    await flow.getByRole('button', { name: 'Prepare the setup' }).click();

    // Step 2: hand over. The list shows the customer, invited; the steps say where we are.
    const list = page.getByTestId('customer-list');
    await expect(list.getByRole('option', { name: /^Acme Ltd: invited/ })).toBeVisible();
    await expect(flow.getByRole('button', { name: 'Hand it over' })).toHaveAttribute('aria-current', 'step');
    await expect(flow.getByRole('button', { name: 'Set up the role (done)' })).toBeVisible();
    const preview = flow.getByTestId('artefact-preview');
    await expect(preview).toHaveAttribute('data-artefact', 'trust-policy');
    const externalId = /"sts:ExternalId": "([A-Za-z0-9]{40})"/.exec((await preview.getByTestId('artefact-code').textContent()) ?? '')?.[1];
    expect(externalId).toBeDefined();
    await expect(preview.locator('.tok--key').first()).toHaveText('"Version"');

    await flow.getByRole('tab', { name: 'CloudFormation template' }).click();
    await expect(preview).toHaveAttribute('data-artefact', 'template');
    await expect(preview.getByTestId('artefact-code')).toContainText('AWSTemplateFormatVersion');
    await preview.getByRole('button', { name: 'Copy roledeck-RoledeckAccess.yaml' }).click();
    await expect(preview.getByRole('status')).toHaveText('Copied roledeck-RoledeckAccess.yaml to the clipboard.');
    expect(app.clipboard.text).toMatch(/Type: "?AWS::IAM::Role"?/);
    expect(app.clipboard.concealed).toBe(true);

    await flow.getByRole('tab', { name: 'Instructions (printable page)' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('button', { name: 'Download setup-acme-ltd.html' }).click()]);
    expect(download.suggestedFilename()).toBe('setup-acme-ltd.html');
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(externalId!);

    // The quick-create link: the template goes to our bucket in moto, behind a presigned URL.
    await flow.getByLabel('Our S3 bucket').fill('acme-onboarding');
    await flow.getByRole('button', { name: 'Create the link' }).click();
    const quick = flow.getByTestId('quick-create-result');
    await expect(quick).toContainText(/The link works until \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    await expect(quick).toContainText('AWS_ENDPOINT_URL');
    await expect(preview).toHaveAttribute('data-artefact', 'quick-create-link');
    const link = (await preview.getByTestId('artefact-code').textContent()) ?? '';
    expect(link).toContain('https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL=');
    expect(link).toContain(`param_ExternalId=${externalId}`);
    await flow.getByRole('tab', { name: 'Trust policy' }).click();
    await panelShot(page, flow, 'onboarding-hand-over');
    expect(await axeViolations(page)).toEqual([]);

    // The customer's admin runs the deploy command on the template.
    const customers = (await invoke(page, 'onboarding.list', {})) as { customers: Array<{ customerId: string }> };
    await customerDeploys(page, customers.customers[0]!.customerId);

    // Step 3: our side. moto has no policy simulator: the window says so and still shows the policy.
    await flow.getByRole('button', { name: 'Next: our side' }).click();
    await flow.getByRole('button', { name: 'Check our side' }).click();
    const ours = flow.getByTestId('our-side-result');
    await expect(ours).toContainText('not checked');
    await expect(ours).toContainText('moto');
    await expect(ours.getByTestId('artefact-code')).toContainText('arn:aws:iam::*:role/RoledeckAccess');
    await screenshot(page, 'onboarding-our-side');

    // Step 4: the customer sends back their account ID; the profile is created and access tested.
    await flow.getByRole('button', { name: 'Next: close the loop' }).click();
    await flow.getByLabel('Account ID or role ARN').fill('1234-5678-9012');
    await flow.getByRole('button', { name: 'Create the profile and test access' }).click();
    const outcome = flow.getByTestId('verify-outcome');
    await expect(outcome).toHaveAttribute('data-state', 'verified', { timeout: 15_000 });
    await expect(outcome).toContainText('Access verified');
    await expect(outcome).toContainText(`arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/RoledeckAccess/`);
    await expect(flow.getByText('Created the profile acme-ltd.')).toBeVisible();
    await expect(list.getByRole('option', { name: /^Acme Ltd: access verified, last verified / })).toBeVisible();
    await expect(flow.getByTestId('onboarding-steps').locator('[data-state="done"]')).toHaveCount(3);
    await expect(flow.getByRole('button', { name: 'Access verified (done)' })).toHaveAttribute('aria-current', 'step');
    await screenshot(page, 'onboarding-verified');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page), 'axe in the dark theme').toEqual([]);
    await flow.getByRole('button', { name: 'Hand it over (done)' }).click();
    await expect(preview.locator('.tok--string').first()).toBeVisible();
    await panelShot(page, flow, 'onboarding-hand-over-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const profile = (await invoke(page, 'profiles.list', {})) as { profiles: Array<{ name: string; kind: string; roleArn?: string; externalId?: string; durationSeconds?: number }> };
    expect(profile.profiles.find((entry) => entry.name === 'acme-ltd')).toMatchObject({
      roleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/RoledeckAccess`,
      externalId,
      durationSeconds: 7200,
    });
  });

  test('verify all tests every customer with progress and says which role broke and why', async ({ page, app, moto }) => {
    test.setTimeout(90_000);
    await openApp(page, app, 'onboarding');
    await addOurUser(page, 'consultant', ASSUME_ANY);
    for (const [name, role] of [['Acme Ltd', 'RoledeckAcme'], ['Globex', 'RoledeckGlobex']] as const) {
      const prepared = (await invoke(page, 'onboarding.prepare', {
        customerName: name,
        sourceProfile: 'consultant',
        roleName: role,
        requireMfa: false,
        principal: 'user',
        maxSessionDurationSeconds: 3600,
        permissions: { purpose: 'read-only-audit' },
        region: 'us-east-1',
      })) as PrepareResult;
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
      await customerDeploys(page, prepared.onboarding.customerId);
      await invoke(page, 'onboarding.complete', { customerId: prepared.onboarding.customerId, reply: MOTO_ACCOUNT });
    }
    // Globex's admin changes the ExternalId in the role's trust policy.
    const iam = iamClient();
    try {
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'RoledeckGlobex', PolicyDocument: JSON.stringify(trustPolicyFor(`arn:aws:iam::${MOTO_ACCOUNT}:user/consultant`, 'a-different-external-id-0123456789')) }));
    } finally {
      iam.destroy();
    }
    await moto.setIamEnforcement(true);
    try {
      await page.reload();
      const list = page.getByTestId('customer-list');
      await expect(list.getByRole('option', { name: /^Globex: access verified/ })).toBeVisible();
      await page.getByRole('button', { name: 'Verify all' }).click();
      const report = page.getByTestId('verify-all');
      await expect(report.getByRole('status')).toHaveText('1 verified, 1 failed, 0 not tested.', { timeout: 15_000 });
      const broken = report.getByRole('list', { name: 'Roles that broke' });
      await expect(broken).toContainText('Globex');
      await expect(broken).toContainText('RoledeckGlobex no longer lets us in');
      await expect(broken).toContainText('Access worked before and nothing changed on our side');
      await expect(list.getByRole('option', { name: /^Globex: role created, last verified / })).toBeVisible();
      await expect(list.getByRole('option', { name: /^Acme Ltd: access verified/ })).toBeVisible();
      await screenshot(page, 'onboarding-verify-all');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await moto.setIamEnforcement(false);
    }
  });

  test('bad input is refused beside its field: a duplicate customer, a role name off the allow-list, broken policy JSON with line and column', async ({ page, app }) => {
    await openApp(page, app, 'onboarding');
    await addOurUser(page, 'consultant');
    await invoke(page, 'settings.update', { roleNameAllowList: ['Roledeck*'] });
    await invoke(page, 'onboarding.prepare', {
      customerName: 'Acme Ltd',
      sourceProfile: 'consultant',
      roleName: 'RoledeckAccess',
      requireMfa: false,
      principal: 'user',
      maxSessionDurationSeconds: 3600,
      permissions: { purpose: 'read-only-audit' },
      region: 'us-east-1',
    });
    await page.reload();
    await page.getByRole('button', { name: 'New customer' }).click();
    const flow = page.getByTestId('customer-flow');
    await flow.getByLabel('Customer name').fill('acme ltd');
    await flow.getByLabel('Role name').fill('AdminAccess');
    await flow.getByRole('button', { name: 'Prepare the setup' }).click();
    await expect(flow.getByText('A customer named "Acme Ltd" already exists. Choose it in the list to change its setup, or pick another name.')).toBeVisible();

    await flow.getByLabel('Customer name').fill('Globex');
    await flow.getByRole('button', { name: 'Prepare the setup' }).click();
    await expect(flow.getByText(/The role "AdminAccess" is not allowed: this installation accepts only roles named "Roledeck\*"/)).toBeVisible();
    await expect(flow.getByLabel('Role name')).toBeFocused();

    await flow.getByLabel('Role name').fill('RoledeckAccess');
    await flow.getByRole('radio', { name: /Custom JSON/ }).check();
    const policy = flow.getByLabel('Permissions policy (JSON)');
    await policy.fill('{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow" "Action": "s3:*", "Resource": "*" }\n  ]\n}');
    await policy.blur();
    await expect(flow.getByText(/^The policy is not valid JSON at line 4, column 25/)).toBeVisible();
    await panelShot(page, flow, 'onboarding-bad-input');
    expect((await invoke(page, 'onboarding.list', {})) as { customers: unknown[] }).toMatchObject({ customers: [expect.objectContaining({ customerName: 'Acme Ltd' })] });
  });
});
