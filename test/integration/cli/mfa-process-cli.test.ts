import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
const DEVICE = 'arn:aws:iam::123456789012:mfa/consultant';
const ykman = path.resolve(import.meta.dirname, '../../fixtures/mfa-process/fake-ykman.sh');
let home: string;
let runs: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1', FAKE_YKMAN_RUNS: runs });
const runCount = () => (existsSync(runs) ? readFileSync(runs, 'utf8').trim().split('\n').length : 0);

async function setUp(): Promise<void> {
  const user = await createUserWithKey('consultant', ASSUME_ANY);
  const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn));
  const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId, '--mfa-serial', DEVICE], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
  expect(added.code).toBe(0);
  expect((await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn], { env: env() })).code).toBe(0);
}

describe('MFA codes from a command or --mfa-code (built CLI, moto, real keychain, a stand-in for ykman)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-mfa-process-'));
    runs = path.join(home, 'ykman-runs');
  });

  it('--mfa-process supplies the code: the MFA session and the role come from one run, and later calls reuse the session', async () => {
    await setUp();
    const whoami = await runCli(['whoami', 'acme-prod', '--mfa-process', `${ykman} ok 123456`], { env: env() });
    expect(whoami.stderr).toContain('consultant → acme-prod');
    expect(whoami.stdout).toMatch(/^arn:aws:sts::123456789012:assumed-role\/ExampleRoleName\//);
    expect(whoami.code).toBe(0);
    expect(runCount()).toBe(1);
    expect((await runCli(['whoami', 'acme-prod', '--mfa-process', `${ykman} ok 123456`], { env: env() })).code).toBe(0);
    expect(runCount()).toBe(1);
  });

  it('the device’s mfa-process setting is used without a terminal, and shows in `settings mfa-process`', async () => {
    await setUp();
    expect((await runCli(['settings', 'mfa-process', DEVICE, `${ykman} ok 654321`], { env: env() })).code).toBe(0);
    expect((await runCli(['settings', 'mfa-process', DEVICE], { env: env() })).stdout).toBe(`${ykman} ok 654321\n`);
    const whoami = await runCli(['whoami', 'acme-prod'], { env: env() });
    expect(whoami.stdout).toMatch(/^arn:aws:sts::123456789012:assumed-role\/ExampleRoleName\//);
    expect(whoami.code).toBe(0);
    expect(runCount()).toBe(1);
  });

  it('credential_process, which has no terminal to ask on, gets its code from the device’s setting', async () => {
    await setUp();
    expect((await runCli(['settings', 'mfa-process', DEVICE, `${ykman} ok 222333`], { env: env() })).code).toBe(0);
    const answered = await runCli(['credential-process', 'acme-prod'], { env: env() });
    expect(answered.code).toBe(0);
    expect(JSON.parse(answered.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(runCount()).toBe(1);
  });

  it('a command that fails: its stderr is shown, with its exit status, and nothing reaches AWS', async () => {
    await setUp();
    const whoami = await runCli(['whoami', 'acme-prod', '--mfa-process', `${ykman} fail`], { env: env() });
    expect(whoami.code).not.toBe(0);
    expect(whoami.stderr).toContain('Error: no YubiKey detected');
    expect(whoami.stderr).toMatch(/fake-ykman.sh" for acme-prod exited with 1; its messages are above/);
    expect((await runCli(['sessions', '--json'], { env: env() })).stdout).toContain('"sessions": []');
  });

  it('a command that prints something other than six digits is refused without its output being repeated', async () => {
    await setUp();
    const whoami = await runCli(['whoami', 'acme-prod', '--mfa-process', `${ykman} junk`], { env: env() });
    expect(whoami.code).not.toBe(0);
    expect(whoami.stderr).toContain('printed something other than a six-digit code');
    expect(whoami.stdout + whoami.stderr).not.toContain('Touch your YubiKey');
  });

  it('--mfa-code serves a script; a code that is not six digits is a usage error', async () => {
    await setUp();
    const whoami = await runCli(['whoami', 'acme-prod', '--mfa-code', '123456'], { env: env() });
    expect(whoami.code).toBe(0);
    const bad = await runCli(['whoami', 'acme-prod', '--mfa-code', '12345'], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--mfa-code: an MFA code is the six digits your device shows');
  });
});
