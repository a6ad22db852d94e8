/**
 * Plaintext keys off disk, end to end with real peers: the built CLI, the real keychain, moto,
 * and the real aws CLI reading a private ~/.aws (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE),
 * driven on a real terminal (tmux) where an MFA code is asked. Debian's aws CLI 2.9 ignores
 * AWS_ENDPOINT_URL, hence --endpoint-url; the credential_process child inherits AWS_ENDPOINT_URL.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { locateAwsCli } from '../fixtures/aws-cli';
import { createUserWithKey, type TestUser } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';
import { Terminal } from '../fixtures/terminal';

const run = promisify(execFile);
let home: string;
let awsDir: string;
let user: TestUser;

const files = () => ({ AWS_CONFIG_FILE: path.join(awsDir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials') });
const cliEnv = () => ({ ROLEDECK_HOME: path.join(home, 'roledeck'), AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1', ...files() });
/** A fresh terminal's environment: HOME is the private one, and only the files above say who you are. */
const shellEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, AWS_PAGER: '', TERM: 'xterm', DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS, HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ...files() });

async function callerArn(profile: string): Promise<string> {
  const { stdout } = await run(locateAwsCli().path, ['--profile', profile, 'sts', 'get-caller-identity', '--endpoint-url', motoEndpoint(), '--output', 'json'], { env: shellEnv() });
  return (JSON.parse(stdout) as { Arn: string }).Arn;
}

/** Every file under ~/.aws (backups included) that still holds `secret`. */
function filesHolding(secret: string): string[] {
  return readdirSync(awsDir).filter((name) => readFileSync(path.join(awsDir, name), 'utf8').includes(secret));
}

describe('roledeck profile import --remove-plaintext (built CLI, keychain, moto, aws CLI)', () => {
  const aws = locateAwsCli();
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-plaintext-'));
    awsDir = path.join(home, '.aws');
    mkdirSync(awsDir, { mode: 0o700 });
    user = await createUserWithKey('consultant');
  });

  it('takes the keys off disk and the aws CLI keeps the same identity, every other byte as it was', async () => {
    const { accessKeyId, secretAccessKey } = user.credentials;
    const config = '# my settings\n[profile consultant]\nregion = eu-west-1\noutput = json\n\n[profile other]\nregion = us-west-2\n';
    const credentials = `# keys\r\n[other]\r\naws_access_key_id = AKIAOTHERKEY00000000\r\naws_secret_access_key = ${'o'.repeat(39)}\r\n\r\n[consultant]\r\n# work\r\naws_access_key_id = ${accessKeyId}\r\naws_secret_access_key = ${secretAccessKey}\r\nregion = eu-west-1\r\n`;
    writeFileSync(files().AWS_CONFIG_FILE, config);
    writeFileSync(files().AWS_SHARED_CREDENTIALS_FILE, credentials, { mode: 0o600 });
    const before = await callerArn('consultant');
    expect(before).toBe(user.arn);

    const result = await runCli(['profile', 'import', '--move-keys', '--remove-plaintext', '--yes'], { env: cliEnv() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Removed the plaintext keys of 1 profile(s): consultant.');
    expect(result.stdout).toMatch(/other {2}keeps its keys: no Roledeck IAM user has the key AKIA/);
    expect(result.stdout).not.toContain(secretAccessKey);

    expect(await callerArn('consultant')).toBe(before);
    expect(filesHolding(secretAccessKey)).toEqual([]);
    expect(readFileSync(files().AWS_SHARED_CREDENTIALS_FILE, 'utf8')).toBe(
      `# keys\r\n[other]\r\naws_access_key_id = AKIAOTHERKEY00000000\r\naws_secret_access_key = ${'o'.repeat(39)}\r\n\r\n[consultant]\r\n# work\r\nregion = eu-west-1\r\n`,
    );
    const edited = readFileSync(files().AWS_CONFIG_FILE, 'utf8');
    expect(edited).toMatch(/^# my settings\n\[profile consultant\]\nregion = eu-west-1\noutput = json\n# Managed by Roledeck: profile consultant - edits here are replaced\ncredential_process = \S+ \S+ --home \S+ credential-process --id [a-z0-9-]+ consultant\n\n\[profile other\]\nregion = us-west-2\n$/);
    const backups = readdirSync(awsDir).filter((name) => name.includes('.roledeck-backup-'));
    expect(backups.map((name) => name.split('.roledeck-backup-')[0]).sort()).toEqual(['config', 'credentials']);

    // A second run finds nothing left to remove and changes nothing.
    const again = await runCli(['profile', 'import', '--remove-plaintext', '--yes'], { env: cliEnv() });
    expect(again.stdout).toContain('can be removed yet');
    expect(readFileSync(files().AWS_CONFIG_FILE, 'utf8')).toBe(edited);
  });

  describe('an IAM user with an MFA device, on a real terminal', () => {
    const terminal = new Terminal('plaintext');
    afterEach(() => terminal.close());

    it('is asked for its code once by the credential_process line, then works without asking again', async () => {
      const { accessKeyId, secretAccessKey } = user.credentials;
      const device = 'arn:aws:iam::123456789012:mfa/consultant';
      writeFileSync(files().AWS_CONFIG_FILE, `[profile consultant]\nregion = eu-west-1\nmfa_serial = ${device}\n`);
      writeFileSync(files().AWS_SHARED_CREDENTIALS_FILE, `[consultant]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`);
      expect(await callerArn('consultant')).toBe(user.arn);
      const result = await runCli(['profile', 'import', '--move-keys', '--remove-plaintext', '--yes'], { env: cliEnv() });
      expect(result.stdout).toContain('consultant  key AKIA');
      expect(result.stdout).toContain('(MFA: one code, then a cached session)');
      expect(filesHolding(secretAccessKey)).toEqual([]);

      const exports = Object.entries({ ...shellEnv(), ROLEDECK_HOME: cliEnv().ROLEDECK_HOME })
        .map(([key, value]) => `${key}='${value ?? ''}'`)
        .join(' ');
      const command = `env -i ${exports} '${aws.path}' --profile consultant sts get-caller-identity --endpoint-url '${motoEndpoint()}' --output text --query Arn; echo "exit=$?"; sleep 60`;
      terminal.start('first', command, { width: 200, height: 20 });
      const asked = await terminal.waitFor('first', `MFA code for ${device}`);
      expect(asked).not.toContain('exit=');
      terminal.type('first', '123456', 'Enter');
      const first = await terminal.waitFor('first', 'exit=');
      expect(first).toContain('exit=0');
      expect(first).toMatch(/arn:aws:(iam|sts)::123456789012:\S+/);

      // Again, with no terminal at all: served from the MFA session cached in the keychain.
      const { stdout, stderr } = await run(aws.path, ['--profile', 'consultant', 'sts', 'get-caller-identity', '--endpoint-url', motoEndpoint(), '--output', 'json'], {
        env: { ...shellEnv(), ROLEDECK_HOME: cliEnv().ROLEDECK_HOME },
      });
      expect(stderr).toBe('');
      expect((JSON.parse(stdout) as { Arn: string }).Arn).toMatch(/^arn:aws:(iam|sts)::123456789012:/);
    });
  });
});
