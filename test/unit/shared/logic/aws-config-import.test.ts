import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AddRoleInput, AddUserInput } from '../../../../shared/domain/profile-input';
import {
  importPreview,
  KEYS_STAY_REASON,
  planImport,
  type AwsIniProfiles,
  type ImportOptions,
  type ImportPlan,
  type PlannedRole,
  type SkipKind,
} from '../../../../shared/logic/aws-config-import';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const OTHER_SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/ExampleRoleName';

const keys = (secret = SECRET) => ({ aws_access_key_id: KEY_ID, aws_secret_access_key: secret });
const role = (source: string, extra: Record<string, string> = {}) => ({ role_arn: ROLE_ARN, source_profile: source, ...extra });

const move: ImportOptions = { moveKeys: true };
const none = { names: new Set<string>() };

function plan(profiles: AwsIniProfiles, options: ImportOptions = move, existing: Iterable<string> = []): ImportPlan {
  return planImport(profiles, { names: new Set(existing) }, options);
}
const names = (result: ImportPlan) => result.create.map((profile) => profile.name);
const skipOf = (result: ImportPlan, name: string) => result.skipped.find((entry) => entry.name === name);
function expectSkipped(result: ImportPlan, name: string, kind: SkipKind, reason?: string | RegExp): void {
  const entry = skipOf(result, name);
  expect(entry, `${name} should be skipped; skipped: ${JSON.stringify(result.skipped)}`).toBeDefined();
  expect(entry?.kind).toBe(kind);
  if (typeof reason === 'string') expect(entry?.reason).toContain(reason);
  else if (reason) expect(entry?.reason).toMatch(reason);
  expect(names(result)).not.toContain(name);
}
const roleIn = (result: ImportPlan, name: string) =>
  result.create.find((profile): profile is PlannedRole => profile.kind === 'role' && profile.name === name);

describe('static keys', () => {
  it('become an IAM user, with the secret only in the separate secrets map', () => {
    const result = plan({ consultant: { ...keys(), region: 'eu-west-1', mfa_serial: 'arn:aws:iam::123456789012:mfa/jane', output: 'json' } });
    expect(result.create).toEqual([
      { kind: 'iam-user', name: 'consultant', accessKeyId: KEY_ID, region: 'eu-west-1', mfaSerial: 'arn:aws:iam::123456789012:mfa/jane' },
    ]);
    expect(result.secrets.get('consultant')).toBe(SECRET);
    expect(JSON.stringify(result.create)).not.toContain(SECRET);
  });

  it('never put a secret into the preview, the reasons or the summary', () => {
    const result = plan({
      good: keys(),
      broken: { aws_access_key_id: 'ASIA-not-a-key', aws_secret_access_key: OTHER_SECRET },
      temporary: { ...keys(OTHER_SECRET), aws_session_token: 'FwoGZXIvYXdzEXAMPLETOKEN' },
      halfway: { aws_secret_access_key: OTHER_SECRET },
    });
    const shown = JSON.stringify(importPreview(result));
    for (const secret of [SECRET, OTHER_SECRET, 'FwoGZXIvYXdzEXAMPLETOKEN']) expect(shown).not.toContain(secret);
    expect(Object.keys(importPreview(result))).toEqual(['create', 'skipped', 'summary']);
  });

  it('shows access key IDs masked in the preview, never whole', () => {
    const preview = importPreview(plan({ consultant: keys() }));
    expect(preview.create).toEqual([{ kind: 'iam-user', name: 'consultant', accessKeyIdMasked: 'AKIA••••••••••••MPLE' }]);
    expect(JSON.stringify(preview)).not.toContain(KEY_ID);
  });

  it('with a session token are temporary and skipped', () => {
    const result = plan({ temp: { ...keys(), aws_session_token: 'token' } });
    expectSkipped(result, 'temp', 'temporary', 'temporary');
    expect(result.secrets.size).toBe(0);
  });

  it('with only one of the two keys are skipped as incomplete', () => {
    const result = plan({ idOnly: { aws_access_key_id: KEY_ID }, secretOnly: { aws_secret_access_key: SECRET } });
    expectSkipped(result, 'idOnly', 'incomplete', 'has no aws_secret_access_key');
    expectSkipped(result, 'secretOnly', 'incomplete', 'has no aws_access_key_id');
  });

  it.each([
    ['aws_access_key_id', { aws_access_key_id: 'ASIAIOSFODNN7EXAMPLE' }, 'aws_access_key_id: this is a temporary access key (ASIA…), which expires and needs a session token; an IAM user’s key starts with AKIA'],
    ['aws_secret_access_key', { aws_secret_access_key: 'tooshort' }, 'aws_secret_access_key: the secret access key has 8 characters; it needs 40'],
    ['region', { region: 'Frankfurt' }, 'region: “Frankfurt” is not a region code; a region looks like eu-west-1'],
    ['mfa_serial', { mfa_serial: 'arn:aws:iam::12345:mfa/jane' }, 'mfa_serial: the account ID has 5 digits; it needs 12'],
  ])('with an invalid %s are skipped, naming the field and the AWS rule', (_, override, reason) => {
    const result = plan({ user: { ...keys(), ...override } });
    expectSkipped(result, 'user', 'invalid', reason);
  });

  it('list every invalid field at once', () => {
    const result = plan({ user: { ...keys('short'), region: 'nowhere' } });
    expectSkipped(result, 'user', 'invalid', 'aws_secret_access_key: ');
    expect(skipOf(result, 'user')?.reason).toContain('; region: ');
  });

  it('under a profile name Roledeck cannot hold are skipped, naming the rule', () => {
    const result = plan({ 'my:profile': keys() });
    expectSkipped(result, 'my:profile', 'invalid', 'profile name: a profile name may contain only');
  });
});

