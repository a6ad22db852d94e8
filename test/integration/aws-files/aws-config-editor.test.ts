/**
 * Installs and removes Roledeck's credential_process profiles in real config files, and checks
 * them byte for byte and through the AWS SDK's own loader.
 */
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsConfigEditor, BACKUP_INFIX, managedMarker } from '../../../electron/node/aws-files/aws-config.editor';
import { RoledeckError } from '../../../shared/contract/errors';
import { FakeClock } from '../../fakes/ports';

const CREDENTIAL_PROCESS = '"/opt/Roledeck/roledeck" credential-process acme-prod';
const ENTRIES = { credential_process: CREDENTIAL_PROCESS, region: 'eu-west-1' };
const MARKER = managedMarker('acme-prod');

/** A config as people keep it: CRLF, a UTF-8 comment, odd spacing, sub-sections, junk, duplicates, no final newline. */
const HAND_KEPT = [
  '# ~/.aws/config — kept by hand since 2019',
  ';; company defaults',
  '[default]',
  'region=eu-west-1',
  'output = json   # table is too wide',
  '',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region   =   eu-west-1',
  'sso_registration_scopes = sso:account:access',
  '',
  '[profile corp-admin]',
  'sso_session = corp',
  'sso_account_id = 333333333333',
  'sso_role_name = AdministratorAccess',
  's3 =',
  '  max_concurrent_requests = 20',
  '  addressing_style = path',
  '',
  '  # an indented comment',
  '[profile  typo-spacing]',
  'region = us-east-1',
  '[services local-s3]',
  's3 =',
  '  endpoint_url = http://127.0.0.1:9000',
  'this line is not ini at all',
  '[profile duplicated]',
  'region = us-east-1',
  '[profile duplicated]',
  'output = text',
  '[profile acme-hub]',
  'role_arn = arn:aws:iam::123456789012:role/ExampleRoleName',
  'source_profile = default   ; trailing comment',
  'external_id = test-id-5678',
].join('\r\n');

let dir: string;
let home: string;
let configPath: string;
let clock: FakeClock;

function editor(): AwsConfigEditor {
  return new AwsConfigEditor({ homeDir: home, clock, configPath });
}
async function bytes(file = configPath): Promise<Buffer> {
  return readFile(file);
}
async function backups(directory = path.dirname(configPath)): Promise<string[]> {
  return (await readdir(directory)).filter((name) => name.includes(BACKUP_INFIX)).sort();
}
async function sdkProfiles(file = configPath): Promise<Record<string, Record<string, string | undefined>>> {
  const loaded = await loadSharedConfigFiles({ configFilepath: file, filepath: path.join(dir, 'no-credentials-file'), ignoreCache: true });
  return loaded.configFile;
}
async function refusedWith(promise: Promise<unknown>): Promise<RoledeckError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RoledeckError);
  return error as RoledeckError;
}
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roledeck-aws-config-'));
  home = path.join(dir, 'home');
  configPath = path.join(home, '.aws', 'config');
  clock = new FakeClock();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeConfig(text: string | Buffer, mode = 0o600): Promise<void> {
  await mkdir(path.dirname(configPath), { recursive: true, mode: 0o700 });
  await writeFile(configPath, text, { mode });
  await chmod(configPath, mode);
}

