import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor, type TestUser } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, setIamEnforcement, useMoto } from '../fixtures/moto';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
let home: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint() });

async function addProfiles(user: TestUser, roleArn: string, externalId: string): Promise<void> {
  const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], {
    env: env(),
    input: `${user.credentials.secretAccessKey}\n`,
  });
  expect(added.code).toBe(0);
  const role = await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn, '--external-id', externalId], { env: env() });
  expect(role.code).toBe(0);
}

describe('roledeck whoami and sessions (built CLI, moto, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-sessions-cli-'));
  });

  it('whoami prints the assumed-role ARN, and `sessions --json` lists the cached session with its expiry', async () => {
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
    await addProfiles(user, roleArn, 'ext-1234');

    const whoami = await runCli(['whoami', 'acme-prod'], { env: env() });

    expect(whoami.stderr).toContain('consultant → acme-prod');
    expect(whoami.stdout).toBe('arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant\n');
    expect(whoami.code).toBe(0);

    const listed = await runCli(['sessions', '--json'], { env: env() });
    expect(listed.code).toBe(0);
    const snapshot = JSON.parse(listed.stdout) as { sessions: Array<{ profileName: string; kind: string; state: string; cachedIn: string; expiresAt: number }> };
    const session = snapshot.sessions.find((entry) => entry.profileName === 'acme-prod');
    expect(session).toMatchObject({ kind: 'role', state: 'active', cachedIn: 'keychain' });
    expect(session!.expiresAt - Date.now()).toBeGreaterThan(50 * 60_000);

    const table = await runCli(['sessions'], { env: env() });
    expect(table.stdout).toMatch(/acme-prod\s+role\s+active\s+\d+ min left/);
    for (const output of [whoami, listed, table]) expect(output.stdout + output.stderr).not.toContain(user.credentials.secretAccessKey);
  });

  it('whoami with nothing answering names the step and the cause, and quotes no AWS answer', async () => {
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
    expect(added.code).toBe(0);

    const whoami = await runCli(['whoami', 'consultant'], { env: { ...env(), AWS_ENDPOINT_URL: 'http://127.0.0.1:1' } });

    expect(whoami.code).toBe(1);
    expect(whoami.stderr).toBe(
      'roledeck: Access failed while checking who consultant is (GetCallerIdentity): Could not reach AWS STS at http://127.0.0.1:1: connection refused. ' +
        'Nothing reached AWS, so this says nothing about consultant’s access: check the network connection, proxy or VPN (and AWS_ENDPOINT_URL, if set), then test again.\n',
    );
  });

  it('whoami with a wrong ExternalId (IAM enforcement on) prints the diagnosis and exits 5', async () => {
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
    await addProfiles(user, roleArn, 'wrong-id');
    await setIamEnforcement(true);

    const whoami = await runCli(['whoami', 'acme-prod'], { env: env() });
    const json = await runCli(['whoami', 'acme-prod', '--json'], { env: env() });

    expect(whoami.code).toBe(5);
    expect(whoami.stdout).toBe('');
    expect(whoami.stderr).toMatch(/^roledeck: Access failed while assuming acme-prod with consultant’s keys \(AssumeRole\): .*requires an ExternalId and it differs from the one in acme-prod/);
    expect(whoami.stderr).toContain('\n  Chain: consultant → acme-prod\n');
    expect(whoami.stderr).toContain('\n  AWS said: AccessDenied: ');
    expect(whoami.stderr).toMatch(/AWS said: AccessDenied/);
    expect(json.code).toBe(5);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, cause: 'external-id', failedAt: 'acme-prod', awsCode: 'AccessDenied' });
    expect((await runCli(['sessions', '--json'], { env: env() })).stdout).toContain('"sessions": []');
  });

  it('whoami names a profile that does not exist with exit 3, and needs exactly one profile', async () => {
    expect((await runCli(['whoami', 'nobody'], { env: env() })).code).toBe(3);
    expect((await runCli(['whoami'], { env: env() })).code).toBe(2);
  });
});
