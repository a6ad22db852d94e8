/**
 * Reads hand-written ~/.aws files with the real AWS SDK loader and plans an import from them —
 * and proves the reader leaves both files byte for byte as they were.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseKnownFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsFilesReader } from '../../../electron/node/aws-files/aws-files.reader';
import { importPreview, KEYS_STAY_REASON, planImport } from '../../../shared/logic/aws-config-import';

const CONSULTANT_SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const DEFAULT_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE//////////wEaDEXAMPLETOKEN';

const CONFIG = `# ~/.aws/config as people really keep it: comments, odd spacing, every kind of profile
[default]
region = eu-west-1
output=json

[profile consultant]
region   =   eu-central-1    ; set by hand
mfa_serial = arn:aws:iam::111111111111:mfa/jane

# the customer's cross-account role, with the ExternalId they gave us
[profile acme-hub]
role_arn = arn:aws:iam::123456789012:role/ExampleRoleName
source_profile = consultant
external_id = test-id-5678
role_session_name = cross-account-session
duration_seconds = 3600

[profile acme-prod]
role_arn = arn:aws:iam::210987654321:role/customers/acme/Deploy
source_profile = acme-hub
mfa_serial = arn:aws:iam::111111111111:mfa/jane
region = us-east-1

[profile gov]
role_arn=arn:aws-us-gov:iam::123456789012:role/Deploy
source_profile=consultant
region=us-gov-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile corp-admin]
sso_session = corp
sso_account_id = 333333333333
sso_role_name = AdministratorAccess

[profile legacy-sso]
sso_start_url = https://old.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444444444444
sso_role_name = ReadOnly

[profile ci]
role_arn = arn:aws:iam::123456789012:role/ci
web_identity_token_file = /var/run/secrets/eks/token

[profile vault]
credential_process = aws-vault export --format=json vault-source

[profile served]
credential_process = "/usr/local/bin/roledeck" credential-process served

[profile ec2]
role_arn = arn:aws:iam::123456789012:role/ec2
credential_source = Ec2InstanceMetadata

[profile broken-chain]
role_arn = arn:aws:iam::123456789012:role/x
source_profile = nobody

[profile loop-a]
role_arn = arn:aws:iam::123456789012:role/a
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::123456789012:role/b
source_profile = loop-a

[profile bad-external]
role_arn = arn:aws:iam::123456789012:role/ExampleRoleName
source_profile = consultant
external_id = x

[profile tools]
region = eu-west-1
s3 =
  max_concurrent_requests = 20
  multipart_threshold = 64MB

[services local-sts]
sts =
  endpoint_url = http://127.0.0.1:5000

; a section without "profile " is ignored by the SDKs in the config file
[not-a-profile]
region = eu-west-1
`;

// Edited on Windows: CRLF line endings, an indented section header, # and ; comments.
const CREDENTIALS = [
  '# long-term keys',
  '[default]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  `aws_secret_access_key = ${DEFAULT_SECRET}`,
  '',
  '[consultant]',
  'aws_access_key_id=AKIAI44QH8DHBEXAMPLE',
  `aws_secret_access_key=${CONSULTANT_SECRET}`,
  '',
  '  [temp]  ',
  'aws_access_key_id = ASIAIOSFODNN7EXAMPLE',
  `aws_secret_access_key = ${DEFAULT_SECRET}`,
  `aws_session_token = ${SESSION_TOKEN}`,
  '',
  '; already imported once',
  '[existing]',
  'aws_access_key_id = AKIAJ7EXAMPLEEXAMPLE',
  `aws_secret_access_key = ${CONSULTANT_SECRET}`,
  '',
].join('\r\n');

let dir: string;
let configPath: string;
let credentialsPath: string;
const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roledeck-aws-files-'));
  configPath = path.join(dir, 'config');
  credentialsPath = path.join(dir, 'credentials');
  await writeFile(configPath, CONFIG);
  await writeFile(credentialsPath, CREDENTIALS);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  process.env.AWS_CONFIG_FILE = configPath;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsPath;
});

afterEach(() => {
  process.env.AWS_CONFIG_FILE = saved.config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
});

describe('reading ~/.aws', () => {
  it('reads the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point at, merged as the SDK merges them', async () => {
    const snapshot = await new AwsFilesReader().read();

    expect(snapshot.files).toEqual({ config: configPath, credentials: credentialsPath });
    expect(snapshot.found).toEqual({ config: true, credentials: true });
    expect(snapshot.unreadable).toEqual([]);
    expect(snapshot.profiles.default).toEqual({
      region: 'eu-west-1',
      output: 'json',
      aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE',
      aws_secret_access_key: DEFAULT_SECRET,
    });
    expect(snapshot.profiles.consultant).toMatchObject({ region: 'eu-central-1', aws_access_key_id: 'AKIAI44QH8DHBEXAMPLE' });
    expect(snapshot.profiles.tools).toEqual({
      region: 'eu-west-1',
      's3.max_concurrent_requests': '20',
      's3.multipart_threshold': '64MB',
    });
    expect(snapshot.ssoSessions).toEqual({
      corp: { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'eu-west-1', sso_registration_scopes: 'sso:account:access' },
    });
    expect(Object.keys(snapshot.profiles)).not.toContain('not-a-profile');
    expect(Object.keys(snapshot.profiles).some((name) => name.startsWith('sso-session') || name.startsWith('services'))).toBe(false);

    // Exactly what the SDK's own parseKnownFiles sees, minus its sso-session and services sections.
    const sdk = await parseKnownFiles({ ignoreCache: true });
    const sdkProfiles = Object.fromEntries(
      Object.entries(sdk).filter(([name]) => !name.startsWith('sso-session.') && !name.startsWith('services.')),
    );
    expect(snapshot.profiles).toEqual(sdkProfiles);
  });

  it('plans the import: users and roles to create in order, and a reason for every other profile', async () => {
    const snapshot = await new AwsFilesReader().read();
    const plan = planImport(snapshot.profiles, { names: new Set(['existing']) }, { moveKeys: true });

    expect(plan.create.map((profile) => `${profile.kind}:${profile.name}`)).toEqual([
      'iam-user:default',
      'iam-user:consultant',
      'role:acme-hub',
      'role:acme-prod',
      'role:gov',
    ]);
    expect(plan.create.find((profile) => profile.name === 'acme-prod')).toEqual({
      kind: 'role',
      name: 'acme-prod',
      source: 'acme-hub',
      sourceIsExisting: false,
      chain: ['consultant', 'acme-hub', 'acme-prod'],
      roleArn: 'arn:aws:iam::210987654321:role/customers/acme/Deploy',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/jane',
      region: 'us-east-1',
    });
    expect(plan.create.find((profile) => profile.name === 'acme-hub')).toMatchObject({
      externalId: 'test-id-5678',
      sessionName: 'cross-account-session',
      durationSeconds: 3600,
    });
    expect(Object.fromEntries(plan.secrets)).toEqual({ default: DEFAULT_SECRET, consultant: CONSULTANT_SECRET });

    expect(Object.fromEntries(plan.skipped.map((entry) => [entry.name, entry.kind]))).toEqual({
      'corp-admin': 'sso',
      'legacy-sso': 'sso',
      ci: 'web-identity',
      vault: 'process',
      served: 'roledeck',
      ec2: 'credential-source',
      'broken-chain': 'source-missing',
      'loop-a': 'cycle',
      'loop-b': 'cycle',
      'bad-external': 'invalid',
      tools: 'no-credentials',
      temp: 'temporary',
      existing: 'exists',
    });
    expect(plan.skipped.find((entry) => entry.name === 'bad-external')?.reason).toBe(
      'external_id: the ExternalId has 1 character; it needs 2 to 1,224',
    );
    expect(plan.summary).toMatch(/^Import 2 IAM users and 3 roles\./);

    const shown = JSON.stringify(importPreview(plan));
    for (const secret of [DEFAULT_SECRET, CONSULTANT_SECRET, SESSION_TOKEN]) expect(shown).not.toContain(secret);
  });

  it('without moving keys, plans no IAM user and no role that needs one', async () => {
    const snapshot = await new AwsFilesReader().read();
    const plan = planImport(snapshot.profiles, { names: new Set() }, { moveKeys: false });
    expect(plan.create).toEqual([]);
    expect(plan.secrets.size).toBe(0);
    for (const name of ['default', 'consultant', 'acme-hub', 'acme-prod', 'gov', 'existing']) {
      expect(plan.skipped.find((entry) => entry.name === name)?.reason).toContain(KEYS_STAY_REASON);
    }
  });

  it('leaves both files byte for byte as they were, and creates nothing beside them', async () => {
    const before = { config: await sha256(configPath), credentials: await sha256(credentialsPath), entries: await readdir(dir) };
    for (let round = 0; round < 3; round += 1) {
      const snapshot = await new AwsFilesReader().read();
      planImport(snapshot.profiles, { names: new Set() }, { moveKeys: round % 2 === 0 });
    }
    expect(await sha256(configPath)).toBe(before.config);
    expect(await sha256(credentialsPath)).toBe(before.credentials);
    expect(await readdir(dir)).toEqual(before.entries);
  });

  it('sees edits made after an earlier read, rather than a cached copy', async () => {
    const scratch = await mkdtemp(path.join(dir, 'edit-'));
    const config = path.join(scratch, 'config');
    await writeFile(config, '[profile a]\nregion = eu-west-1\n');
    const reader = new AwsFilesReader({ env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'none') } });
    expect(Object.keys((await reader.read()).profiles)).toEqual(['a']);
    await writeFile(config, '[profile a]\nregion = eu-west-1\n[profile b]\nregion = eu-west-2\n');
    expect(Object.keys((await reader.read()).profiles)).toEqual(['a', 'b']);
  });
});

describe('when the files are not there', () => {
  it('falls back to ~/.aws under the home directory, and reports missing files as not found', async () => {
    const home = await mkdtemp(path.join(dir, 'home-'));
    const reader = new AwsFilesReader({ env: {}, homeDir: home });
    const snapshot = await reader.read();
    expect(snapshot.files).toEqual({ config: path.join(home, '.aws', 'config'), credentials: path.join(home, '.aws', 'credentials') });
    expect(snapshot.found).toEqual({ config: false, credentials: false });
    expect(snapshot.unreadable).toEqual([]);
    expect(snapshot.profiles).toEqual({});
    expect(await readdir(home)).toEqual([]);
  });

  it('expands ~/ in AWS_CONFIG_FILE as the SDK does', async () => {
    const home = await mkdtemp(path.join(dir, 'tilde-'));
    await writeFile(path.join(home, 'my-config'), '[profile tilde]\nregion = eu-west-1\n');
    const reader = new AwsFilesReader({ env: { AWS_CONFIG_FILE: '~/my-config', AWS_SHARED_CREDENTIALS_FILE: '' }, homeDir: home });
    const snapshot = await reader.read();
    expect(snapshot.files.config).toBe(path.join(home, 'my-config'));
    expect(snapshot.files.credentials).toBe(path.join(home, '.aws', 'credentials'));
    expect(snapshot.profiles).toEqual({ tilde: { region: 'eu-west-1' } });
  });

  it('says so when a path exists but is not a readable file, instead of silently reading nothing', async () => {
    const home = await mkdtemp(path.join(dir, 'odd-'));
    await mkdir(path.join(home, 'credentials'));
    const reader = new AwsFilesReader({
      env: { AWS_CONFIG_FILE: configPath, AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials') },
    });
    const snapshot = await reader.read();
    expect(snapshot.found.credentials).toBe(true);
    expect(snapshot.unreadable).toEqual([
      { file: 'credentials', path: path.join(home, 'credentials'), message: `${path.join(home, 'credentials')} is not a file, so it was not read` },
    ]);
    expect(snapshot.profiles.consultant).toEqual({ region: 'eu-central-1', mfa_serial: 'arn:aws:iam::111111111111:mfa/jane' });
  });
});
