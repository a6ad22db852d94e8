import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveCachedCredentials } from '../../../electron/cli/cached-credential-process';
import { loadKeyringBinding } from '../../../electron/cli/keyring-binding';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { createServices } from '../../../electron/node/app/services';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';

let home: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint() });

async function cachedRole(): Promise<{ id: string; roleArn: string }> {
  const user = await createUserWithKey('consultant', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
  const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn));
  await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
  await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn], { env: env() });
  expect((await runCli(['whoami', 'acme-prod'], { env: env() })).code).toBe(0);
  const id = (JSON.parse((await runCli(['profile', 'show', 'acme-prod', '--json'], { env: env() })).stdout) as { id: string }).id;
  return { id, roleArn };
}

/** Runs `fn` while the profile store file is out of reach, proving a path never reads it. */
async function withoutStore<T>(fn: () => Promise<T>): Promise<T> {
  const file = path.join(home, 'profiles.rdk');
  renameSync(file, `${file}.away`);
  try {
    return await fn();
  } finally {
    renameSync(`${file}.away`, file);
  }
}

describe('credential-process --id: the cached path', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-cached-'));
  });

  it('serves a cached role session with one keychain read, without the profile store', async () => {
    const { id } = await cachedRole();
    const result = await withoutStore(() => runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() }));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/), SessionToken: expect.any(String) });
  });

  it('falls back to the keychain when the app left a stale endpoint behind (crashed, not listening)', async () => {
    const { id } = await cachedRole();
    writeFileSync(path.join(home, 'agent.json'), JSON.stringify({ socket: path.join(home, 'gone.sock'), token: 'x'.repeat(43), pid: 1 }));
    const result = await withoutStore(() => runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() }));
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
  });

  it('prints its usage for --help even on a line whose profile has a cached session, never the credentials', async () => {
    const { id } = await cachedRole();
    for (const help of ['--help', '-h']) {
      const result = await runCli(['credential-process', '--id', id, 'acme-prod', help], { env: env() });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^roledeck credential-process — /);
      expect(result.stdout).not.toContain('SecretAccessKey');
    }
  });

  it('forgets the cached session when the profile is edited, so an old session is never served for it', async () => {
    const { id, roleArn } = await cachedRole();
    const services = createServices(
      createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } } }),
    );
    await services.profiles.updateRole({ id, name: 'acme-prod', source: 'consultant', roleArn, externalId: 'new-external-id' });
    services.refresh.stop();
    const written: string[] = [];
    expect(await serveCachedCredentials(id, (text) => written.push(text), loadKeyringBinding)).toBe(false);
    expect(written).toEqual([]);
    // The full path still works (and caches again) once the store is there.
    const full = await runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() });
    expect(full.code).toBe(0);
  });

  it('serves nothing for a removed profile, and says which line in ~/.aws/config outlived it and how to remove it', async () => {
    const { id } = await cachedRole();
    expect((await runCli(['profile', 'remove', 'acme-prod'], { env: env() })).code).toBe(0);
    const result = await runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`The Roledeck profile "acme-prod" that this credential_process line names (id ${id}) no longer exists.`);
    expect(result.stderr).toContain('`roledeck config remove acme-prod`');
  });

  it('declines a session within 15 minutes of expiry, leaving the refresh to the full path', async () => {
    const secrets = new KeyringSecretStore();
    const id = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const now = Date.now();
    const session = { v: 1, kind: 'role', profileId: id, accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiresAt: now + 10 * 60_000 };
    await secrets.set(`session/${id}`, new TextEncoder().encode(JSON.stringify(session)));
    try {
      expect(await serveCachedCredentials(id, () => undefined, loadKeyringBinding, now)).toBe(false);
      const out: string[] = [];
      expect(await serveCachedCredentials(id, (text) => out.push(text), loadKeyringBinding, now - 60 * 60_000)).toBe(true);
      expect(JSON.parse(out[0]!)).toEqual({ Version: 1, AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(session.expiresAt).toISOString() });
    } finally {
      await secrets.delete(`session/${id}`);
    }
  });
});