describe('installing into a config kept by hand', () => {
  it('appends only Roledeck\'s block, backs the file up once, updates only the block, and removes it to the byte', async () => {
    await writeConfig(HAND_KEPT);
    const original = await bytes();
    const before = await sdkProfiles();

    const first = await editor().install('acme-prod', ENTRIES);
    const installed = await bytes();
    const block = `\r\n\r\n[profile acme-prod]\r\n${MARKER}\r\ncredential_process = ${CREDENTIAL_PROCESS}\r\nregion = eu-west-1`;
    expect(installed.equals(Buffer.concat([original, Buffer.from(block)]))).toBe(true);
    expect(first.change).toBe('added');

    // The backup: written once, before the first edit, holding the original bytes, private.
    expect(await backups()).toEqual(['config.roledeck-backup-20261128T090000Z']);
    expect(first.backupPath).toBe(path.join(home, '.aws', 'config.roledeck-backup-20261128T090000Z'));
    const backupPath = first.backupPath ?? 'no backup path';
    expect((await bytes(backupPath)).equals(original)).toBe(true);
    expect(await modeOf(backupPath)).toBe(0o600);

    // The SDK reads the new profile, and every other profile as before.
    const after = await sdkProfiles();
    expect(after['acme-prod']).toEqual(ENTRIES);
    const { ['acme-prod']: _ours, ...others } = after;
    expect(others).toEqual(before);

    clock.advance(60_000);
    const second = await editor().install('acme-prod', { ...ENTRIES, region: 'us-west-2' });
    expect(second).toEqual({ path: configPath, change: 'updated' });
    expect((await bytes()).equals(Buffer.concat([original, Buffer.from(block.replace('eu-west-1', 'us-west-2'))]))).toBe(true);
    expect(await backups()).toHaveLength(1);

    expect(await editor().install('acme-prod', { ...ENTRIES, region: 'us-west-2' })).toEqual({ path: configPath, change: 'unchanged' });
    expect(await editor().status('acme-prod')).toBe('roledeck');

    expect(await editor().remove('acme-prod')).toEqual({ path: configPath, change: 'removed' });
    expect((await bytes()).equals(original)).toBe(true);
    expect(await editor().status('acme-prod')).toBe('absent');
    expect(await editor().remove('acme-prod')).toEqual({ path: configPath, change: 'absent' });
    expect(await backups()).toHaveLength(1);
  });

  it('keeps a BOM, bytes that are not UTF-8, and the file\'s mode', async () => {
    // 0xE9 is "é" in Windows-1252: not valid UTF-8, and must not become U+FFFD.
    const original = Buffer.concat([Buffer.from('\uFEFF# caf'), Buffer.from([0xe9]), Buffer.from('\n[default]\nregion = eu-west-1\n')]);
    await writeConfig(original, 0o664);
    await editor().install('acme-prod', { credential_process: '/home/josé/bin/roledeck credential-process acme-prod' });
    const installed = await bytes();
    expect(installed.subarray(0, original.length).equals(original)).toBe(true);
    expect(installed.subarray(original.length).toString('utf8')).toBe(
      `\n[profile acme-prod]\n${MARKER}\ncredential_process = /home/josé/bin/roledeck credential-process acme-prod\n`,
    );
    expect(await modeOf(configPath)).toBe(0o664);
    await editor().remove('acme-prod');
    expect((await bytes()).equals(original)).toBe(true);
    expect(await modeOf(configPath)).toBe(0o664);
  });

  it('creates a missing config 0600 in a 0700 folder, with nothing to back up', async () => {
    const result = await editor().install('acme-prod', ENTRIES);
    expect(result).toEqual({ path: configPath, change: 'added' });
    expect((await bytes()).toString('utf8')).toBe(`[profile acme-prod]\n${MARKER}\ncredential_process = ${CREDENTIAL_PROCESS}\nregion = eu-west-1\n`);
    expect(await modeOf(configPath)).toBe(0o600);
    expect(await modeOf(path.dirname(configPath))).toBe(0o700);
    expect(await backups()).toEqual([]);
    expect((await sdkProfiles())['acme-prod']).toEqual(ENTRIES);
    expect(await readdir(path.dirname(configPath))).toEqual(['config']);
  });

  it('edits the target of a symlinked config and leaves the link in place', async () => {
    const dotfiles = path.join(dir, 'dotfiles');
    await mkdir(dotfiles);
    await writeFile(path.join(dotfiles, 'aws-config'), '[default]\nregion = eu-west-1\n', { mode: 0o600 });
    await mkdir(path.dirname(configPath), { recursive: true });
    await symlink(path.join(dotfiles, 'aws-config'), configPath);
    await editor().install('acme-prod', ENTRIES);
    expect((await lstat(configPath)).isSymbolicLink()).toBe(true);
    expect(await readlink(configPath)).toBe(path.join(dotfiles, 'aws-config'));
    expect((await sdkProfiles())['acme-prod']).toEqual(ENTRIES);
    expect(await backups()).toHaveLength(1);
    expect(await readdir(dotfiles)).toEqual(['aws-config']);
  });
});