describe('moving keys into the keychain', () => {
  it('unticked, skips IAM users with static keys and every role that depends on them, saying what to tick', () => {
    const result = plan(
      { consultant: keys(), hub: role('consultant'), prod: role('hub'), regionOnly: { region: 'eu-west-1' } },
      { moveKeys: false },
    );
    expect(result.create).toEqual([]);
    expect(result.secrets.size).toBe(0);
    expectSkipped(result, 'consultant', 'keys-stay', KEYS_STAY_REASON);
    expectSkipped(result, 'hub', 'keys-stay', `${KEYS_STAY_REASON} (source profile "consultant")`);
    expectSkipped(result, 'prod', 'keys-stay', `${KEYS_STAY_REASON} (source profile "consultant")`);
    expect(result.summary).toContain('Tick Copy keys into the keychain');
  });

  it('unticked, still imports roles whose source Roledeck already has', () => {
    const result = plan({ consultant: keys(), prod: role('consultant') }, { moveKeys: false }, ['consultant']);
    expectSkipped(result, 'consultant', 'exists');
    expect(roleIn(result, 'prod')).toMatchObject({ source: 'consultant', sourceIsExisting: true });
  });

  it('unticked, reports invalid keys as invalid: ticking would not help', () => {
    const result = plan({ user: keys('bad') }, { moveKeys: false });
    expectSkipped(result, 'user', 'invalid');
  });
});

