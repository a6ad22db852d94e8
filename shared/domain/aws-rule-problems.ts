import { characterName, countOf, firstRefused, quoted, refusedCharacter } from './rule-message';

/**
 * What is wrong with a value, field by field, for the refusals of `aws-rules.ts`. Each function
 * returns null when it finds nothing; the schemas decide validity with their own patterns and ask
 * here only for the words, so a message can never let a value through or turn one away.
 * Sources: IAM identifiers reference (names, paths, ARNs), STS AssumeRole and GetSessionToken
 * API references (ExternalId, RoleSessionName, SourceIdentity, DurationSeconds, SerialNumber,
 * Tags).
 */

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

export const ROLE_ARN_EXAMPLE = 'arn:aws:iam::123456789012:role/RoleName';
export const MFA_ARN_EXAMPLE = 'arn:aws:iam::123456789012:mfa/name';

/** The alphabets as they read in messages and hints. */
export const NAME_ALPHABET = 'letters, digits and + = , . @ _ -';
export const EXTERNAL_ID_ALPHABET = 'letters, digits and + = , . @ : / _ -';
export const MFA_SERIAL_ALPHABET = 'letters, digits and + = / : , . @ _ -';
export const TAG_ALPHABET = 'letters, digits, spaces and _ . : / = + - @';

const NAME_CHARACTER = /^[\w+=,.@-]$/;
const EXTERNAL_ID_CHARACTER = /^[\w+=,.@:/-]$/;
const MFA_NAME_CHARACTER = /^[\w+=,.@/-]$/;
const MFA_SERIAL_CHARACTER = /^[\w+=/:,.@-]$/;
const TAG_CHARACTER = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
const PATH_CHARACTER = /^[\u0021-\u007e]$/;

/** Length and alphabet of a plain string field (ExternalId, session name …), in that order. */
function textProblem(value: string, rule: { what: string; min: number; max: number; character: RegExp; alphabet: string; where?: string }): string | null {
  const length = Array.from(value).length;
  const range = `${rule.min.toLocaleString('en-US')} to ${rule.max.toLocaleString('en-US')}`;
  if (length === 0) return `${rule.what} is empty; it needs ${range} characters`;
  if (length < rule.min) return `${rule.what} has ${countOf(length, 'character')}; it needs ${range}`;
  if (length > rule.max) return `${rule.what} has ${countOf(length, 'character')}; AWS allows at most ${rule.max.toLocaleString('en-US')}`;
  const refused = firstRefused(value, rule.character);
  return refused === undefined ? null : refusedCharacter(refused, rule.alphabet, rule.where ? { where: rule.where } : {});
}

export function accountIdProblem(value: string, what = 'The account ID'): string | null {
  if (/^\d{12}$/.test(value)) return null;
  if (value === '') return `${what} is missing; it is 12 digits`;
  const digits = value.replace(/[\s-]/g, '');
  if (/^\d{12}$/.test(digits)) return `Write ${what.replace(/^The/, 'the')} as 12 digits without dashes or spaces: ${digits}`;
  const refused = firstRefused(value, /^\d$/);
  if (refused !== undefined) return `${characterName(refused)} is not allowed in ${what.replace(/^The/, 'the')}; it is 12 digits`;
  return `${what} has ${countOf(value.length, 'digit')}; it needs 12`;
}

export function roleNameProblem(value: string, where?: 'in an ARN'): string | null {
  if (where && value === '') return 'The role name is missing after role/';
  if (!where && value.includes('/')) return 'A slash is not allowed in a role name: for a role with a path, give its ARN';
  return textProblem(value, { what: 'The role name', min: 1, max: 64, character: NAME_CHARACTER, alphabet: NAME_ALPHABET, ...(where ? { where: 'the role name' } : {}) });
}

interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

