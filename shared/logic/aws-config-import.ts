import type { z } from 'zod';
import {
  AccessKeyIdSchema,
  CHAINED_ROLE_MAX_SECONDS,
  DURATION_NOT_WHOLE,
  ExternalIdSchema,
  MfaSerialSchema,
  RegionSchema,
  RoleArnSchema,
  RoleDurationSchema,
  RoleSessionNameSchema,
  SecretAccessKeySchema,
} from '../domain/aws-rules';
import { ProfileNameSchema } from '../domain/profile';
import { fieldMessage } from '../domain/rule-message';
import { maskKeyId } from './redact';
import { checkRoleAllowed } from './role-allow-list';
import { isRoledeckCommand } from './roledeck-command';

/**
 * Plans an import of `~/.aws` profiles into Roledeck without touching anything: the reader hands
 * over the profiles exactly as the AWS SDKs merge them, this decides what becomes an IAM user, what
 * becomes a role, and why everything else is left alone. The ProfileService applies the plan.
 *
 * What counts as which kind of profile follows the AWS SDK for JavaScript v3
 * (@aws-sdk/credential-provider-ini, resolveProfileData): a profile is a role when it has
 * role_arn and exactly one of source_profile / credential_source; otherwise static keys win, then
 * web identity, credential_process, SSO and `aws login`.
 */

/** One profile's keys and values, config and credentials merged (credentials win). */
export type AwsIniSection = Readonly<Record<string, string | undefined>>;
/** Profiles by name, as `electron/node/aws-files` reads them. */
export type AwsIniProfiles = Readonly<Record<string, AwsIniSection>>;

export interface ImportOptions {
  /**
   * The "Copy keys into the keychain" tick (`--move-keys`). The keys are copied: ~/.aws/credentials
   * keeps its plaintext until the user removes it (PlaintextKeysService). Unticked, profiles with static keys stay where they are
   * and are skipped, and so are the roles that use them as their source.
   */
  moveKeys: boolean;
  /** Settings → Allowed role names; absent or empty accepts every role. */
  allowedRoleNames?: readonly string[];
}

export interface ExistingProfiles {
  /** Names of the profiles Roledeck already has. */
  names: ReadonlySet<string>;
}

/** An IAM user to create. Its secret access key is in `ImportPlan.secrets`, never here. */
export interface PlannedUser {
  kind: 'iam-user';
  name: string;
  accessKeyId: string;
  mfaSerial?: string;
  region?: string;
}

/** A role to create, assumed from `source`: an IAM user or a role (a chain), by name. */
export interface PlannedRole {
  kind: 'role';
  name: string;
  source: string;
  /** True when `source` is a profile Roledeck already has rather than one created by this plan. */
  sourceIsExisting: boolean;
  /** Names from the first source up to this role: ['consultant', 'acme-hub', 'acme-prod']. */
  chain: string[];
  roleArn: string;
  externalId?: string;
  mfaSerial?: string;
  sessionName?: string;
  durationSeconds?: number;
  region?: string;
}

export type PlannedProfile = PlannedUser | PlannedRole;

export const SKIP_KINDS = [
  'exists',
  'sso',
  'web-identity',
  'process',
  'roledeck',
  'login',
  'credential-source',
  'temporary',
  'keys-and-role',
  'incomplete',
  'no-credentials',
  'invalid',
  'keys-stay',
  'not-allowed',
  'source-missing',
  'source-skipped',
  'cycle',
] as const;
export type SkipKind = (typeof SKIP_KINDS)[number];

export interface SkippedProfile {
  name: string;
  kind: SkipKind;
  /** For people: what is wrong or unsupported, and what to do if anything. Never holds a secret. */
  reason: string;
}

/** A planned IAM user as the window and the CLI show it: the access key ID masked (AKIA••••MPLE). */
export type PreviewUser = Omit<PlannedUser, 'accessKeyId'> & { accessKeyIdMasked: string };

/** What the import would do, safe to show anywhere: no secret, and access key IDs masked. */
export interface ImportPreview {
  /** In creation order: every source comes before the roles that use it. */
  create: Array<PreviewUser | PlannedRole>;
  skipped: SkippedProfile[];
  summary: string;
}

export interface ImportPlan {
  /** In creation order: every source comes before the roles that use it. */
  create: PlannedProfile[];
  skipped: SkippedProfile[];
  summary: string;
  /**
   * Secret access keys of the IAM users in `create`, by profile name. Kept apart from the
   * profiles; `importPreview` drops them, and masks the key IDs, before a plan leaves the main process.
   */
  secrets: ReadonlyMap<string, string>;
}

export const KEYS_STAY_REASON =
  'static keys stay in ~/.aws/credentials only, unless you tick Copy keys into the keychain';

