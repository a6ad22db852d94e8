/**
 * Sessions put to work, end to end with real peers: the built CLI, moto, the real keychain, real
 * shells and the real aws CLI (which ignores AWS_ENDPOINT_URL in 2.9, hence --endpoint-url).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { locateAwsCli } from '../fixtures/aws-cli';
import { createRole, createUserWithKey, trustPolicyFor, type TestUser } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { startRecordedApp } from '../fixtures/recorded-app';
import { motoEndpoint, useMoto } from '../fixtures/moto';

const run = promisify(execFile);
const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
const ROLE_ARN_PATTERN = /^arn:aws:sts::123456789012:assumed-role\/ExampleRoleName\/[\w+=,.@-]+$/;
let home: string;
let user: TestUser;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint() });

async function setupProfiles(options: { mfa?: boolean } = {}): Promise<void> {
  user = await createUserWithKey('consultant', ASSUME_ANY);
  const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
  const mfa = options.mfa ? ['--mfa-serial', 'arn:aws:iam::123456789012:mfa/consultant'] : [];
  const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId, '--region', 'eu-west-1', ...mfa], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
  expect(added.code).toBe(0);
  const role = await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn, '--external-id', 'ext-1234'], { env: env() });
  expect(role.code).toBe(0);
}

/** The environment a fresh terminal would have: no AWS identity of its own. */
function cleanShellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // The desktop session's bus stays: the user's keychain lives on it.
  return { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS, HOME: home, AWS_CONFIG_FILE: path.join(home, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials'), AWS_PROFILE: 'stale', ...extra };
}

describe('sessions put to work (built CLI, moto, keychain, shells, aws CLI)', () => {
  const aws = locateAwsCli();
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-work-'));
  });

  it.each([
    { shell: 'bash', format: 'bash', args: ['-c'] },
    { shell: 'zsh', format: 'zsh', args: ['-f', '-c'] },
    { shell: 'dash', format: 'bash', args: ['-c'] },
    { shell: 'fish', format: 'fish', args: ['--no-config', '-c'] },
  ])('an export evaluated by $shell lets the real aws CLI act as the role', async ({ shell, format, args }) => {
    await setupProfiles();
    const exported = await runCli(['export', 'acme-prod', '--format', format], { env: env() });
    expect(exported.code).toBe(0);
    const script = `eval "$(cat '${path.join(home, 'export.txt')}')"; '${aws.path}' sts get-caller-identity --endpoint-url '${motoEndpoint()}' --output json`;
    writeFileSync(path.join(home, 'export.txt'), exported.stdout);
    const fishScript = `eval (cat '${path.join(home, 'export.txt')}' | string collect); '${aws.path}' sts get-caller-identity --endpoint-url '${motoEndpoint()}' --output json`;
    const { stdout } = await run(shell, [...args, shell === 'fish' ? fishScript : script], { env: cleanShellEnv() });
    expect(JSON.parse(stdout).Arn).toMatch(ROLE_ARN_PATTERN);
  });

  it('writes JSON, .env, PowerShell, cmd and INI exports with the session in them', async () => {
    await setupProfiles();
    const json = JSON.parse((await runCli(['export', 'acme-prod', '--format', 'json'], { env: env() })).stdout);
    expect(json).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/), SessionToken: expect.any(String), Expiration: expect.any(String) });
    const dotenv = (await runCli(['export', 'acme-prod', '--format', 'dotenv'], { env: env() })).stdout;
    expect(dotenv).toContain(`AWS_SESSION_TOKEN=${json.SessionToken}\n`);
    expect(dotenv).toContain('AWS_REGION=eu-west-1\n');
    expect((await runCli(['export', 'acme-prod', '--format', 'powershell'], { env: env() })).stdout).toContain(`$Env:AWS_SESSION_TOKEN = '${json.SessionToken}'`);
    expect((await runCli(['export', 'acme-prod', '--format', 'cmd'], { env: env() })).stdout).toContain(`set "AWS_ACCESS_KEY_ID=${json.AccessKeyId}"`);
    expect((await runCli(['export', 'acme-prod', '--format', 'ini'], { env: env() })).stdout).toMatch(/^\[acme-prod\]\naws_access_key_id = ASIA/);
    const bad = await runCli(['export', 'acme-prod', '--format', 'tcsh'], { env: env() });
    expect(bad.code).toBe(2);
  });

  it('serves credential_process to the real aws CLI through a profile it installs in ~/.aws/config', async () => {
    await setupProfiles();
    const config = path.join(home, 'aws-config');
    const original = '# my own settings\n[profile other]\nregion = us-west-2\n';
    writeFileSync(config, original);
    const installed = await runCli(['config', 'install', 'acme-prod', '--aws-profile', 'acme'], { env: { ...env(), AWS_CONFIG_FILE: config } });
    expect(installed.code).toBe(0);
    const text = readFileSync(config, 'utf8');
    expect(text.startsWith(original)).toBe(true);
    expect(text).toContain('credential_process = ');

    const { stdout } = await run(aws.path, ['--profile', 'acme', 'sts', 'get-caller-identity', '--endpoint-url', motoEndpoint(), '--output', 'json'], {
      env: cleanShellEnv({ AWS_CONFIG_FILE: config, AWS_ENDPOINT_URL: motoEndpoint() }),
    });
    expect(JSON.parse(stdout).Arn).toMatch(ROLE_ARN_PATTERN);

    const direct = await runCli(['credential-process', 'acme-prod'], { env: env() });
    expect(direct.stderr).toBe('');
    expect(JSON.parse(direct.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });

    const removed = await runCli(['config', 'remove', 'acme-prod', '--aws-profile', 'acme'], { env: { ...env(), AWS_CONFIG_FILE: config } });
    expect(removed.code).toBe(0);
    expect(readFileSync(config, 'utf8')).toBe(original);
  });

  it('refuses to replace a section the user wrote by hand unless --force', async () => {
    await setupProfiles();
    const config = path.join(home, 'aws-config');
    writeFileSync(config, '[profile acme]\nregion = us-west-2\n');
    const refused = await runCli(['config', 'install', 'acme-prod', '--aws-profile', 'acme'], { env: { ...env(), AWS_CONFIG_FILE: config } });
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/you wrote yourself.*--force/);
    expect(readFileSync(config, 'utf8')).toBe('[profile acme]\nregion = us-west-2\n');
  });

  it('refuses to edit a config file whose header for that profile the SDK would not read, saying which line', async () => {
    await setupProfiles();
    const config = path.join(home, 'aws-config');
    const malformed = '[profile  acme]\nregion = us-west-2\n';
    writeFileSync(config, malformed);
    const refused = await runCli(['config', 'install', 'acme-prod', '--aws-profile', 'acme'], { env: { ...env(), AWS_CONFIG_FILE: config } });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/line 1/);
    expect(readFileSync(config, 'utf8')).toBe(malformed);
  });

  it('exec runs a command as the role, refuses nesting, and --server serves fresh credentials instead of keys', async () => {
    await setupProfiles();
    const awsArgs = ['sts', 'get-caller-identity', '--endpoint-url', motoEndpoint(), '--output', 'json'];
    const plain = await runCli(['exec', 'acme-prod', '--', aws.path, ...awsArgs], { env: { ...env(), AWS_CONFIG_FILE: path.join(home, 'none') } });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).Arn).toMatch(ROLE_ARN_PATTERN);

    const nested = await runCli(['exec', 'acme-prod', '--', 'true'], { env: { ...env(), ROLEDECK_EXEC_PROFILE: 'acme-prod' } });
    expect(nested.code).not.toBe(0);
    expect(nested.stderr).toMatch(/Already inside `roledeck exec acme-prod`/);

    const served = await runCli(['exec', 'acme-prod', '--server', '--', 'sh', '-c', `env | grep -c '^AWS_SECRET_ACCESS_KEY=' ; '${aws.path}' ${awsArgs.join(' ')}`], {
      env: { ...env(), AWS_CONFIG_FILE: path.join(home, 'none') },
    });
    expect(served.code).toBe(0);
    const [keysInEnv, ...json] = served.stdout.split('\n');
    expect(keysInEnv).toBe('0');
    expect(JSON.parse(json.join('\n')).Arn).toMatch(ROLE_ARN_PATTERN);

    const missing = await runCli(['exec', 'acme-prod', '--', 'no-such-command-roledeck'], { env: env() });
    expect(missing.stderr).toMatch(/Command not found/);
  });

  it('says what is wrong for an unknown profile, and for an MFA session it cannot ask for without a terminal or the app', async () => {
    await setupProfiles({ mfa: true });
    const unknown = await runCli(['credential-process', 'nobody'], { env: env() });
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/No profile named "nobody"/);
    const needsMfa = await runCli(['credential-process', 'acme-prod'], { env: env() });
    expect(needsMfa.code).not.toBe(0);
    expect(needsMfa.stdout).toBe('');
    expect(needsMfa.stderr).toMatch(/needs an MFA code.*start the Roledeck app/);
  });

  it('gets the session from the running app, whose MFA broker asks once, over the owner-only socket', async () => {
    await setupProfiles({ mfa: true });
    // The app in this process; the person at it types the code from their device.
    const app = await startRecordedApp(home);
    app.answerMfaWith('123456');
    try {
      const id = (JSON.parse((await runCli(['profile', 'show', 'acme-prod', '--json'], { env: env() })).stdout) as { id: string }).id;
      // --id is what `config install` writes: its quick path asks the app before the keychain.
      const [first, second] = await Promise.all([
        runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() }),
        runCli(['export', 'acme-prod', '--format', 'json'], { env: env() }),
      ]);
      expect(first.stderr).toBe('');
      expect(JSON.parse(first.stdout).AccessKeyId).toMatch(/^ASIA/);
      expect(JSON.parse(second.stdout).AccessKeyId).toBe(JSON.parse(first.stdout).AccessKeyId);
      // One prompt for both callers, naming the profile that asked.
      expect(app.mfaPrompts).toEqual(['acme-prod']);
    } finally {
      await app.close();
    }
  });
});