function arnParts(value: string): ArnParts | null {
  const parts = value.split(':');
  if (parts.length < 6) return null;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

const RESOURCE_NAMES: Record<string, string> = {
  role: 'a role',
  user: 'an IAM user',
  group: 'a group',
  policy: 'a policy',
  mfa: 'an MFA device',
  u2f: 'a security key',
  'instance-profile': 'an instance profile',
  'assumed-role': 'a role session',
};

/** Partition, service, region and account of an IAM ARN: the parts a role ARN and a device ARN share. */
function iamArnProblem(parts: ArnParts, what: string): string | null {
  if (!(PARTITIONS as readonly string[]).includes(parts.partition)) {
    return `The partition ${quoted(parts.partition)} does not exist: use aws, aws-cn or aws-us-gov`;
  }
  if (parts.service !== 'iam') return `The service is ${quoted(parts.service)}; ${what} has iam (arn:${parts.partition}:iam::…)`;
  if (parts.region !== '') return `${what.replace(/^a/, 'A')} has no region (IAM is global): remove ${quoted(parts.region)}`;
  return accountIdProblem(parts.account, 'The account ID');
}

export function roleArnProblem(value: string): string | null {
  if (value === '') return `The role ARN is missing; it looks like ${ROLE_ARN_EXAMPLE}`;
  if (!value.startsWith('arn:')) {
    if (/^\d{12}$/.test(value)) return `This is an account ID, not a role ARN: a role ARN looks like arn:aws:iam::${value}:role/RoleName`;
    // Not repeated: a pasted secret access key can look like a role name too.
    if (roleNameProblem(value) === null) return `This is a role name, not an ARN: a role ARN looks like ${ROLE_ARN_EXAMPLE}`;
    return `A role ARN starts with arn:, e.g. ${ROLE_ARN_EXAMPLE}`;
  }
  const parts = arnParts(value);
  if (!parts) return `A role ARN has 6 parts separated by colons; this has ${value.split(':').length}: ${ROLE_ARN_EXAMPLE}`;
  const [kind = '', ...restOfResource] = parts.resource.split('/');
  if (parts.service === 'sts' && kind === 'assumed-role' && restOfResource[0]) {
    return `This is the ARN of a role session; the role's own ARN is arn:${parts.partition}:iam::${parts.account}:role/${restOfResource[0]}`;
  }
  const general = iamArnProblem(parts, 'a role ARN');
  if (general) return general;
  if (kind !== 'role' || restOfResource.length === 0) {
    const known = RESOURCE_NAMES[kind];
    return known && kind !== 'role' ? `This is the ARN of ${known}, not a role: a role ARN has role/ after the account ID` : `After the account ID comes role/ and the role name: ${ROLE_ARN_EXAMPLE}`;
  }
  const name = restOfResource.at(-1) ?? '';
  const path = restOfResource.slice(0, -1);
  if (path.length > 0) {
    const pathText = `/${path.join('/')}/`;
    if (pathText.length > 512) return `The role path has ${countOf(pathText.length, 'character')}; IAM allows at most 512`;
    const refused = firstRefused(pathText, PATH_CHARACTER);
    if (refused !== undefined) return `${characterName(refused)} is not allowed in the role path`;
  }
  return roleNameProblem(name, 'in an ARN');
}

export function externalIdProblem(value: string): string | null {
  return textProblem(value, { what: 'The ExternalId', min: 2, max: 1224, character: EXTERNAL_ID_CHARACTER, alphabet: EXTERNAL_ID_ALPHABET });
}

export function sessionNameProblem(value: string): string | null {
  return textProblem(value, { what: 'The session name', min: 2, max: 64, character: NAME_CHARACTER, alphabet: NAME_ALPHABET });
}

export function sourceIdentityProblem(value: string): string | null {
  if (value.toLowerCase().startsWith('aws:')) return 'A SourceIdentity may not start with aws:, which AWS reserves';
  return textProblem(value, { what: 'The SourceIdentity', min: 2, max: 64, character: NAME_CHARACTER, alphabet: NAME_ALPHABET });
}

/** A duration in whole seconds within [min, max]; `session` names what lasts that long. */
export function durationProblem(value: number, rule: { min: number; max: number; session: string; minText: string; maxText: string }): string | null {
  if (!Number.isFinite(value)) return 'The duration is not a number; give a whole number of seconds, e.g. 3600';
  if (!Number.isInteger(value)) return `The duration is ${value} seconds; give a whole number of seconds`;
  const seconds = countOf(value, 'second');
  if (value < rule.min) return `The duration is ${seconds}; ${rule.session} lasts at least ${rule.min.toLocaleString('en-US')} seconds (${rule.minText})`;
  if (value > rule.max) return `The duration is ${seconds}; ${rule.session} lasts at most ${rule.max.toLocaleString('en-US')} seconds (${rule.maxText})`;
  return null;
}

function mfaArnProblem(value: string): string | null {
  if (value.length > 256) return `The MFA device ARN has ${countOf(value.length, 'character')}; AWS allows at most 256`;
  const parts = arnParts(value);
  if (!parts) return `An MFA device ARN has 6 parts separated by colons: ${MFA_ARN_EXAMPLE}`;
  const general = iamArnProblem(parts, 'an MFA device ARN');
  if (general) return general;
  const slash = parts.resource.indexOf('/');
  const kind = slash < 0 ? parts.resource : parts.resource.slice(0, slash);
  if (kind !== 'mfa' && kind !== 'u2f') {
    const known = RESOURCE_NAMES[kind];
    return `This is the ARN of ${known ?? 'something else'}, not an MFA device: a device ARN has mfa/ after the account ID (${MFA_ARN_EXAMPLE})`;
  }
  const name = slash < 0 ? '' : parts.resource.slice(slash + 1);
  if (name === '') return `The device name is missing after ${kind}/`;
  const refused = firstRefused(name, MFA_NAME_CHARACTER);
  return refused === undefined ? null : refusedCharacter(refused, 'letters, digits and + = , . @ / _ -', { where: 'the device name' });
}

export function mfaSerialProblem(value: string): string | null {
  if (value === '') return `The MFA device is missing: give its ARN (${MFA_ARN_EXAMPLE}) or a hardware serial`;
  if (value.startsWith('arn:')) return mfaArnProblem(value);
  // Never repeat the value: it may be a one-time code typed into the wrong field.
  if (/^\d{6}$/.test(value)) return `This looks like a 6-digit MFA code; give the device instead: its ARN (${MFA_ARN_EXAMPLE}) or a hardware serial`;
  const length = Array.from(value).length;
  if (length < 9 || length > 256) return `A hardware MFA serial has 9 to 256 characters, this has ${length.toLocaleString('en-US')}; a virtual device is given by its ARN (${MFA_ARN_EXAMPLE})`;
  const refused = firstRefused(value, MFA_SERIAL_CHARACTER);
  return refused === undefined ? null : refusedCharacter(refused, MFA_SERIAL_ALPHABET);
}

export function regionProblem(value: string): string | null {
  const region = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
  if (region.test(value)) return null;
  if (value === '') return 'The region is missing; a region looks like eu-west-1';
  if (region.test(value.toLowerCase())) return `A region is written in lower case: ${value.toLowerCase()}`;
  const refused = firstRefused(value, /^[A-Za-z0-9-]$/);
  if (refused !== undefined) return `${characterName(refused)} is not allowed in a region; a region looks like eu-west-1`;
  if (/^[a-z]{2}(-[a-z]+)+-\d{1,2}[a-z]$/.test(value)) return `${quoted(value)} is an Availability Zone; its region is ${value.slice(0, -1)}`;
  if (/^[a-z]{2}(-[a-z]+)+$/.test(value)) return `The region needs its number at the end, e.g. ${value}-1`;
  return `${quoted(value)} is not a region code; a region looks like eu-west-1`;
}

export function tagProblem(tag: { key: string; value: string }): { field: 'key' | 'value'; message: string } | null {
  const key = tag.key;
  const length = Array.from(key).length;
  if (key.toLowerCase().startsWith('aws:')) return { field: 'key', message: `The tag key ${quoted(key)} starts with aws:, which AWS reserves` };
  if (length === 0) return { field: 'key', message: 'A tag key is empty; it needs 1 to 128 characters' };
  if (length > 128) return { field: 'key', message: `The tag key ${quoted(key)} has ${countOf(length, 'character')}; AWS allows at most 128` };
  const refusedInKey = firstRefused(key, TAG_CHARACTER);
  if (refusedInKey !== undefined) return { field: 'key', message: refusedCharacter(refusedInKey, TAG_ALPHABET, { where: `the tag key ${quoted(key)}`, asciiLetters: false }) };
  const valueLength = Array.from(tag.value).length;
  if (valueLength > 256) return { field: 'value', message: `The value of tag ${quoted(key)} has ${countOf(valueLength, 'character')}; AWS allows at most 256` };
  const refusedInValue = firstRefused(tag.value, TAG_CHARACTER);
  if (refusedInValue !== undefined) return { field: 'value', message: refusedCharacter(refusedInValue, TAG_ALPHABET, { where: `the value of tag ${quoted(key)}`, asciiLetters: false }) };
  return null;
}

/** STS refuses "Project" and "project" in one request: tag keys are case-insensitive. */
export function tagListProblem(tags: readonly { key: string }[]): string | null {
  if (tags.length > 50) return `There are ${tags.length} session tags; AssumeRole takes at most 50`;
  const seen = new Map<string, string>();
  for (const { key } of tags) {
    const earlier = seen.get(key.toLowerCase());
    if (earlier !== undefined) {
      return earlier === key
        ? `The tag key ${quoted(key)} appears twice; give each key once`
        : `The tag keys ${quoted(earlier)} and ${quoted(key)} differ only in case; STS treats them as one key`;
    }
    seen.set(key.toLowerCase(), key);
  }
  return null;
}

export function accessKeyIdProblem(value: string): string | null {
  if (/^AKIA[A-Z0-9]{12,124}$/.test(value)) return null;
  if (value === '') return 'The access key ID is missing; it starts with AKIA';
  if (/^ASIA/i.test(value)) return 'This is a temporary access key (ASIA…), which expires and needs a session token; an IAM user’s key starts with AKIA';
  if (/^AKIA[A-Z0-9]{12,124}$/.test(value.toUpperCase())) return 'An access key ID is written in capital letters; it starts with AKIA';
  if (/^[A-Za-z0-9/+=]{40}$/.test(value) && /[a-z/+]/.test(value)) return 'This looks like a secret access key; the access key ID is the one that starts with AKIA';
  const refused = firstRefused(value, /^[A-Za-z0-9]$/);
  if (refused !== undefined) return `${characterName(refused)} is not allowed; an access key ID starts with AKIA and has 16 to 128 capital letters and digits`;
  return 'An access key ID starts with AKIA and has 16 to 128 capital letters and digits';
}

/** Never repeats any part of the value: it is a secret. */
export function secretAccessKeyProblem(value: string): string | null {
  if (/^[A-Za-z0-9/+=]{40}$/.test(value)) return null;
  const refused = firstRefused(value, /^[A-Za-z0-9/+=]$/);
  if (refused !== undefined) {
    const what = /\s/.test(refused) ? `${characterName(refused).replace(/^A/, 'a')} in it` : 'a character that is not allowed';
    return `The secret access key has ${what}; it is 40 characters of letters, digits and / + =`;
  }
  return `The secret access key has ${countOf(value.length, 'character')}; it needs 40 (letters, digits and / + =)`;
}
