import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeFederation, type FakeFederation } from '../../fixtures/fake-federation';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor, type TestUser } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { startRecordedApp } from '../fixtures/recorded-app';
import { motoEndpoint, resetMoto, useMoto } from '../fixtures/moto';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
let home: string;
let federation: FakeFederation;
const env = (extra: NodeJS.ProcessEnv = {}) => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1', ...extra });

async function setUp(options: { mfa?: boolean } = {}): Promise<{ user: TestUser; roleArn: string }> {
  const user = await createUserWithKey('consultant', ASSUME_ANY);
  const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
  const mfa = options.mfa ? ['--mfa-serial', 'arn:aws:iam::123456789012:mfa/consultant'] : [];
  const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId, ...mfa], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
  expect(added.code).toBe(0);
  const role = await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn, '--external-id', 'ext-1234', '--region', 'eu-west-1'], { env: env() });
  expect(role.code).toBe(0);
  const endpoint = await runCli(['settings', 'federation-endpoint', federation.endpoint], { env: env() });
  expect(endpoint.code).toBe(0);
  return { user, roleArn };
}

describe('roledeck console (built CLI, moto, a fake federation endpoint, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-console-cli-'));
  });
  afterEach(async () => {
    await federation.close();
  });

  it('--print gives a login URL on the configured endpoint whose token was issued for exactly the session moto gave', async () => {
    federation = await startFakeFederation(motoEndpoint());
    const { user } = await setUp();

    const printed = await runCli(['console', 'acme-prod', '--print', '--destination', 's3'], { env: env() });

    expect(printed.stderr).toMatch(/Sign-in URL for https:\/\/console\.aws\.amazon\.com\/s3\/home\?region=eu-west-1 \(valid 15 minutes; the console session lasts 60 min\)/);
    expect(printed.code).toBe(0);
    const url = new URL(printed.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe(federation.endpoint);
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(federation.tokens.get(url.searchParams.get('SigninToken')!)).toBe('arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant');
    expect(federation.requests).toEqual([{ arn: 'arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant', sessionDuration: '3600' }]);
    const page = await fetch(url);
    expect(await page.text()).toContain('Signed in as <b>arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant</b>');
    expect(printed.stdout + printed.stderr).not.toContain(user.credentials.secretAccessKey);
  });

  it('opens the URL with the system opener, as one argument and without a shell', async () => {
    federation = await startFakeFederation(motoEndpoint());
    await setUp();
    const bin = mkdtempSync(path.join(tmpdir(), 'roledeck-opener-'));
    const opened = path.join(bin, 'opened');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$#" "$1" > '${opened}'\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);

    const result = await runCli(['console', 'acme-prod', '--destination', 'cloudformation', '--region', 'us-west-2'], { env: env({ PATH: `${bin}:${process.env.PATH ?? ''}` }) });

    expect(result.stderr).toContain('Opened the console at https://console.aws.amazon.com/cloudformation/home?region=us-west-2');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    await expect.poll(() => readFileSync(opened, 'utf8').split('\n')[0], { timeout: 5_000 }).toBe('1');
    const url = new URL(readFileSync(opened, 'utf8').split('\n')[1]!);
    expect(federation.tokens.has(url.searchParams.get('SigninToken')!)).toBe(true);
  });

  it('leaves SessionDuration out for a role assumed from another role (role chaining), and the endpoint accepts it', async () => {
    const chainedArn = 'arn:aws:iam::123456789012:role/ChainedRole';
    federation = await startFakeFederation(motoEndpoint(), { chainedRoles: [chainedArn] });
    const { roleArn } = await setUp();
    await createRole('ChainedRole', trustPolicyFor(roleArn));
    expect((await runCli(['profile', 'add-role', 'acme-chained', '--source', 'acme-prod', '--role-arn', chainedArn], { env: env() })).code).toBe(0);

    const printed = await runCli(['console', 'acme-chained', '--print'], { env: env() });

    expect(printed.stderr).toContain('the console session lasts as long as the role session (role chaining: at most 1 h)');
    expect(printed.code).toBe(0);
    expect(federation.requests.at(-1)).toEqual({ arn: 'arn:aws:sts::123456789012:assumed-role/ChainedRole/roledeck-consultant' });
  });

  it('refuses an IAM user profile, saying AWS takes a role’s session and how to add one', async () => {
    federation = await startFakeFederation(motoEndpoint());
    await setUp();
    const refused = await runCli(['console', 'consultant', '--print'], { env: env() });
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/consultant is an IAM user with long-term keys.*only with a role's session.*roledeck profile add-role/);
    expect(federation.requests).toEqual([]);
  });

  it('says the endpoint refused the session when the cached session is no longer one AWS knows', async () => {
    federation = await startFakeFederation(motoEndpoint());
    await setUp();
    expect((await runCli(['whoami', 'acme-prod'], { env: env() })).code).toBe(0);
    await resetMoto();

    const refused = await runCli(['console', 'acme-prod', '--print'], { env: env() });

    expect(refused.code).toBe(5);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/refused acme-prod's session \(HTTP 400\)\. A session that expired or was revoked is refused/);
  });

  it('refuses a destination outside the console and a bad region before anything is asked of AWS', async () => {
    federation = await startFakeFederation(motoEndpoint());
    await setUp();
    const offsite = await runCli(['console', 'acme-prod', '--print', '--destination', 'https://evil.example/'], { env: env() });
    expect(offsite.code).toBe(6);
    expect(offsite.stderr).toContain('--destination: A console URL of this profile\'s partition (aws) is on console.aws.amazon.com, not evil.example');
    const region = await runCli(['console', 'acme-prod', '--print', '--region', 'moon-1'], { env: env() });
    expect(region.code).toBe(6);
    expect(region.stderr).toContain('--region:');
    expect(federation.requests).toEqual([]);
  });

  it('with the app running, takes the session from the app (its one MFA prompt) and asks no SessionDuration for a role assumed with an MFA session', async () => {
    federation = await startFakeFederation(motoEndpoint());
    await setUp({ mfa: true });
    // The app in this process; the person at it types the code from their device.
    const app = await startRecordedApp(home);
    app.answerMfaWith('123456');
    try {
      const { ROLEDECK_NO_AGENT: _off, ...withApp } = env();
      const printed = await runCli(['console', 'acme-prod', '--print'], { env: { ...withApp, ROLEDECK_NO_AGENT: '0' } });
      expect(printed.stderr).toContain('the console session lasts as long as the role session');
      expect(printed.code).toBe(0);
      expect(app.mfaPrompts).toEqual(['acme-prod']);
      expect(federation.tokens.get(new URL(printed.stdout.trim()).searchParams.get('SigninToken')!)).toMatch(/assumed-role\/ExampleRoleName\//);
      expect(federation.requests.at(-1)).not.toHaveProperty('sessionDuration');
    } finally {
      await app.close();
    }
  });

  it('refuses a federation endpoint that would send the session in the clear', async () => {
    federation = await startFakeFederation(motoEndpoint());
    const refused = await runCli(['settings', 'federation-endpoint', 'http://signin.example.com/federation'], { env: env() });
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain('must be an https URL');
  });
});
