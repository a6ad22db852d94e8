import { z } from 'zod';

/**
 * AWS's own input rules, each with a message that names the rule. Sources: STS AssumeRole and
 * GetSessionToken API references, IAM identifiers reference.
 */

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

export const AccountIdSchema = z.string().regex(/^\d{12}$/, 'an AWS account ID is exactly 12 digits');

/** IAM role names: 1–64 of letters, digits and +=,.@_- (paths are part of the ARN, not the name). */
export const RoleNameSchema = z
  .string()
  .min(1, 'a role name is 1–64 characters')
  .max(64, 'a role name is 1–64 characters')
  .regex(/^[\w+=,.@-]+$/, 'a role name may contain only letters, digits and + = , . @ _ -');

// The path is `/` or `/…/` of at most 512 characters in all (IAM identifiers reference); the ARN
// carries it without its leading slash, so at most 510 characters and the closing slash here.
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\u0021-\u007e]{1,510}\/)?)([\w+=,.@-]{1,64})$/;

export const RoleArnSchema = z
  .string()
  .regex(ROLE_ARN, 'a role ARN looks like arn:aws:iam::123456789012:role/RoleName (partition aws, aws-cn or aws-us-gov)');

export interface ParsedRoleArn {
  partition: Partition;
  accountId: string;
  path: string;
  roleName: string;
}

export function parseRoleArn(arn: string): ParsedRoleArn | null {
  const match = ROLE_ARN.exec(arn);
  if (!match) return null;
  return { partition: match[1] as Partition, accountId: match[2]!, path: `/${match[3] ?? ''}`, roleName: match[4]! };
}

export function roleArnFor(partition: Partition, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** A virtual MFA device's ARN names the account it belongs to: arn:aws:iam::<account>:mfa/<name>. A hardware serial does not. */
export function accountOfMfaDevice(device: string): string | undefined {
  return /^arn:[\w-]+:iam::(\d{12}):/.exec(device)?.[1];
}

const MFA_SERIAL_RULE =
  'an MFA device is its ARN (arn:aws:iam::123456789012:mfa/name) or a hardware serial of 9–256 characters';

/**
 * MFA device serial (STS SerialNumber, 9–256 characters): a virtual/FIDO device ARN, or a hardware
 * token serial number. Anything starting with `arn:` must be a well-formed device ARN — otherwise a
 * mistyped ARN (11-digit account, a role ARN) would pass as a "hardware serial" and only fail at
 * the first MFA prompt.
 */
export const MfaSerialSchema = z
  .string()
  .max(256, MFA_SERIAL_RULE)
  .regex(/^(arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:(mfa|u2f)\/[\w+=,.@/-]{1,256}|(?!arn:)[\w+=/:,.@-]{9,256})$/, MFA_SERIAL_RULE);

export const ExternalIdSchema = z
  .string()
  .min(2, 'an ExternalId is 2–1224 characters')
  .max(1224, 'an ExternalId is 2–1224 characters')
  .regex(/^[\w+=,.@:/-]+$/, 'an ExternalId may contain only letters, digits and + = , . @ : / _ -');

export const RoleSessionNameSchema = z
  .string()
  .min(2, 'a role session name is 2–64 characters')
  .max(64, 'a role session name is 2–64 characters')
  .regex(/^[\w+=,.@-]+$/, 'a role session name may contain only letters, digits and + = , . @ _ -');

export const SourceIdentitySchema = z
  .string()
  .min(2, 'a SourceIdentity is 2–64 characters')
  .max(64, 'a SourceIdentity is 2–64 characters')
  .regex(/^[\w+=,.@-]+$/, 'a SourceIdentity may contain only letters, digits and + = , . @ _ -')
  .refine((value) => !value.toLowerCase().startsWith('aws:'), 'a SourceIdentity may not start with aws:');

/** AssumeRole DurationSeconds: 900 s to 43,200 s; the role's own maximum may be lower. */
export const RoleDurationSchema = z
  .number()
  .int('a session duration is a whole number of seconds')
  .min(900, 'a role session lasts at least 900 seconds (15 minutes)')
  .max(43200, 'a role session lasts at most 43,200 seconds (12 hours)');

/** AWS caps a session assumed with another role's session (role chaining) at one hour. */
export const CHAINED_ROLE_MAX_SECONDS = 3600;

/** GetSessionToken for an IAM user: 900 s to 129,600 s (36 hours). */
export const SessionTokenDurationSchema = z
  .number()
  .int('a session duration is a whole number of seconds')
  .min(900, 'an MFA session lasts at least 900 seconds (15 minutes)')
  .max(129600, 'an MFA session lasts at most 129,600 seconds (36 hours)');

export const SessionTagSchema = z.object({
  key: z
    .string()
    .min(1, 'a session tag key is 1–128 characters')
    .max(128, 'a session tag key is 1–128 characters')
    .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, 'a session tag key may contain letters, digits, spaces and _ . : / = + - @')
    .refine((key) => !key.toLowerCase().startsWith('aws:'), 'a session tag key may not start with aws:'),
  value: z
    .string()
    .max(256, 'a session tag value is at most 256 characters')
    .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, 'a session tag value may contain letters, digits, spaces and _ . : / = + - @'),
});
/**
 * Session tag keys are case-insensitive: STS refuses "Project" and "project" in one request
 * ("Duplicate tag keys found. Please note that Tag keys are case insensitive.").
 */
export const SessionTagsSchema = z
  .array(SessionTagSchema)
  .max(50, 'AssumeRole takes at most 50 session tags')
  .refine(
    (tags) => new Set(tags.map((tag) => tag.key.toLowerCase())).size === tags.length,
    'session tag keys must differ in more than case: STS treats Project and project as the same key',
  );

/**
 * An IAM user's long-term access key ID: AKIA, 16–128 capital letters and digits in all. Temporary
 * keys (ASIA) only work with their session token and expire, so they are never an IAM user's key.
 */
export const AccessKeyIdSchema = z
  .string()
  .regex(/^AKIA[A-Z0-9]{12,124}$/, 'an access key ID starts with AKIA and has 16–128 capital letters and digits');

/** Secret access keys are 40 base64 characters; the SDKs do not check, so neither too short nor spaced. */
export const SecretAccessKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9/+=]{40}$/, 'a secret access key is 40 characters of letters, digits and / + =');

/** AWS region codes like eu-west-1, us-gov-west-1, cn-north-1. */
export const RegionSchema = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'a region looks like eu-west-1');
