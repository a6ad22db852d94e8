import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, screenshot } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * Test deploys in the window against the real main side: the real router and deploy service in
 * the test host, the real keyring, the AWS SDK pointed at moto. The stack events reach the page as
 * contract events over the host's WebSocket, as they reach the Electron window over IPC.
 */

const ACCOUNT = '123456789012';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Roledeck e2e queue
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, test]
    Description: Which environment the queue is for
  Secret:
    Type: String
    NoEcho: true
    Default: not-so-secret
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub 'roledeck-e2e-\${Env}'
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  QueueName:
    Value: !GetAtt Queue.QueueName
`;

async function addRole(page: Page, options: { production?: boolean } = {}): Promise<ProfileView> {
  const user = await createUserWithKey('consultant');
  const roleArn = await createRole('Deployer', trustPolicyFor(user.arn));
  await invoke(page, 'profiles.addUser', { name: 'consultant', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
  return (await invoke(page, 'profiles.addRole', {
    name: 'acme-test',
    source: 'consultant',
    roleArn,
    region: 'eu-west-1',
    label: 'Acme',
    color: '#3b6fe0',
    ...(options.production ? { production: true } : {}),
  })) as ProfileView;
}

async function openDeploy(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deploy');
  await expect(page.getByTestId('target-account')).toContainText(ACCOUNT);
}

async function chooseTemplate(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('template-input').setInputFiles({ name, mimeType: 'application/x-yaml', buffer: Buffer.from(text) });
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.describe('Deploy', () => {
  test('a template becomes a form, the change set is reviewed, its events stream in live, and the outputs and history show the end', async ({ page, app }) => {
    // The first CloudFormation call wakes moto's CloudFormation code, and axe runs four times.
    test.setTimeout(90_000);
    await openApp(page, app, 'deploy');
    await addRole(page);
    await openDeploy(page);
    await expect(page.getByTestId('target-region')).toHaveText('eu-west-1');
    await expect(page.getByTestId('target-identity')).toHaveText(`arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/roledeck-consultant`);

    await chooseTemplate(page, 'queue.yaml', TEMPLATE);
    await expect(page.getByTestId('template-summary')).toContainText('YAML');
    await expect(page.getByTestId('template-summary')).toContainText('2 resources, 2 parameters — Roledeck e2e queue');
    await expect(page.getByTestId('stack-name')).toHaveValue('queue');
    await page.getByTestId('stack-name').fill('acme-queue');
    const env = page.locator('select[data-parameter="Env"]');
    await expect(env.locator('option')).toHaveText(['Choose…', 'dev', 'test']);
    await expect(page.locator('input[data-parameter="Secret"]')).toHaveAttribute('type', 'password');
    await env.selectOption('dev');
    await page.getByLabel('Tags').fill('team=web');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('create-change-set').click();
    // moto imports its CloudFormation code on the first call of a run: allow it a while.
    const review = page.getByTestId('change-set-review');
    await expect(review).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('change-headline')).toHaveText('2 to add');
    await expect(page.getByTestId('change-table').locator('tbody tr')).toHaveText([/Add\s*Queue\s*—\s*AWS::SQS::Queue/, /Add\s*Topic\s*—\s*AWS::SNS::Topic/]);
    await expect(page.getByTestId('target-account')).toContainText(ACCOUNT);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'deploy-review');

    // The page's own subscription: what the contract event carries, as the window receives it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { deployEvents: string[] }).deployEvents = seen;
      window.roledeck?.on('deploy.event', (payload) => {
        for (const event of (payload as { events: Array<{ logicalId: string; status: string }> }).events) seen.push(`${event.logicalId} ${event.status}`);
      });
    });
    await page.getByTestId('execute-change-set').click();
    const outcome = page.getByTestId('deploy-outcome');
    await expect(outcome).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
    await expect(outcome).toContainText('CREATE_COMPLETE: acme-queue');
    const streamed = await page.evaluate(() => (window as unknown as { deployEvents: string[] }).deployEvents);
    expect(streamed).toEqual(['acme-queue CREATE_IN_PROGRESS', 'acme-queue CREATE_COMPLETE']);
    const events = page.getByTestId('stack-events').getByRole('option');
    await expect(events).toHaveCount(2);
    await expect(events.last()).toHaveAttribute('data-status', 'CREATE_COMPLETE');
    await expect(page.getByTestId('deploy-status')).toHaveText('CREATE_COMPLETE');
    await expect(page.getByTestId('target-account')).toContainText(ACCOUNT);
    await expect(page.getByTestId('deploy-history').locator('tbody tr').first()).toContainText(/acme-queue\s*create\s*succeeded \(CREATE_COMPLETE\)/);
    await expect(page.getByTestId('deploy-history').locator('tbody tr').first()).toContainText('assumed-role/Deployer/roledeck-consultant');
    await expect(page.getByTestId('deploy-counts')).toHaveText('2 of 2 resources');
    // The form keeps what was typed for the next deploy.
    await expect(page.getByTestId('stack-name')).toHaveValue('acme-queue');
    await expect(page.getByTestId('deploy-recipe')).toContainText('queue.yaml · Env=dev · tags team=web');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'deploy-finished');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'deploy-finished-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // One click runs it again into the same session: nothing changed, so it is up to date.
    await page.getByTestId('deploy-again').click();
    await expect(page.getByTestId('up-to-date')).toContainText('Up to date: acme-queue has nothing to change');
  });

  test('the test stack is deleted after a confirmation naming account, region and stack, and the delete is watched to the end', async ({ page, app }) => {
    await openApp(page, app, 'deploy');
    const role = await addRole(page);
    await invoke(page, 'deploy.prepare', {
      profileId: role.id,
      template: { text: TEMPLATE, source: '/home/me/queue.yaml' },
      stackName: 'acme-queue',
      parameters: [{ key: 'Env', value: 'test' }],
      tags: [],
      capabilities: [],
    }).then((prepared) => invoke(page, 'deploy.execute', { runId: (prepared as { runId: string }).runId }));
    await openDeploy(page);

    await page.getByTestId('delete-stack').click();
    const dialog = page.getByTestId('delete-stack-dialog');
    await expect(dialog).toContainText(`Account ${ACCOUNT} (Acme), region eu-west-1`);
    await expect(dialog).toContainText('deletes the stack acme-queue and every resource it created');
    await page.screenshot({ path: 'test-results/screenshots/deploy-delete-confirm.png' });
    await dialog.getByTestId('confirm-delete').click();
    await expect(page.getByTestId('deploy-outcome')).toContainText('DELETE_COMPLETE: acme-queue', { timeout: 15_000 });
    await expect(page.getByTestId('stack-events').getByRole('option').last()).toHaveAttribute('data-status', 'DELETE_COMPLETE');
    await expect(page.getByTestId('deploy-history').locator('tbody tr').first()).toContainText(/acme-queue\s*delete\s*succeeded/);
  });

  test('a production profile needs the account ID typed; a broken template says where it breaks', async ({ page, app }) => {
    await openApp(page, app, 'deploy');
    await addRole(page, { production: true });
    await openDeploy(page);
    await expect(page.getByTestId('deploy-target')).toContainText('Production');

    await chooseTemplate(page, 'broken.yaml', 'Resources:\n  Queue:\n    Type: [unclosed\n');
    await expect(page.getByTestId('template-problem')).toContainText(/not valid YAML or JSON \(line \d+, column \d+\)/);

    await chooseTemplate(page, 'queue.yaml', TEMPLATE);
    await page.locator('select[data-parameter="Env"]').selectOption('dev');
    await page.getByTestId('stack-name').fill('acme-queue');
    await expect(page.getByTestId('create-change-set')).toBeDisabled();
    await page.getByTestId('confirm-account').fill('111111111111');
    await expect(page.getByText('That is not the account this deploy targets')).toBeVisible();
    await expect(page.getByTestId('create-change-set')).toBeDisabled();
    await page.getByTestId('confirm-account').fill(ACCOUNT);
    await page.getByTestId('create-change-set').click();
    await expect(page.getByTestId('change-set-review')).toBeVisible({ timeout: 20_000 });
    await screenshot(page, 'deploy-production-review');
  });
});