describe('roles', () => {
  it('carry every AssumeRole setting and reference their source by name', () => {
    const result = plan({
      consultant: keys(),
      acme: role('consultant', {
        external_id: 'test-id-5678',
        mfa_serial: 'arn:aws:iam::111111111111:mfa/jane',
        duration_seconds: '43200',
        role_session_name: 'cross-account-session',
        region: 'us-east-1',
      }),
    });
    expect(roleIn(result, 'acme')).toEqual({
      kind: 'role',
      name: 'acme',
      source: 'consultant',
      sourceIsExisting: false,
      chain: ['consultant', 'acme'],
      roleArn: ROLE_ARN,
      externalId: 'test-id-5678',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/jane',
      sessionName: 'cross-account-session',
      durationSeconds: 43200,
      region: 'us-east-1',
    });
  });

  it('chain through other roles, and come after their sources whatever the file order', () => {
    const result = plan({
      prod: role('hub'),
      staging: role('hub'),
      hub: role('consultant'),
      consultant: keys(),
    });
    expect(names(result)).toEqual(['consultant', 'hub', 'prod', 'staging']);
    expect(roleIn(result, 'prod')?.chain).toEqual(['consultant', 'hub', 'prod']);
  });

  it('are ordered after their sources for any file order (property)', () => {
    const profiles: Record<string, Record<string, string>> = {
      u1: keys(),
      u2: keys(OTHER_SECRET),
      r1: role('u1'),
      r2: role('r1'),
      r3: role('r2'),
      r4: role('u2'),
      r5: role('r4'),
    };
    fc.assert(
      fc.property(fc.shuffledSubarray(Object.keys(profiles), { minLength: 7, maxLength: 7 }), (order) => {
        const result = plan(Object.fromEntries(order.map((name) => [name, profiles[name]!])));
        const position = new Map(names(result).map((name, index) => [name, index]));
        expect(position.size).toBe(7);
        for (const profile of result.create) {
          if (profile.kind === 'role') expect(position.get(profile.source)!).toBeLessThan(position.get(profile.name)!);
        }
      }),
    );
  });

  it('accept the role ARN in aws-cn and aws-us-gov, and with a path', () => {
    const result = plan({
      consultant: keys(),
      cn: { role_arn: 'arn:aws-cn:iam::123456789012:role/Deploy', source_profile: 'consultant' },
      gov: { role_arn: 'arn:aws-us-gov:iam::123456789012:role/team/Deploy', source_profile: 'consultant' },
    });
    expect(names(result)).toEqual(['consultant', 'cn', 'gov']);
  });

  it.each([
    ['role_arn', { role_arn: 'arn:aws:iam::12345678901:role/Deploy' }, 'role_arn: the account ID has 11 digits; it needs 12'],
    ['external_id', { external_id: 'x' }, 'external_id: the ExternalId has 1 character; it needs 2 to 1,224'],
    ['external_id', { external_id: 'has space' }, 'external_id: a space is not allowed (letters, digits and + = , . @ : / _ - only)'],
    ['role_session_name', { role_session_name: 'x'.repeat(65) }, 'role_session_name: the session name has 65 characters; AWS allows at most 64'],
    ['duration_seconds', { duration_seconds: '899' }, 'duration_seconds: the duration is 899 seconds; a role session lasts at least 900 seconds (15 minutes)'],
    ['duration_seconds', { duration_seconds: '43201' }, 'duration_seconds: the duration is 43,201 seconds; a role session lasts at most 43,200 seconds (12 hours)'],
    ['duration_seconds', { duration_seconds: '3600s' }, 'duration_seconds: the duration is not a whole number of seconds; give one, e.g. 3600'],
    ['duration_seconds', { duration_seconds: '1e4' }, 'duration_seconds: the duration is not a whole number of seconds; give one, e.g. 3600'],
    ['mfa_serial', { mfa_serial: '123456' }, 'mfa_serial: this looks like a 6-digit MFA code'],
    ['region', { region: 'us-east' }, 'region: the region needs its number at the end, e.g. us-east-1'],
  ])('with an invalid %s are skipped, naming the field and the AWS rule', (_, override, reason) => {
    const result = plan({ consultant: keys(), acme: role('consultant', override) });
    expectSkipped(result, 'acme', 'invalid', reason);
    expect(names(result)).toEqual(['consultant']);
  });

  it('chained from another role may not ask for more than one hour', () => {
    const result = plan({
      consultant: keys(),
      hub: role('consultant', { duration_seconds: '43200' }),
      long: role('hub', { duration_seconds: '7200' }),
      hour: role('hub', { duration_seconds: '3600' }),
    });
    expect(names(result)).toEqual(['consultant', 'hub', 'hour']);
    expectSkipped(result, 'long', 'invalid', 'role chaining');
  });

  it('with credential_source are skipped: Roledeck needs a source profile it manages', () => {
    const result = plan({
      env: { role_arn: ROLE_ARN, credential_source: 'Environment' },
      ec2: { role_arn: ROLE_ARN, credential_source: 'Ec2InstanceMetadata' },
      ecs: { role_arn: ROLE_ARN, credential_source: 'EcsContainer' },
    });
    expectSkipped(result, 'env', 'credential-source', 'credential_source Environment is not supported: Roledeck needs a source profile it manages');
    expectSkipped(result, 'ec2', 'credential-source', 'credential_source Ec2InstanceMetadata is not supported');
    expectSkipped(result, 'ecs', 'credential-source', 'credential_source EcsContainer is not supported');
  });

  it('with both source_profile and credential_source are skipped as invalid', () => {
    const result = plan({ consultant: keys(), both: { ...role('consultant'), credential_source: 'Environment' } });
    expectSkipped(result, 'both', 'invalid', 'source_profile and credential_source are both set');
  });

  it('with role_arn but no source are skipped as incomplete', () => {
    const result = plan({ lonely: { role_arn: ROLE_ARN } });
    expectSkipped(result, 'lonely', 'incomplete', 'role_arn has no source_profile');
  });

  it('in a profile that also has static keys are skipped with advice to split the profile', () => {
    const result = plan({ mixed: { ...keys(), ...role('mixed') }, other: keys(), mixed2: { ...keys(), ...role('other') } });
    expectSkipped(result, 'mixed', 'keys-and-role', 'split it in two');
    expectSkipped(result, 'mixed2', 'keys-and-role');
  });

  it('whose role name the installation does not allow are skipped with the allow-list message', () => {
    const result = plan(
      {
        consultant: keys(),
        allowed: { role_arn: 'arn:aws:iam::123456789012:role/ExampleRoleName', source_profile: 'consultant' },
        wildcard: { role_arn: 'arn:aws:iam::123456789012:role/Roledeck-Deploy', source_profile: 'consultant' },
        admin: { role_arn: 'arn:aws:iam::123456789012:role/Admin', source_profile: 'consultant' },
        behindAdmin: { role_arn: 'arn:aws:iam::123456789012:role/ExampleRoleName', source_profile: 'admin' },
      },
      { moveKeys: true, allowedRoleNames: ['ExampleRoleName', 'Roledeck-*'] },
    );
    expect(names(result)).toEqual(['consultant', 'allowed', 'wildcard']);
    expectSkipped(result, 'admin', 'not-allowed', 'Settings → Allowed role names');
    expectSkipped(result, 'behindAdmin', 'source-skipped', 'its source profile "admin" is not imported');
  });
});