describe('a profile the user wrote by hand', () => {
  const MINE = '[default]\nregion = eu-west-1\n\n[profile acme]\nrole_arn = arn:aws:iam::123456789012:role/Mine\nsource_profile = default\n';

  it('is refused without --force and left untouched', async () => {
    await writeConfig(MINE);
    const error = await refusedWith(editor().install('acme', ENTRIES));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      `~${path.sep}.aws${path.sep}config already has a [profile acme] you wrote yourself. Pass --force to replace it (a backup is kept), or pick another --aws-profile name.`,
    );
    expect((await bytes()).toString()).toBe(MINE);
    expect(await backups()).toEqual([]);
    expect(await editor().status('acme')).toBe('hand-written');
    const removal = await refusedWith(editor().remove('acme'));
    expect(removal.code).toBe('CONFLICT');
    expect((await bytes()).toString()).toBe(MINE);
  });

  it('is replaced with --force, and the backup keeps it', async () => {
    await writeConfig(MINE);
    const result = await editor().install('acme', ENTRIES, { force: true });
    expect(result.change).toBe('updated');
    expect(result.backupPath).toBeDefined();
    expect((await bytes(result.backupPath ?? 'no backup path')).toString()).toBe(MINE);
    expect((await bytes()).toString()).toBe(
      `[default]\nregion = eu-west-1\n\n[profile acme]\n${managedMarker('acme')}\ncredential_process = ${CREDENTIAL_PROCESS}\nregion = eu-west-1\n`,
    );
    expect((await sdkProfiles()).acme).toEqual(ENTRIES);
  });

  it('is replaced with --force after an earlier edit left a backup, and a new backup keeps it', async () => {
    // Roledeck's first edit backs the file up; the user then writes [profile acme] by hand.
    await writeConfig('[default]\nregion = eu-west-1\n');
    const first = await editor().install('acme-prod', ENTRIES);
    expect(await backups()).toHaveLength(1);
    const withMine = `${(await bytes()).toString()}\n[profile acme]\nrole_arn = arn:aws:iam::123456789012:role/Mine\nsource_profile = default\n`;
    await writeConfig(withMine);

    const forced = await editor().install('acme', ENTRIES, { force: true });
    expect(forced.backupPath).toBeDefined();
    expect(forced.backupPath).not.toBe(first.backupPath);
    expect((await bytes(forced.backupPath ?? 'no backup path')).toString()).toBe(withMine);
    // Same clock second as the first backup: a second name, the first backup untouched.
    expect(await backups()).toEqual(['config.roledeck-backup-20261128T090000Z', 'config.roledeck-backup-20261128T090000Z-2']);
    expect((await bytes(first.backupPath ?? 'no backup path')).toString()).toBe('[default]\nregion = eu-west-1\n');
  });

  it('a later edit of a Roledeck profile writes no further backup', async () => {
    await writeConfig('[default]\nregion = eu-west-1\n');
    await editor().install('acme-prod', ENTRIES);
    const again = await editor().install('acme-prod', { ...ENTRIES, region: 'us-east-1' }, { force: true });
    expect(again.backupPath).toBeUndefined();
    expect(await backups()).toHaveLength(1);
  });

  it('a backup cut short by a crash is not taken for the backup: the next edit writes a complete one and clears the leftover', async () => {
    await writeConfig('[default]\nregion = eu-west-1\n');
    // What a Roledeck killed while backing the file up leaves: a temp file of a process that is gone.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const cutShort = `config${BACKUP_INFIX}20261128T085959Z.tmp-${deadPid}-0123456789ab`;
    await writeFile(path.join(path.dirname(configPath), cutShort), '[defau');
    const change = await editor().install('acme-prod', ENTRIES);
    expect(change.backupPath).toBeDefined();
    expect((await bytes(change.backupPath ?? 'no backup path')).toString()).toBe('[default]\nregion = eu-west-1\n');
    expect(await backups()).toEqual(['config.roledeck-backup-20261128T090000Z']);
  });

  it('spelled so the SDK does not read it stops the install with the line to fix', async () => {
    await writeConfig('[default]\nregion = eu-west-1\n[profile  acme]\nregion = us-east-1\n');
    const error = await refusedWith(editor().install('acme', ENTRIES));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(`~${path.sep}.aws${path.sep}config, line 3 ([profile  acme]) looks like the header of profile acme`);
  });
});

