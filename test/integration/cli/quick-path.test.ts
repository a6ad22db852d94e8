/**
 * The quick path in every form a user writes — by name, `--id`, `--home`, and `export` in every
 * format — with the real keychain, the built CLI and moto. "Quick" is proven, not timed: the
 * store key is taken out of the keychain, so a call that decrypted the profile store would fail.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAgentEndpoint } from '../../../electron/node/agent/agent-endpoint';
import { startAgentServer } from '../../../electron/node/agent/agent.server';
import { createAgentHandlers } from '../../../electron/node/app/agent-handlers';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { createServices, type Services } from '../../../electron/node/app/services';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { STORE_KEY_ITEM } from '../../../shared/domain/keychain-items';
import { EXPORT_FORMATS } from '../../../shared/logic/shell-export';
import { spawn } from 'node:child_process';
import { startFakeAgent } from '../agent/fake-agent';
import { ensureCliBuilt, runCli, type CliResult } from '../fixtures/cli';
import { ensureCliSeaBuilt } from '../fixtures/cli-sea';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';

let home: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '' });
const keyOf = (result: CliResult) => (JSON.parse(result.stdout) as { AccessKeyId: string }).AccessKeyId;

async function cachedRole(): Promise<{ id: string; roleArn: string }> {
  const user = await createUserWithKey('consultant', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
  const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn));
  await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId, '--region', 'eu-west-1'], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
  await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn], { env: env() });
  expect((await runCli(['whoami', 'acme-prod'], { env: env() })).code).toBe(0);
  const id = (JSON.parse((await runCli(['profile', 'show', 'acme-prod', '--json'], { env: env() })).stdout) as { id: string }).id;
  return { id, roleArn };
}

/** Runs `fn` with the profile store's key out of the keychain: nothing in it can decrypt the store. */
async function withoutStoreKey<T>(fn: () => Promise<T>): Promise<T> {
  const secrets = new KeyringSecretStore();
  const key = await secrets.get(STORE_KEY_ITEM);
  expect(key).not.toBeNull();
  await secrets.delete(STORE_KEY_ITEM);
  try {
    return await fn();
  } finally {
    await secrets.set(STORE_KEY_ITEM, key!);
  }
}

function appServices(): Services {
  return createServices(
    createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } } }),
  );
}