describe('source_profile links', () => {
  it('to a profile that is not defined skip the role', () => {
    const result = plan({ acme: role('ghost') });
    expectSkipped(result, 'acme', 'source-missing', 'source_profile "ghost" is not defined');
  });

  it('to a skipped profile skip the role, with the source reason', () => {
    const result = plan({ sso: { sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'Admin' }, acme: role('sso') });
    expectSkipped(result, 'sso', 'sso');
    expectSkipped(result, 'acme', 'source-skipped', /^its source profile "sso" is not imported: IAM Identity Center/);
  });

  it('that loop skip every profile in the loop, and the roles behind it', () => {
    const result = plan({ a: role('b'), b: role('c'), c: role('a'), d: role('a'), self: role('self') });
    expect(result.create).toEqual([]);
    for (const name of ['a', 'b', 'c']) expectSkipped(result, name, 'cycle', 'source_profile loops: ');
    expect(skipOf(result, 'a')?.reason).toBe('source_profile loops: a → b → c → a');
    expectSkipped(result, 'd', 'source-skipped', 'its source profile "a" is not imported: source_profile loops');
    expectSkipped(result, 'self', 'cycle', 'self → self');
  });

  it('that loop further up the chain skip only the loop members as a loop', () => {
    const result = plan({ entry: role('x'), x: role('y'), y: role('x') });
    expectSkipped(result, 'entry', 'source-skipped');
    expectSkipped(result, 'x', 'cycle', 'x → y → x');
    expectSkipped(result, 'y', 'cycle', 'x → y → x');
  });

  it('to a profile Roledeck already has use that profile', () => {
    const result = plan({ consultant: keys(), acme: role('consultant'), deeper: role('acme') }, move, ['consultant']);
    expectSkipped(result, 'consultant', 'exists', 'already exists');
    expect(result.secrets.has('consultant')).toBe(false);
    expect(roleIn(result, 'acme')).toMatchObject({ source: 'consultant', sourceIsExisting: true, chain: ['consultant', 'acme'] });
    expect(roleIn(result, 'deeper')).toMatchObject({ source: 'acme', sourceIsExisting: false, chain: ['consultant', 'acme', 'deeper'] });
    expect(names(result)).toEqual(['acme', 'deeper']);
  });

  it('to a profile Roledeck serves through credential_process use the Roledeck profile of that name', () => {
    const result = plan(
      {
        'acme-hub': { credential_process: 'roledeck credential-process acme-hub' },
        'acme-prod': role('acme-hub'),
        'orphan-src': { credential_process: 'roledeck credential-process renamed' },
        orphan: role('orphan-src'),
      },
      move,
      ['acme-hub'],
    );
    expectSkipped(result, 'acme-hub', 'roledeck', 'already served by Roledeck');
    expect(roleIn(result, 'acme-prod')).toMatchObject({ source: 'acme-hub', sourceIsExisting: true });
    expectSkipped(result, 'orphan', 'source-skipped', 'already served by Roledeck');
  });
});

