import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/node/app/services';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { execFile } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { promisify } from 'node:util';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import { userSecretItem } from '../../../shared/domain/keychain-items';
import { cliPath, ensureCliBuilt, runCli } from '../fixtures/cli';
import { envWithoutSecretService, lockKeyring, requireKeyringSession, unlockKeyring } from '../fixtures/keyring';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
let home: string;
const env = () => ({ ROLEDECK_HOME: home });

describe('roledeck profile (built CLI, real keychain, real files)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-cli-'));
  });

  it('adds an IAM user from stdin and a role, lists and shows them, and never prints the secret', async () => {
    const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--region', 'eu-west-1'], { env: env(), input: `${SECRET}\n` });
    expect(added.stderr).toContain('Added IAM user "consultant"');
    expect(added.code).toBe(0);
    const role = await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--account-id', '123456789012', '--role-name', 'ExampleRoleName', '--external-id', 'test-id-5678', '--json'], { env: env() });
    expect(role.code).toBe(0);
    expect(JSON.parse(role.stdout)).toMatchObject({ roleArn: 'arn:aws:iam::123456789012:role/ExampleRoleName', chain: ['consultant', 'acme-prod'] });

    const list = await runCli(['profile', 'list'], { env: env() });
    expect(list.stdout).toMatch(/consultant\s+user\s+AKIA•+MPLE/);
    expect(list.stdout).toMatch(/acme-prod\s+role\s+123456789012\s+ExampleRoleName\s+consultant/);
    const json = await runCli(['profile', 'list', '--json'], { env: env() });
    expect(JSON.parse(json.stdout).profiles).toHaveLength(2);
    for (const output of [added, role, list, json]) expect(output.stdout + output.stderr).not.toContain(SECRET);

    // The store on disk is encrypted: neither names nor ExternalIds are readable in it.
    const onDisk = readFileSync(path.join(home, 'profiles.rdk'));
    expect(onDisk.includes('acme-prod')).toBe(false);
    expect(onDisk.includes('test-id-5678')).toBe(false);
  });

  it('lists an IAM user whose keychain item was deleted behind its back as missing its secret', async () => {
    const added = await runCli(['profile', 'add-user', 'gone', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--json'], { env: env(), input: `${SECRET}\n` });
    const { id } = JSON.parse(added.stdout) as { id: string };
    expect((await runCli(['profile', 'list', '--json'], { env: env() })).stdout).toContain('"hasSecret": true');
    expect(await new KeyringSecretStore().delete(userSecretItem(id))).toBe(true);

    const json = await runCli(['profile', 'list', '--json'], { env: env() });
    expect(JSON.parse(json.stdout).profiles).toMatchObject([{ name: 'gone', hasSecret: false }]);
    const table = await runCli(['profile', 'list'], { env: env() });
    expect(table.stdout).toMatch(/gone\s+user\s+AKIA•+MPLE\s+SECRET MISSING/);
    expect(table.stdout).toContain('gone: its secret access key is not in the OS keychain. Re-enter it');
  });

  it('runs through a bin symlink as npm installs it, and prints its version', async () => {
    const link = path.join(home, 'roledeck');
    symlinkSync(cliPath, link);
    const { stdout } = await promisify(execFile)(process.execPath, [link, '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('names the flag and the AWS rule for bad input, with exit code 6, and writes nothing', async () => {
    const bad = await runCli(['profile', 'add-role', 'x', '--source', 'consultant', '--role-arn', 'arn:aws:iam::12345:role/x', '--external-id', 'a', '--duration', '99999'], { env: env() });
    expect(bad.code).toBe(6);
    expect(bad.stderr).toContain('--role-arn: the account ID has 5 digits; it needs 12');
    expect(bad.stderr).toContain('--external-id: the ExternalId has 1 character; it needs 2 to 1,224');
    expect(bad.stderr).toContain('--duration: the duration is 99,999 seconds; a role session lasts at most 43,200 seconds (12 hours)');
    const shortSecret = await runCli(['profile', 'add-user', 'u', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { env: env(), input: 'too-short\n' });
    expect(shortSecret.code).toBe(6);
    expect(shortSecret.stderr).toContain('secret access key (stdin): the secret access key has a character that is not allowed; it is 40 characters of letters, digits and / + =');
    expect(shortSecret.stderr).not.toContain('too-short');
    const unknown = await runCli(['profile', 'show', 'nobody'], { env: env() });
    expect(unknown.code).toBe(3);
    const usage = await runCli(['profile', 'add-user', 'u', '--secret', SECRET], { env: env() });
    expect(usage.code).toBe(2);
    expect((await runCli(['profile', 'list', '--json'], { env: env() })).stdout).toContain('"profiles": []');
  });

  it('imports ~/.aws without changing the files, moving keys only with --move-keys', async () => {
    const config = path.join(home, 'config');
    const credentials = path.join(home, 'credentials');
    const configText = '# my config\n[default]\nregion = eu-west-1\n\n[profile acme]\nrole_arn = arn:aws:iam::123456789012:role/ExampleRoleName\nsource_profile = default\nexternal_id = test-id-5678\n\n[profile corp]\nsso_session = corp\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\n';
    const credentialsText = `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`;
    writeFileSync(config, configText);
    writeFileSync(credentials, credentialsText);
    const awsEnv = { ...env(), AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };

    const dry = await runCli(['profile', 'import', '--dry-run'], { env: awsEnv });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/default\s+skipped: static keys stay/);
    expect(dry.stdout).toMatch(/corp\s+skipped: .*SSO/i);
    const applied = await runCli(['profile', 'import', '--move-keys', '--json'], { env: awsEnv });
    expect(JSON.parse(applied.stdout).created).toEqual(['default', 'acme']);
    expect(applied.stdout).not.toContain(SECRET);
    expect(readFileSync(config, 'utf8')).toBe(configText);
    expect(readFileSync(credentials, 'utf8')).toBe(credentialsText);
  });

  it('says the keychain is locked and how to unlock it, with exit code 4, and writes nothing', async () => {
    lockKeyring();
    try {
      const result = await runCli(['profile', 'add-user', 'u', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { env: env(), input: `${SECRET}\n` });
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/keychain is locked.*Unlock/i);
    } finally {
      unlockKeyring();
    }
    expect((await runCli(['profile', 'list', '--json'], { env: env() })).stdout).toContain('"profiles": []');
  });

  it('says a Secret Service is needed when there is none, with exit code 4', async () => {
    const result = await runCli(['profile', 'add-user', 'u', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], {
      env: { ...envWithoutSecretService(), ROLEDECK_HOME: home },
      input: `${SECRET}\n`,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/Secret Service provider/);
  });

  it('loses nothing when the CLI and the app add profiles at the same time', async () => {
    const app = createServices(
      createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } } }),
    ).profiles;
    await app.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    const cliAdds = Array.from({ length: 6 }, (_, index) =>
      runCli(['profile', 'add-role', `cli-${index}`, '--source', 'consultant', '--account-id', '123456789012', '--role-name', `R${index}`], { env: env() }),
    );
    const appAdds = Array.from({ length: 6 }, (_, index) =>
      app.addRole({ name: `app-${index}`, source: 'consultant', accountId: '123456789012', roleName: `A${index}` }),
    );
    const results = await Promise.all(cliAdds);
    await Promise.all(appAdds);
    for (const result of results) expect(result.stderr).toContain('Added role');
    const names = (await app.list()).map((profile) => profile.name).sort();
    expect(names).toEqual(['app-0', 'app-1', 'app-2', 'app-3', 'app-4', 'app-5', 'cli-0', 'cli-1', 'cli-2', 'cli-3', 'cli-4', 'cli-5', 'consultant']);
  });
});