/** The plan for the renderer and the CLI's output: no secrets, access key IDs masked. */
export function importPreview(plan: ImportPlan): ImportPreview {
  const create = plan.create.map((planned): PreviewUser | PlannedRole => {
    if (planned.kind !== 'iam-user') return planned;
    const { accessKeyId, ...rest } = planned;
    return { ...rest, accessKeyIdMasked: maskKeyId(accessKeyId) };
  });
  return { create, skipped: plan.skipped, summary: plan.summary };
}

type Skip = { kind: SkipKind; reason: string };
type UserCandidate = { type: 'user'; profile: PlannedUser; secret: string };
type RoleCandidate = { type: 'role'; source: string; fields: Omit<PlannedRole, 'source' | 'sourceIsExisting' | 'chain'> };
type Classified = UserCandidate | RoleCandidate | ({ type: 'skip' } & Skip);
type Resolution = { ok: true; role: PlannedRole } | ({ ok: false } & Skip);

const SSO_KEYS = ['sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name'] as const;

export function planImport(profiles: AwsIniProfiles, existing: ExistingProfiles, options: ImportOptions): ImportPlan {
  const sections = new Map<string, AwsIniSection>(Object.entries(profiles));
  const classified = new Map<string, Classified>();
  for (const [name, section] of sections) {
    classified.set(name, classify(name, section, existing, options));
  }

  const resolutions = resolveRoles(classified, existing);

  const create: PlannedProfile[] = [];
  const secrets = new Map<string, string>();
  const skipped: SkippedProfile[] = [];
  const emitted = new Set<string>();
  const emit = (name: string): void => {
    if (emitted.has(name)) return;
    const entry = classified.get(name);
    if (entry?.type === 'user') {
      emitted.add(name);
      create.push(entry.profile);
      secrets.set(name, entry.secret);
      return;
    }
    const resolution = resolutions.get(name);
    if (resolution?.ok) {
      emitted.add(name);
      if (!resolution.role.sourceIsExisting) emit(resolution.role.source);
      create.push(resolution.role);
    }
  };

  for (const [name, entry] of classified) {
    emit(name);
    if (entry.type === 'skip') skipped.push({ name, kind: entry.kind, reason: entry.reason });
    const resolution = resolutions.get(name);
    if (resolution && !resolution.ok) skipped.push({ name, kind: resolution.kind, reason: resolution.reason });
  }

  return { create, skipped, secrets, summary: summarize(create, skipped) };
}

function has(section: AwsIniSection, key: string): boolean {
  return typeof section[key] === 'string';
}