describe('profiles Roledeck does not import', () => {
  it.each<[string, Record<string, string>, SkipKind, string]>([
    ['an SSO session profile', { sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'Admin' }, 'sso', 'IAM Identity Center (SSO)'],
    ['a legacy SSO profile', { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'eu-west-1' }, 'sso', 'SSO'],
    ['a web identity profile', { role_arn: ROLE_ARN, web_identity_token_file: '/var/run/token' }, 'web-identity', 'web_identity_token_file'],
    ['a credential_process profile', { credential_process: 'aws-vault export --format=json acme' }, 'process', 'process profiles are run by the AWS CLI; Roledeck does not import them'],
    ['a Roledeck credential_process profile', { credential_process: '/usr/local/bin/roledeck credential-process acme' }, 'roledeck', 'already served by Roledeck'],
    ['an aws login profile', { login_session: 'arn:aws:iam::123456789012:user/jane' }, 'login', 'login_session'],
    ['a region-only profile', { region: 'eu-west-1', output: 'json' }, 'no-credentials', 'no credentials or role'],
    ['an empty profile', {}, 'no-credentials', 'no credentials or role'],
  ])('skips %s, saying why', (_, section, kind, reason) => {
    const result = plan({ p: section });
    expectSkipped(result, 'p', kind, reason);
  });

  it('skips a profile whose name Roledeck already has, as already existing', () => {
    const result = plan({ consultant: keys(), acme: role('consultant') }, move, ['consultant', 'acme']);
    expect(result.create).toEqual([]);
    expectSkipped(result, 'consultant', 'exists', 'already exists');
    expectSkipped(result, 'acme', 'exists', 'already exists');
  });

  it('reports an unsupported kind before a name collision, since renaming would not help', () => {
    const result = plan({ corp: { sso_session: 'corp' } }, move, ['corp']);
    expectSkipped(result, 'corp', 'sso');
  });
});

