/**
 * `roledeck config status` runs the installed credential_process line once, as the AWS CLI would,
 * and says whether it works and why not: the built CLI, moto, the real keychain, real programs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkCredentialProcess } from '../../../electron/node/aws-files/credential-process-check';
import { cliPath, ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
let home: string;
let config: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1', AWS_CONFIG_FILE: config });

async function setupProfiles(): Promise<string> {
  const user = await createUserWithKey('consultant', ASSUME_ANY);
  const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
  expect((await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], { env: env(), input: `${user.credentials.secretAccessKey}\n` })).code).toBe(0);
  expect((await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn, '--external-id', 'ext-1234'], { env: env() })).code).toBe(0);
  return user.credentials.secretAccessKey;
}

describe('roledeck config status: the installed line, run once', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-status-'));
    config = path.join(home, 'aws-config');
  });

  it('says a line Roledeck installed works, until when, and prints no credential', async () => {
    const secret = await setupProfiles();
    expect((await runCli(['config', 'install', 'acme-prod'], { env: env() })).code).toBe(0);
    const status = await runCli(['config', 'status', 'acme-prod'], { env: env() });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^acme-prod: installed by Roledeck; the AWS CLI can run its credential_process line \(credentials until \d{1,2}:\d{2}.*\)\.\n$/);
    const json = await runCli(['config', 'status', 'acme-prod', '--json'], { env: env() });
    expect(JSON.parse(json.stdout)).toMatchObject({ awsProfile: 'acme-prod', status: 'roledeck', check: { works: true, expiresAt: expect.any(Number) } });
    expect(`${status.stdout}${json.stdout}`).not.toContain(secret);
    expect(json.stdout).not.toMatch(/ASIA|SessionToken|SecretAccessKey/);
  });

  it('says why a line does not work: a CLI moved away, a program that fails, one that is not on PATH; and exits 1', async () => {
    await setupProfiles();
    expect((await runCli(['config', 'install', 'acme-prod'], { env: env() })).code).toBe(0);
    const moved = path.join(home, 'old-place', 'roledeck.mjs');
    writeFileSync(config, readFileSync(config, 'utf8').replace(cliPath, moved));
    const status = await runCli(['config', 'status', 'acme-prod'], { env: env() });
    expect(status.code).toBe(1);
    expect(status.stdout).toBe(`acme-prod: installed by Roledeck; the AWS CLI cannot run its credential_process line: ${moved} does not exist: it was moved or removed.\n`);

    writeFileSync(config, `${readFileSync(config, 'utf8')}\n[profile failing]\ncredential_process = /bin/sh -c 'echo "roledeck: The OS keychain is locked." >&2; exit 4'\n\n[profile stranger]\ncredential_process = roledeck-not-installed credential-process\n`);
    const failing = await runCli(['config', 'status', 'failing'], { env: env() });
    expect(failing.stdout).toBe('failing: written by hand; the AWS CLI cannot run its credential_process line: It ended with exit code 4: The OS keychain is locked.\n');
    expect(failing.code).toBe(1);
    const stranger = await runCli(['config', 'status', 'stranger'], { env: env() });
    expect(stranger.stdout).toBe('stranger: written by hand; the AWS CLI cannot run its credential_process line: roledeck-not-installed is not on the PATH the AWS CLI runs it with, so it cannot be started.\n');

    const absent = await runCli(['config', 'status', 'ghost'], { env: env() });
    expect(absent).toMatchObject({ code: 0, stdout: `ghost: not in ${config}.\n` });
  });

  it('checks the answer itself: JSON with Version 1 and both keys, within the time limit', async () => {
    expect(await checkCredentialProcess(`/bin/echo '{"Version": 2, "AccessKeyId": "a", "SecretAccessKey": "b"}'`)).toEqual({ works: false, reason: 'Its answer has Version 2; the AWS CLI accepts only 1' });
    expect(await checkCredentialProcess('/bin/echo not json')).toEqual({ works: false, reason: 'It printed something that is not JSON, so the AWS CLI cannot read credentials from it' });
    expect(await checkCredentialProcess(`/bin/echo '{"Version": 1, "AccessKeyId": "a", "SecretAccessKey": "b"}'`)).toEqual({ works: true });
    const started = Date.now();
    expect(await checkCredentialProcess('/bin/sleep 10', { timeoutMs: 300 })).toEqual({ works: false, reason: 'It did not answer within 300 ms (an MFA prompt nobody answered?)' });
    expect(Date.now() - started).toBeLessThan(5_000);
    // No shell: a pipe or a variable is just a word.
    expect(await checkCredentialProcess('/bin/echo $HOME | cat')).toEqual({ works: false, reason: 'It printed something that is not JSON, so the AWS CLI cannot read credentials from it' });
  });
});
