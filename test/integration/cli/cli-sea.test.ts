import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CliInstallService } from '../../../electron/node/cli-install/cli-install.service';
import { nodeCliInstallPorts } from '../../../electron/node/cli-install/node-cli-install.ports';
import { ensureCliSeaBuilt } from '../fixtures/cli-sea';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';

// The desktop app's `roledeck` (a Node single executable, as `npm run build:cli-sea` builds it),
// installed by the app's own install service into a private HOME's ~/.local/bin, then run from
// bash the way a person types it — on a PATH that has no Node at all.
const supported = process.platform === 'linux' && process.arch === 'x64';

let cliDir: string;
let home: string;
/** A folder holding only bash and env: the shell's PATH has no node. */
let sysbin: string;

interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
}

function shell(command: string, input = ''): Promise<ShellResult> {
  const env = {
    // The private keyring session and moto; nothing else of this process's environment.
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR,
    HOME: home,
    PATH: `${home}/.local/bin:${sysbin}`,
    ROLEDECK_HOME: path.join(home, 'roledeck-data'),
    AWS_ENDPOINT_URL: motoEndpoint(),
  };
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/bash', ['--noprofile', '--norc', '-c', command], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function installIntoHome(): Promise<void> {
  const env = { HOME: home, PATH: `${home}/.local/bin:${sysbin}` };
  const service = new CliInstallService(nodeCliInstallPorts({ bundledCli: path.join(cliDir, 'roledeck'), env, platform: 'linux', home }));
  const status = await service.install();
  expect(status).toMatchObject({ state: 'installed', installedAt: `${home}/.local/bin/roledeck`, terminalFinds: `${home}/.local/bin/roledeck` });
}

describe.runIf(supported)('the roledeck single executable, installed from the app into ~/.local/bin (linux x64)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    cliDir = await ensureCliSeaBuilt();
  }, 300_000);
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-sea-home-'));
    sysbin = path.join(home, 'sysbin');
    mkdirSync(sysbin);
    symlinkSync('/bin/bash', path.join(sysbin, 'bash'));
    symlinkSync('/usr/bin/env', path.join(sysbin, 'env'));
  });

  it('runs `roledeck --help` through the link from a shell whose PATH has no Node', async () => {
    await installIntoHome();
    const result = await shell('command -v node || echo "no node here"; command -v roledeck; roledeck --help');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [noNode, found, ...help] = result.stdout.split('\n');
    expect(noNode).toBe('no node here');
    expect(found).toBe(`${home}/.local/bin/roledeck`);
    expect(help.join('\n')).toContain('roledeck credential-process <profile>');
  });

  it('sets up a role with the bundled AWS SDK against moto, then serves credential-process --id from the keychain cache without the store', async () => {
    await installIntoHome();
    const user = await createUserWithKey('consultant', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn));
    expect((await shell(`roledeck profile add-user consultant --access-key-id ${user.credentials.accessKeyId}`, `${user.credentials.secretAccessKey}\n`)).code).toBe(0);
    expect((await shell(`roledeck profile add-role acme-prod --source consultant --role-arn ${roleArn}`)).code).toBe(0);
    const whoami = await shell('roledeck whoami acme-prod');
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toContain('assumed-role/ExampleRoleName');
    const id = (JSON.parse((await shell('roledeck profile show acme-prod --json')).stdout) as { id: string }).id;

    // The quick path reads one keychain item: with the profile store out of reach it still answers.
    const store = path.join(home, 'roledeck-data', 'profiles.rdk');
    renameSync(store, `${store}.away`);
    const served = await shell(`roledeck credential-process --id ${id} acme-prod`);
    renameSync(`${store}.away`, store);
    expect(served.stderr).toBe('');
    expect(served.code).toBe(0);
    expect(JSON.parse(served.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/), SessionToken: expect.any(String), Expiration: expect.any(String) });

    // The profile line it writes into ~/.aws/config names the executable by the link, and runs
    // as the SDKs run it: sh -c, from anywhere, with no PATH at all.
    expect((await shell('roledeck config install acme-prod')).code).toBe(0);
    const line = /^credential_process = (.+)$/m.exec(readFileSync(path.join(home, '.aws', 'config'), 'utf8'))?.[1] ?? '';
    const expected = `${home}/.local/bin/roledeck --home ${home}/roledeck-data credential-process --id ${id}`;
    expect(line.slice(0, expected.length)).toBe(expected);
    const viaConfig = spawnSync('/bin/sh', ['-c', line], { env: { HOME: home, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS }, encoding: 'utf8' });
    expect(viaConfig.stderr).toBe('');
    expect(JSON.parse(viaConfig.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
  });

  it('reports a failure with the CLI’s own exit codes and words (an unknown profile)', async () => {
    await installIntoHome();
    const result = await shell('roledeck credential-process nobody');
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nobody');
  });
});
