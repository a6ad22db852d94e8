import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/node/app/services';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { ScriptedMfaPrompter } from '../../fakes/scripted.mfa-prompter';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { setIamEnforcement, useMoto } from '../fixtures/moto';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
const DEVICE = 'arn:aws:iam::123456789012:mfa/consultant';

/** Real adapters (Secret Service keychain, encrypted store, SDK against moto) in a fresh home. */
function realRoledeck() {
  const home = mkdtempSync(path.join(tmpdir(), 'roledeck-sessions-'));
  const lines: string[] = [];
  const prompter = new ScriptedMfaPrompter();
  const ports = {
    ...createNodePorts({
      home,
      logger: new StreamLogger((line) => lines.push(line)),
      runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } },
    }),
    mfaPrompter: prompter,
  };
  return { ports, prompter, lines, services: createServices(ports) };
}

describe('sessions against moto with the real keychain', () => {
  beforeAll(() => requireKeyringSession());
  useMoto();

  it('assumes user → role → chained role, and GetCallerIdentity names the assumed role', async () => {
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const hubArn = await createRole('Hub', trustPolicyFor(user.arn));
    await createRole('ExampleRoleName', trustPolicyFor(hubArn));
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
    await services.profiles.addRole({ name: 'acme-hub', source: 'consultant', roleArn: hubArn });
    await services.profiles.addRole({ name: 'acme-prod', source: 'acme-hub', accountId: '123456789012', roleName: 'ExampleRoleName' });

    const result = await services.sessions.testAccess('acme-prod');

    expect(result).toMatchObject({
      ok: true,
      arn: 'arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant',
      account: '123456789012',
      chain: ['consultant', 'acme-hub', 'acme-prod'],
    });
  });

  it('caches sessions in the OS keychain, where a restarted app finds them', async () => {
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn));
    const first = realRoledeck();
    await first.services.profiles.addUser({ name: 'consultant', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey, mfaSerial: DEVICE });
    await first.services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn });
    await first.services.profiles.addRole({ name: 'acme-dev', source: 'consultant', roleArn });
    first.prompter.codes = ['123456'];

    const prod = await first.services.sessions.start('acme-prod');
    await first.services.sessions.start('acme-dev');

    // moto does not check MFA codes; what matters here is that one code served both roles.
    expect(first.prompter.shown).toHaveLength(1);
    expect(prod).toMatchObject({ state: 'active', cachedIn: 'keychain', arn: 'arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant' });
    expect(prod.expiresAt! - Date.now()).toBeGreaterThan(50 * 60_000);

    const restarted = createServices(first.ports);
    const listed = await restarted.sessions.list();
    expect(listed.sessions.map((session) => [session.profileName, session.kind, session.cachedIn]).sort()).toEqual([
      ['acme-dev', 'role', 'keychain'],
      ['acme-prod', 'role', 'keychain'],
      ['consultant', 'mfa-session', 'keychain'],
    ]);
    const again = await restarted.sessions.start('acme-prod');
    expect(again.obtainedAt).toBe(prod.obtainedAt);
    expect(first.prompter.shown).toHaveLength(1);
    await restarted.sessions.end('acme-prod');
    expect((await createServices(first.ports).sessions.list()).sessions.map((session) => session.profileName)).not.toContain('acme-prod');
  });

  it('with IAM enforcement on: the right ExternalId is let in, a wrong one is refused and explained', async () => {
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
    const { services, lines } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn, externalId: 'ext-1234' });
    await services.profiles.addRole({ name: 'acme-wrong', source: 'consultant', roleArn, externalId: 'wrong-id' });
    await setIamEnforcement(true);

    const good = await services.sessions.testAccess('acme-prod');
    const bad = await services.sessions.testAccess('acme-wrong');

    expect(good).toMatchObject({ ok: true, arn: 'arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant' });
    expect(bad).toMatchObject({ ok: false, failedAt: 'acme-wrong', cause: 'external-id', awsCode: 'AccessDenied', chain: ['consultant', 'acme-wrong'] });
    if (!bad.ok) expect(bad.explanation).toMatch(/requires an ExternalId and it differs from the one in acme-wrong.*check step 2 of the customer setup/);
    expect(JSON.stringify(bad) + lines.join('\n')).not.toContain(user.credentials.secretAccessKey);
    await expect(services.sessions.start('acme-wrong')).rejects.toMatchObject({ code: 'AWS_ERROR', awsCode: 'AccessDenied' });
  });

  it('says STS could not be reached when nothing answers at the endpoint', async () => {
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: 'arn:aws:iam::123456789012:role/ExampleRoleName' });
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1'; // a closed port; useMoto restores the endpoint for the next test

    const result = await services.sessions.testAccess('acme-prod');

    // The step and the cause: where Roledeck tried and what the system said. AWS said nothing, so
    // nothing is quoted as AWS's answer.
    expect(result).toMatchObject({ ok: false, cause: 'network', failedAt: 'acme-prod', step: 'assuming acme-prod with consultant’s keys (AssumeRole)' });
    if (result.ok) throw new Error('unreachable');
    expect(result.explanation).toMatch(/^Could not reach AWS STS at http:\/\/127\.0\.0\.1:1: connection refused\. Nothing reached AWS/);
    expect(result.awsCode).toBeUndefined();
    expect(result.awsMessage).toBeUndefined();
    // Starting the session says the same.
    await expect(services.sessions.start('acme-prod')).rejects.toThrow(/^Could not reach AWS STS at http:\/\/127\.0\.0\.1:1: connection refused\./);
  });
});