describe('the plan', () => {
  it('handles an empty set of files', () => {
    const result = planImport({}, none, move);
    expect(result).toMatchObject({ create: [], skipped: [], summary: 'Nothing to import.' });
  });

  it('summarises what it will create and why it skips the rest', () => {
    const result = plan({
      consultant: keys(),
      acme: role('consultant'),
      globex: role('consultant'),
      corp: { sso_session: 'corp' },
      defaults: { region: 'eu-west-1' },
      old: keys(),
    }, move, ['old']);
    expect(result.summary).toBe(
      "Import 1 IAM user and 2 roles. The IAM users' secret access keys move into the keychain. " +
        'Skip 3 profiles: 1 already in Roledeck, 1 SSO, 1 no credentials or role.',
    );
  });

  it('lists skipped profiles in file order', () => {
    const result = plan({ z: { region: 'eu-west-1' }, a: { sso_session: 'x' }, m: role('nowhere') });
    expect(result.skipped.map((entry) => entry.name)).toEqual(['z', 'a', 'm']);
  });

  it('does not trip over names that are special in JavaScript objects', () => {
    const profiles = JSON.parse('{"__proto__": {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE"}, "constructor": {"region": "eu-west-1"}}') as AwsIniProfiles;
    const result = planImport(profiles, none, move);
    expect(result.skipped.map((entry) => entry.name).sort()).toEqual(['__proto__', 'constructor']);
  });

  it('accounts for every profile exactly once, whatever the input (property)', () => {
    const value = fc.constantFrom<Record<string, string>>(
      keys(),
      { ...keys(), aws_session_token: 't' },
      { region: 'eu-west-1' },
      { sso_session: 'corp' },
      { credential_process: 'roledeck credential-process x' },
      { role_arn: ROLE_ARN, credential_source: 'Environment' },
      { aws_access_key_id: 'bad', aws_secret_access_key: 'bad' },
    );
    const profileName = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const section = fc.oneof(value, profileName.map((source) => role(source)));
    fc.assert(
      fc.property(
        fc.dictionary(profileName, section, { maxKeys: 6 }),
        fc.subarray(['a', 'b', 'c']),
        fc.boolean(),
        (profiles, existing, moveKeys) => {
          const result = plan(profiles, { moveKeys }, existing);
          const accounted = [...names(result), ...result.skipped.map((entry) => entry.name)].sort();
          expect(accounted).toEqual(Object.keys(profiles).sort());
          expect([...result.secrets.keys()].sort()).toEqual(
            result.create.filter((profile) => profile.kind === 'iam-user').map((profile) => profile.name).sort(),
          );
          for (const profile of result.create) {
            expect(existing).not.toContain(profile.name);
            if (profile.kind === 'role') {
              expect(profile.sourceIsExisting ? existing.includes(profile.source) : names(result).includes(profile.source)).toBe(true);
            }
          }
          if (!moveKeys) expect(result.secrets.size).toBe(0);
        },
      ),
    );
  });

  it('produces profiles the add-profile inputs accept once the source is mapped', () => {
    const result = plan({ consultant: keys(), acme: role('consultant', { external_id: 'test-id-5678' }) });
    for (const profile of result.create) {
      if (profile.kind === 'iam-user') {
        const { kind: _kind, ...fields } = profile;
        const input: AddUserInput = { ...fields, secretAccessKey: result.secrets.get(profile.name)! };
        expect(input.accessKeyId).toBe(KEY_ID);
      } else {
        const { kind: _kind, sourceIsExisting: _existing, chain: _chain, ...fields } = profile;
        const input: AddRoleInput = fields;
        expect(input.source).toBe('consultant');
      }
    }
  });
});
