import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';

/**
 * `roledeck audit` and what the CLI records, with the real CLI, keyring and moto: profile edits,
 * the assume behind `whoami`, credential_process answers on the quick path (with the profile store
 * out of reach, so the entry is written without it) and on the full one, and `--verify` naming a
 * line changed on disk with exit code 8.
 */

let home: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint() });

interface Line {
  action: string;
  result: string;
  profileName?: string;
  profileId?: string;
  detail?: string;
}

async function auditJson(args: string[] = []): Promise<Line[]> {
  const result = await runCli(['audit', '--json', ...args], { env: env() });
  expect(result.code).toBe(0);
  return result.stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

describe('roledeck audit', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-audit-cli-'));
  });

  it('lists what the CLI did, incl. credential_process answers, never a secret, and verifies the chain', async () => {
    const user = await createUserWithKey('consultant', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const roleArn = await createRole('AuditedRole', trustPolicyFor(user.arn));
    await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
    await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn, '--label', 'Acme'], { env: env() });
    expect((await runCli(['whoami', 'acme-prod'], { env: env() })).code).toBe(0);
    const id = (JSON.parse((await runCli(['profile', 'show', 'acme-prod', '--json'], { env: env() })).stdout) as { id: string }).id;

    // The quick path, with the store out of reach: it answers from the keychain and still records.
    const store = path.join(home, 'profiles.rdk');
    renameSync(store, `${store}.away`);
    const quick = await runCli(['credential-process', '--id', id, 'acme-prod'], { env: env() });
    renameSync(`${store}.away`, store);
    expect(quick.code).toBe(0);
    const served = JSON.parse(quick.stdout) as { SecretAccessKey: string; SessionToken: string };

    const all = await auditJson();
    expect(all.map((line) => line.action)).toEqual(['add-user', 'add-role', 'assume', 'credential-process']);
    expect(all.find((line) => line.action === 'assume')).toMatchObject({ profileName: 'acme-prod', result: 'ok' });
    expect(all.at(-1)).toMatchObject({ profileId: id, profileName: 'acme-prod', detail: 'credential_process served (from the keychain cache)' });
    const raw = readFileSync(path.join(home, 'audit', 'audit.jsonl'), 'utf8');
    for (const secret of [user.credentials.secretAccessKey, served.SecretAccessKey, served.SessionToken]) expect(raw).not.toContain(secret);

    expect(await auditJson(['--action', 'assume'])).toHaveLength(1);
    expect(await auditJson(['--profile', 'consultant'])).toHaveLength(1);
    const csv = await runCli(['audit', '--csv', '--since', '1h'], { env: env() });
    expect(csv.stdout.split('\r\n')[0]).toBe('time,action,result,profile,profileId,customer,identity,detail,facts');
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(5);

    const verified = await runCli(['audit', '--verify'], { env: env() });
    expect(verified).toMatchObject({ code: 0, stdout: 'Chain verified: 4 entries\n' });
  });

  it('exits 8 and names the line when the log was changed on disk', async () => {
    await runCli(['profile', 'add-user', 'one', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { env: env(), input: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' });
    await runCli(['profile', 'add-user', 'two', '--access-key-id', 'AKIAI44QH8DHBEXAMPLE'], { env: env(), input: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n' });
    await runCli(['profile', 'add-user', 'three', '--access-key-id', 'AKIAJ44QH8DHBEXAMPLE'], { env: env(), input: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEZ\n' });
    const file = path.join(home, 'audit', 'audit.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = (lines[1] ?? '').replace('"profileName":"two"', '"profileName":"tw0"');
    writeFileSync(file, lines.join('\n'));
    const result = await runCli(['audit', '--verify'], { env: env() });
    expect(result.code).toBe(8);
    expect(result.stdout).toContain('Chain broken: audit.jsonl line 2 was changed after it was written (audit.jsonl line 3 no longer matches it)');
  });
});
