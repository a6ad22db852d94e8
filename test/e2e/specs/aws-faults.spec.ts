import type { ProfileView } from '../../../shared/domain/profile-view';
import { startFaultProxy, type FaultProxy } from '../../fixtures/fault-proxy/fault-proxy';
import { recordFigure } from '../../fixtures/figures';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { expect, openApp, screenshot } from '../fixtures';
import { invoke, test } from '../with-moto';

/*
 * STS failing at the HTTP level (the fault proxy in front of this worker's moto), seen in the
 * window: the start ends with AWS's words within seconds, nothing keeps spinning, and the same
 * button works once STS answers again. The host runs in this process, so pointing
 * AWS_ENDPOINT_URL at the proxy reroutes its SDK clients.
 */

let proxy: FaultProxy | undefined;
let motoEndpoint = '';

test.beforeEach(async ({ moto }) => {
  motoEndpoint = moto.endpoint;
  proxy = await startFaultProxy(moto.endpoint);
  process.env.AWS_ENDPOINT_URL = proxy.endpoint;
});

test.afterEach(async () => {
  process.env.AWS_ENDPOINT_URL = motoEndpoint;
  if (proxy) {
    recordFigure('faults injected', proxy.faultsInjected);
    await proxy.stop();
  }
  proxy = undefined;
});

test('STS answering 503: starting a session ends with AWS’s words and no spinner, and works once STS recovers', async ({ page, app }) => {
  await openApp(page, app, 'sessions');
  const user = await createUserWithKey('consultant-faults', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
  const roleArn = await createRole('Deployer-faults', trustPolicyFor(user.arn));
  await invoke(page, 'profiles.addUser', { name: 'consultant-faults', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
  const role = (await invoke(page, 'profiles.addRole', { name: 'acme-faults', source: 'consultant-faults', roleArn, label: 'Acme Corp' })) as ProfileView;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions');
  proxy!.inject({ service: 'sts', times: 1_000, fault: { kind: 'server-error', status: 503 } });

  await page.getByLabel('Profile', { exact: true }).selectOption(role.id);
  const start = page.getByRole('button', { name: 'Start session' });
  const clicked = Date.now();
  await start.click();

  const note = page.getByTestId('session-outcome');
  await expect(note).toContainText('ServiceUnavailable', { timeout: 15_000 });
  expect(Date.now() - clicked).toBeLessThan(15_000);
  await expect(start).toBeVisible();
  await expect(start).not.toHaveAttribute('aria-busy');
  await expect(page.locator('.spinner')).toHaveCount(0);
  await expect(page.getByTestId('session-row')).toHaveCount(0);
  await screenshot(page, 'sessions-sts-unavailable');

  proxy!.clear();
  await start.click();
  const card = page.getByTestId('active-session');
  await expect(card.getByTestId('session-state')).toHaveText('Active');
  await expect(card.getByRole('heading', { name: 'acme-faults' })).toBeVisible();
});