describe('the quick path, in every form', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-quick-'));
  });

  it('serves `credential-process <name>` from the keychain after the first call, without decrypting the store', async () => {
    await cachedRole();
    const first = await runCli(['credential-process', 'acme-prod'], { env: env() });
    expect(first.code).toBe(0);
    const quick = await withoutStoreKey(() => runCli(['credential-process', 'acme-prod'], { env: env() }));
    expect(quick.stderr).toBe('');
    expect(quick.code).toBe(0);
    expect(keyOf(quick)).toBe(keyOf(first));
  });

  it('never serves a name the session of the profile that had it before a rename, and nothing for a removed name', async () => {
    const { id, roleArn } = await cachedRole();
    const old = await runCli(['credential-process', 'acme-prod'], { env: env() });
    const services = appServices();
    try {
      await services.profiles.updateRole({ id, name: 'acme-old', source: 'consultant', roleArn });
    } finally {
      services.refresh.stop();
    }
    await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn, '--session-name', 'second'], { env: env() });
    // The kept answer is not served (the full path would need the store key, so this call fails)...
    const stale = await withoutStoreKey(() => runCli(['credential-process', 'acme-prod'], { env: env() }));
    expect(stale.code).not.toBe(0);
    expect(stale.stdout).toBe('');
    // ... and the full path answers for the profile that has the name now.
    const now = await runCli(['credential-process', 'acme-prod'], { env: env() });
    expect(now.code).toBe(0);
    expect(keyOf(now)).not.toBe(keyOf(old));

    expect((await runCli(['profile', 'remove', 'acme-prod'], { env: env() })).code).toBe(0);
    const removed = await runCli(['credential-process', 'acme-prod'], { env: env() });
    expect(removed.code).toBe(3);
    expect(removed.stdout).toBe('');
  });

  it('does not serve a kept answer once the session was refreshed or ended by another process', async () => {
    await cachedRole();
    await runCli(['credential-process', 'acme-prod'], { env: env() });
    const services = appServices();
    try {
      await services.sessions.refresh('acme-prod', { interactive: false });
      const afterRefresh = await withoutStoreKey(() => runCli(['credential-process', 'acme-prod'], { env: env() }));
      expect(afterRefresh.stdout).toBe('');
      const refreshed = await runCli(['credential-process', 'acme-prod'], { env: env() });
      expect(keyOf(await withoutStoreKey(() => runCli(['credential-process', 'acme-prod'], { env: env() })))).toBe(keyOf(refreshed));

      await services.sessions.end('acme-prod');
      const afterEnd = await withoutStoreKey(() => runCli(['credential-process', 'acme-prod'], { env: env() }));
      expect(afterEnd.stdout).toBe('');
    } finally {
      services.refresh.stop();
    }
  });

  it('prints `export <name>` on the quick path exactly as the full path does, in every format', async () => {
    await cachedRole();
    for (const format of EXPORT_FORMATS) {
      // `-f<format>` is a form only the full CLI reads: that call decrypts the store, and keeps its answer.
      const full = await runCli(['export', 'acme-prod', `-f${format}`], { env: env() });
      expect(full.code).toBe(0);
      const quick = await withoutStoreKey(() => runCli(['export', 'acme-prod', '--format', format], { env: env() }));
      expect(quick.stderr).toBe('');
      expect(quick.stdout).toBe(full.stdout);
    }
    const bash = await withoutStoreKey(() => runCli(['export', 'acme-prod'], { env: { ...env(), SHELL: '/bin/bash' } }));
    expect(bash.stdout).toContain("export AWS_REGION='eu-west-1'");
  });

  it('serves the `--home <dir>` line `config install` writes when ROLEDECK_HOME is set, by id and by name', async () => {
    const { id } = await cachedRole();
    const withoutHomeVariable = { AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_HOME: '', ROLEDECK_NO_AGENT: '' };
    await runCli(['--home', home, 'credential-process', 'acme-prod'], { env: withoutHomeVariable });
    const [byId, byName] = await withoutStoreKey(() =>
      Promise.all([
        runCli(['--home', home, 'credential-process', '--id', id, 'acme-prod'], { env: withoutHomeVariable }),
        runCli(['--home', home, 'credential-process', 'acme-prod'], { env: withoutHomeVariable }),
      ]),
    );
    expect([byId.code, byId.stderr, byName.code, byName.stderr]).toEqual([0, '', 0, '']);
    expect(keyOf(byId)).toBe(keyOf(byName));
  });

  it('falls back to the keychain when the socket cannot prove it is the app, saying why in one line', async () => {
    const { id } = await cachedRole();
    await runCli(['export', 'acme-prod', '--format', 'json'], { env: { ...env(), ROLEDECK_NO_AGENT: '1' } });
    const fake = await startFakeAgent(home, (line) => {
      const { id: requestId } = JSON.parse((JSON.parse(line) as { body: string }).body) as { id: string };
      const value = { profileName: 'acme-prod', accessKeyId: 'ASIAFAKEFAKEFAKEFAKE', secretAccessKey: 'chosen-by-the-squatter', sessionToken: 'x', expiresAt: Date.now() + 3_600_000 };
      return `${JSON.stringify({ body: JSON.stringify({ id: requestId, result: { ok: true, value } }), proof: 'A'.repeat(43) })}\n`;
    });
    try {
      const line = "roledeck: not using the Roledeck app's socket (it could not prove it is the Roledeck app); reading the keychain instead.\n";
      const byId = await runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() });
      const exported = await runCli(['export', 'acme-prod', '--format', 'json'], { env: env() });
      // Not kept yet for this form: the quick path distrusts the socket, the full path does not ask it again.
      const fullPath = await runCli(['export', 'acme-prod', '-fjson'], { env: env() });
      for (const result of [byId, exported, fullPath]) {
        expect(result.code).toBe(0);
        expect(result.stderr).toBe(line);
        expect(keyOf(result)).toMatch(/^ASIA/);
        expect(keyOf(result)).not.toBe('ASIAFAKEFAKEFAKEFAKE');
      }
      const { token } = (await readAgentEndpoint(home))!;
      expect(fake.received.length).toBeGreaterThan(0);
      expect(fake.received.join('\n')).not.toContain(token);
    } finally {
      await fake.close();
    }
  });

  it('asks the running app for every form, over the proven socket', async () => {
    const { id } = await cachedRole();
    const ports = createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } } });
    const services = createServices(ports);
    const handlers = createAgentHandlers(services, { version: 'test' });
    let asked = 0;
    const agent = await startAgentServer({
      home,
      handlers: { ...handlers, 'agent.credentials': (request, context) => ((asked += 1), handlers['agent.credentials'](request, context)) },
      logger: ports.logger,
    });
    try {
      const withoutHomeVariable = { AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_HOME: '', ROLEDECK_NO_AGENT: '' };
      const results = await Promise.all([
        runCli(['credential-process', 'acme-prod'], { env: env() }),
        runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() }),
        runCli(['--home', home, 'credential-process', '--id', id, 'acme-prod'], { env: withoutHomeVariable }),
        runCli(['export', 'acme-prod', '--format', 'json'], { env: env() }),
      ]);
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(keyOf(result)).toBe(keyOf(results[0]!));
      }
      const bash = await runCli(['export', 'acme-prod', '--format', 'bash'], { env: env() });
      expect(bash.stdout).toContain(`export AWS_ACCESS_KEY_ID='${keyOf(results[0]!)}'`);
      expect(asked).toBe(5);
    } finally {
      await agent.close();
      services.refresh.stop();
    }
  });
});