describe('where the config is', () => {
  it('honours AWS_CONFIG_FILE, with ~/ expanded as the SDK does', async () => {
    const fromEnv = new AwsConfigEditor({ homeDir: home, clock, env: { AWS_CONFIG_FILE: '~/elsewhere/aws.ini' } });
    const result = await fromEnv.install('acme-prod', ENTRIES);
    const expected = path.join(home, 'elsewhere', 'aws.ini');
    expect(result.path).toBe(expected);
    expect((await sdkProfiles(expected))['acme-prod']).toEqual(ENTRIES);
  });

  it('defaults to ~/.aws/config', () => {
    expect(new AwsConfigEditor({ homeDir: home, env: {} }).configPath).toBe(configPath);
  });

  it('rejects a profile name the SDK would not read, before touching anything', async () => {
    const error = await refusedWith(editor().install('acme prod', ENTRIES));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('use letters, digits and - _ . @ + % : / only');
    await expect(stat(path.dirname(configPath))).rejects.toThrow();
  });

  it('rejects a value that would break the file before creating anything', async () => {
    const error = await refusedWith(editor().install('acme-prod', { credential_process: 'roledeck x # y' }));
    expect(error.code).toBe('VALIDATION');
    await expect(stat(path.dirname(configPath))).rejects.toThrow();
  });

  it('rejects a value that would break the file, and writes nothing', async () => {
    await writeConfig('[default]\n');
    const error = await refusedWith(editor().install('acme-prod', { region: 'eu-west-1\n[profile evil]' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Nothing was written to');
    expect((await bytes()).toString()).toBe('[default]\n');
  });
});

describe('several Roledeck processes at once', () => {
  it('lose none of their installs, and back the file up once', async () => {
    await writeConfig('[default]\nregion = eu-west-1\n');
    const names = Array.from({ length: 12 }, (_, index) => `customer-${index}`);
    await Promise.all(names.map((name) => editor().install(name, { credential_process: `roledeck credential-process ${name}` })));
    const profiles = await sdkProfiles();
    for (const name of names) expect(profiles[name]).toEqual({ credential_process: `roledeck credential-process ${name}` });
    expect(await backups()).toHaveLength(1);
    expect(await readdir(path.dirname(configPath))).toHaveLength(2);
    await Promise.all(names.map((name) => editor().remove(name)));
    expect((await bytes()).toString()).toBe('[default]\nregion = eu-west-1\n');
  });
});

describe('any config file', () => {
  const name = fc.constantFrom('dev', 'prod', 'corp', 'x.y', 'me@corp');
  const line = fc.oneof(
    name.map((profile) => `[profile ${profile}]`),
    fc.constantFrom('[default]', '[sso-session corp]', '[services s3local]', '[profile  spaced]', 'this is junk', '=x', '[open'),
    fc.constantFrom('region = eu-west-1', 'output=json', 'region   =   us-east-1   ; note', 'role_arn = arn:aws:iam::1:role/x # c'),
    fc.constantFrom('s3 =', '  max_concurrent_requests = 10', '  addressing_style = path'),
    fc.constantFrom('# comment', '; comment', '  # indented', '', '   '),
  );
  const file = fc
    .tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 20 }), fc.boolean(), fc.boolean())
    .map(([lines, finalNewline, bom]) => (bom ? '\uFEFF' : '') + lines.map(([text, eol], index) => (index === lines.length - 1 && !finalNewline ? text : text + eol)).join(''));

  it('gives the SDK the installed profile and every other profile unchanged, and comes back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        await rm(path.dirname(configPath), { recursive: true, force: true });
        await writeConfig(text);
        const before = await sdkProfiles();
        await editor().install('acme-prod', ENTRIES);
        const { ['acme-prod']: ours, ...others } = await sdkProfiles();
        expect(ours).toEqual(ENTRIES);
        expect(others).toEqual(before);
        await editor().remove('acme-prod');
        expect((await bytes()).toString('utf8')).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});