/** What kind of profile this is, whether Roledeck can hold it, and whether its values follow AWS's rules. */
function classify(name: string, section: AwsIniSection, existing: ExistingProfiles, options: ImportOptions): Classified {
  const value = (key: string): string | undefined => section[key];
  const skip = (kind: SkipKind, reason: string): Classified => ({ type: 'skip', kind, reason });
  const hasKeys = has(section, 'aws_access_key_id') && has(section, 'aws_secret_access_key');

  if (has(section, 'role_arn') && has(section, 'source_profile') && has(section, 'credential_source')) {
    return skip('invalid', 'source_profile and credential_source are both set: a role takes one or the other, and the AWS SDKs use neither');
  }
  const isRole = has(section, 'role_arn') && (has(section, 'source_profile') || has(section, 'credential_source'));
  if (isRole && has(section, 'credential_source')) {
    return skip(
      'credential-source',
      `credential_source ${value('credential_source')} is not supported: Roledeck needs a source profile it manages`,
    );
  }
  if (isRole && hasKeys) {
    return skip(
      'keys-and-role',
      'has both static keys and a role: Roledeck keeps an IAM user and a role as two profiles — split it in two in ~/.aws and import again',
    );
  }
  if (!isRole && hasKeys && has(section, 'aws_session_token')) {
    return skip('temporary', 'has aws_session_token: these are temporary credentials that expire, so there is nothing lasting to import');
  }
  if (!isRole && !hasKeys) {
    const other = classifyOther(section);
    if (other) return skip(other.kind, other.reason);
  }

  if (existing.names.has(name)) return skip('exists', 'already exists in Roledeck');

  const issues: string[] = [];
  const check = <T>(field: string, schema: z.ZodType<T>, input: unknown): T | undefined => {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    issues.push(fieldMessage(field, result.error.issues[0]?.message ?? 'not valid'));
    return undefined;
  };
  const optional = <T>(field: string, schema: z.ZodType<T>): T | undefined =>
    has(section, field) ? check(field, schema, value(field)) : undefined;

  check('profile name', ProfileNameSchema, name);

  if (!isRole) {
    const accessKeyId = check('aws_access_key_id', AccessKeyIdSchema, value('aws_access_key_id'));
    const secret = check('aws_secret_access_key', SecretAccessKeySchema, value('aws_secret_access_key'));
    const mfaSerial = optional('mfa_serial', MfaSerialSchema);
    const region = optional('region', RegionSchema);
    if (issues.length > 0 || accessKeyId === undefined || secret === undefined) return skip('invalid', issues.join('; '));
    if (!options.moveKeys) return skip('keys-stay', KEYS_STAY_REASON);
    const profile: PlannedUser = {
      kind: 'iam-user',
      name,
      accessKeyId,
      ...(mfaSerial !== undefined && { mfaSerial }),
      ...(region !== undefined && { region }),
    };
    return { type: 'user', profile, secret };
  }

  const roleArn = check('role_arn', RoleArnSchema, value('role_arn'));
  const externalId = optional('external_id', ExternalIdSchema);
  const sessionName = optional('role_session_name', RoleSessionNameSchema);
  // The SDKs parseInt() this ("3600s" and "1e4" pass as 3600 and 1); Roledeck reads it strictly so a typo shows.
  const durationText = value('duration_seconds');
  let durationSeconds: number | undefined;
  if (durationText !== undefined && /^\d+$/.test(durationText)) {
    durationSeconds = check('duration_seconds', RoleDurationSchema, Number(durationText));
  } else if (durationText !== undefined) {
    issues.push(fieldMessage('duration_seconds', DURATION_NOT_WHOLE));
  }
  const mfaSerial = optional('mfa_serial', MfaSerialSchema);
  const region = optional('region', RegionSchema);
  if (issues.length > 0 || roleArn === undefined) return skip('invalid', issues.join('; '));

  const allowed = checkRoleAllowed(roleArn, options.allowedRoleNames ?? []);
  if (!allowed.ok) return skip('not-allowed', allowed.message);

  return {
    type: 'role',
    source: value('source_profile') ?? '',
    fields: {
      kind: 'role',
      name,
      roleArn,
      ...(externalId !== undefined && { externalId }),
      ...(mfaSerial !== undefined && { mfaSerial }),
      ...(sessionName !== undefined && { sessionName }),
      ...(durationSeconds !== undefined && { durationSeconds }),
      ...(region !== undefined && { region }),
    },
  };
}

/** Profiles that are neither a role nor static keys: why Roledeck leaves them alone. */
function classifyOther(section: AwsIniSection): Skip | null {
  if (has(section, 'aws_access_key_id') || has(section, 'aws_secret_access_key')) {
    const missing = has(section, 'aws_access_key_id') ? 'aws_secret_access_key' : 'aws_access_key_id';
    return { kind: 'incomplete', reason: `has no ${missing}: static keys need both aws_access_key_id and aws_secret_access_key` };
  }
  if (has(section, 'web_identity_token_file')) {
    return {
      kind: 'web-identity',
      reason: 'web identity profiles (web_identity_token_file) take their token from a file another system renews; Roledeck does not import them',
    };
  }
  const process = section.credential_process;
  if (typeof process === 'string') {
    return isRoledeckCommand(process)
      ? { kind: 'roledeck', reason: 'already served by Roledeck: its credential_process runs roledeck' }
      : { kind: 'process', reason: 'process profiles are run by the AWS CLI; Roledeck does not import them' };
  }
  if (SSO_KEYS.some((key) => has(section, key))) {
    return {
      kind: 'sso',
      reason: 'IAM Identity Center (SSO) profiles sign in through the browser with sso_session or sso_start_url; Roledeck does not import them',
    };
  }
  if (has(section, 'login_session')) {
    return { kind: 'login', reason: 'aws login profiles (login_session) sign in through the browser; Roledeck does not import them' };
  }
  if (has(section, 'role_arn')) {
    return { kind: 'incomplete', reason: 'role_arn has no source_profile, so the AWS SDKs cannot assume it either' };
  }
  return { kind: 'no-credentials', reason: 'no credentials or role' };
}

/**
 * Follows source_profile links. A role is planned when its chain ends at an IAM user this plan
 * creates, or at a profile Roledeck already has (a ~/.aws profile skipped as "already exists" or
 * "already served by Roledeck" under a name Roledeck knows).
 */