// The same quick path inside the single executable the desktop app ships: CommonJS chunks loaded
// from its assets, the keychain binary beside it (linux x64 is where one is built here).
describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the quick path in the single executable', () => {
  let sea: string;
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
    sea = path.join(await ensureCliSeaBuilt(), 'roledeck');
  }, 300_000);
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-quick-sea-'));
  });
  // Not spawnSync: the squatter below answers from this very process.
  const runSea = (args: string[]): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const child = spawn(sea, args, { env: { ...process.env, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });

  it('serves by name and export from the kept answer without the store key, and distrusts a squatter in one line', async () => {
    await cachedRole();
    expect((await runSea(['credential-process', 'acme-prod'])).code).toBe(0);
    expect((await runSea(['export', 'acme-prod', '--format', 'json'])).code).toBe(0);
    const [byName, exported] = await withoutStoreKey(() => Promise.all([runSea(['credential-process', 'acme-prod']), runSea(['export', 'acme-prod', '--format', 'json'])]));
    expect([byName.code, byName.stderr, exported.code, exported.stderr]).toEqual([0, '', 0, '']);
    expect(keyOf(byName)).toBe(keyOf(exported));

    const fake = await startFakeAgent(home, () => `${JSON.stringify({ body: '{}', proof: 'A'.repeat(43) })}\n`);
    try {
      const distrusted = await withoutStoreKey(() => runSea(['credential-process', 'acme-prod']));
      expect(distrusted.code).toBe(0);
      expect(distrusted.stderr).toBe("roledeck: not using the Roledeck app's socket (it could not prove it is the Roledeck app); reading the keychain instead.\n");
      expect(keyOf(distrusted)).toBe(keyOf(byName));
    } finally {
      await fake.close();
    }
  });
});
