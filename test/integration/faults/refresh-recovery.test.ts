import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { createServices } from '../../../electron/node/app/services';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { FakeScheduler } from '../../fakes/fake.scheduler';
import { FakeClock } from '../../fakes/ports';
import { ScriptedMfaPrompter } from '../../fakes/scripted.mfa-prompter';
import { useFaultProxy } from '../fixtures/fault-proxy';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { useMoto } from '../fixtures/moto';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };

describe('the refresh scheduler under STS faults (real STS calls through the fault proxy, hand-driven time)', () => {
  beforeAll(() => requireKeyringSession());
  useMoto();
  const proxy = useFaultProxy();

  it('fails honestly while STS answers 503, backs off, and refreshes the session once STS recovers', async () => {
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn));
    // The real SDK signs with the real time, so the hand-driven clock starts at it.
    const clock = new FakeClock(Date.now());
    const scheduler = new FakeScheduler(clock);
    const home = mkdtempSync(path.join(tmpdir(), 'roledeck-refresh-faults-'));
    const ports = {
      ...createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } } }),
      mfaPrompter: new ScriptedMfaPrompter(),
      clock,
      scheduler,
    };
    const services = createServices(ports);
    await services.profiles.addUser({ name: 'consultant', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn });
    const first = await services.sessions.start('acme-prod');
    const view = () => services.sessions.snapshotNow().sessions.find((session) => session.profileName === 'acme-prod')!;
    services.refresh.start();
    try {
      proxy.current.inject({ service: 'sts', times: 1_000, fault: { kind: 'server-error', status: 503 } });

      await scheduler.advance(first.refreshAt! - clock.now());
      await waitFor('failed', () => view().state === 'failed');
      expect(view().error).toMatchObject({ code: 'ServiceUnavailable' });
      expect(view().expiresAt).toBe(first.expiresAt);
      const failedCalls = proxy.current.log.filter((entry) => entry.fault === 'server-error').length;
      expect(failedCalls).toBeGreaterThan(0);

      // Still down at the next retry (backoff with jitter, well within 5 minutes): it fails again
      // and waits longer, never hammering STS.
      await scheduler.advance(5 * 60_000);
      await waitFor('failed again', () => proxy.current.log.filter((entry) => entry.fault === 'server-error').length > failedCalls && view().state === 'failed');
      const failedAgain = proxy.current.log.filter((entry) => entry.fault === 'server-error').length;
      expect(failedAgain).toBeLessThan(failedCalls * 4);

      proxy.current.clear();
      await scheduler.advance(10 * 60_000);
      await waitFor('active', () => view().state === 'active');
      expect(view().expiresAt).toBeGreaterThan(first.expiresAt!);
      expect(view().error).toBeUndefined();
      expect(proxy.current.log.filter((entry) => entry.action === 'AssumeRole' && entry.fault === undefined)).toHaveLength(1);
    } finally {
      services.refresh.stop();
    }
  });
});

/** Real HTTP calls finish on their own time: polls the condition for up to 10 s. */
async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const until = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`the session was not ${what} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