function resolveRoles(classified: ReadonlyMap<string, Classified>, existing: ExistingProfiles): Map<string, Resolution> {
  const resolutions = new Map<string, Resolution>();
  const visiting: string[] = [];

  const resolve = (name: string, candidate: RoleCandidate): Resolution => {
    const known = resolutions.get(name);
    if (known) return known;
    visiting.push(name);
    const result = follow(name, candidate);
    visiting.pop();
    // A loop found deeper down has already marked this profile as part of it.
    const settled = resolutions.get(name) ?? result;
    resolutions.set(name, settled);
    return settled;
  };

  const follow = (name: string, candidate: RoleCandidate): Resolution => {
    const source = candidate.source;
    const planned = (chain: string[], sourceIsExisting: boolean, sourceIsRole: boolean): Resolution => {
      const duration = candidate.fields.durationSeconds;
      if (sourceIsRole && duration !== undefined && duration > CHAINED_ROLE_MAX_SECONDS) {
        return {
          ok: false,
          kind: 'invalid',
          reason: `duration_seconds: its source "${source}" is a role, and AWS caps a role assumed from another role (role chaining) at ${CHAINED_ROLE_MAX_SECONDS.toLocaleString('en-US')} seconds (1 hour)`,
        };
      }
      return { ok: true, role: { ...candidate.fields, source, sourceIsExisting, chain: [...chain, name] } };
    };

    if (source === name) return { ok: false, kind: 'cycle', reason: `source_profile loops: ${name} → ${name}` };
    const entry = classified.get(source);
    if (!entry) {
      return {
        ok: false,
        kind: 'source-missing',
        reason: `source_profile "${source}" is not defined in ~/.aws/config or ~/.aws/credentials`,
      };
    }
    const loopStart = visiting.indexOf(source);
    if (loopStart !== -1) {
      const members = visiting.slice(loopStart);
      const reason = `source_profile loops: ${[...members, source].join(' → ')}`;
      for (const member of members) resolutions.set(member, { ok: false, kind: 'cycle', reason });
      return { ok: false, kind: 'cycle', reason };
    }
    if (entry.type === 'user') return planned([source], false, false);
    if (entry.type === 'role') {
      const upstream = resolve(source, entry);
      if (upstream.ok) return planned(upstream.role.chain, false, true);
      return dependentSkip(source, upstream);
    }
    if ((entry.kind === 'exists' || entry.kind === 'roledeck') && existing.names.has(source)) {
      // Roledeck's own profile of that name; whether it is a role is not known here, so the
      // chained-duration cap is left to the AssumeRole check when the role is saved.
      return planned([source], true, false);
    }
    return dependentSkip(source, entry);
  };

  for (const [name, entry] of classified) {
    if (entry.type === 'role') resolve(name, entry);
  }
  return resolutions;
}

function dependentSkip(source: string, upstream: Skip): Resolution {
  if (upstream.kind === 'keys-stay') {
    // Name the IAM user whose keys stay, however far up the chain it is.
    const reason = upstream.reason === KEYS_STAY_REASON ? `${KEYS_STAY_REASON} (source profile "${source}")` : upstream.reason;
    return { ok: false, kind: 'keys-stay', reason };
  }
  return { ok: false, kind: 'source-skipped', reason: `its source profile "${source}" is not imported: ${upstream.reason}` };
}

const SKIP_LABELS: Record<SkipKind, string> = {
  exists: 'already in Roledeck',
  sso: 'SSO',
  'web-identity': 'web identity',
  process: 'credential_process',
  roledeck: 'already served by Roledeck',
  login: 'aws login',
  'credential-source': 'credential_source',
  temporary: 'temporary credentials',
  'keys-and-role': 'keys and role in one profile',
  incomplete: 'incomplete',
  'no-credentials': 'no credentials or role',
  invalid: 'invalid values',
  'keys-stay': 'static keys left in ~/.aws',
  'not-allowed': 'role name not allowed',
  'source-missing': 'missing source profile',
  'source-skipped': 'source profile not imported',
  cycle: 'source_profile loop',
};

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function summarize(create: readonly PlannedProfile[], skipped: readonly SkippedProfile[]): string {
  const users = create.filter((profile) => profile.kind === 'iam-user').length;
  const roles = create.length - users;
  const sentences: string[] = [];
  if (create.length === 0) {
    sentences.push('Nothing to import.');
  } else {
    const parts = [users > 0 && count(users, 'IAM user'), roles > 0 && count(roles, 'role')].filter(Boolean);
    sentences.push(`Import ${parts.join(' and ')}.`);
    if (users > 0) sentences.push(`The IAM users' secret access keys move into the keychain.`);
  }
  if (skipped.length > 0) {
    const byKind = new Map<SkipKind, number>();
    for (const entry of skipped) byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + 1);
    const details = SKIP_KINDS.filter((kind) => byKind.has(kind)).map((kind) => `${byKind.get(kind)} ${SKIP_LABELS[kind]}`);
    sentences.push(`Skip ${count(skipped.length, 'profile')}: ${details.join(', ')}.`);
  }
  if (skipped.some((entry) => entry.kind === 'keys-stay')) {
    sentences.push('Tick Copy keys into the keychain to import the profiles with static keys and the roles that use them.');
  }
  return sentences.join(' ');
}
