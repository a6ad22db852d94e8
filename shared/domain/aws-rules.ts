import { z } from 'zod';
import {
  accessKeyIdProblem,
  accountIdProblem,
  durationProblem,
  EXTERNAL_ID_ALPHABET,
  externalIdProblem,
  MFA_ARN_EXAMPLE,
  mfaSerialProblem,
  NAME_ALPHABET,
  PARTITIONS,
  regionProblem,
  ROLE_ARN_EXAMPLE,
  roleArnProblem,
  roleNameProblem,
  secretAccessKeyProblem,
  sessionNameProblem,
  sourceIdentityProblem,
  TAG_ALPHABET,
  tagListProblem,
  tagProblem,
  type Partition,
} from './aws-rule-problems';

/**
 * AWS's own input rules. A pattern decides what passes; a refusal says what is wrong with the
 * value given ("The account ID has 11 digits; it needs 12"), worded in `aws-rule-problems.ts`.
 * The same schemas check the forms, the IPC contract, the CLI and the store. Sources: STS
 * AssumeRole and GetSessionToken API references, IAM identifiers reference.
 */

export { PARTITIONS, ROLE_ARN_EXAMPLE, MFA_ARN_EXAMPLE, type Partition };

/** Hints beside a field and in `--help`: the rule as a person reads it. */
export const RULE_HINTS = {
  externalId: `2 to 1,224 characters: ${EXTERNAL_ID_ALPHABET}`,
  sessionName: `2 to 64 characters: ${NAME_ALPHABET}`,
  sourceIdentity: `2 to 64 characters: ${NAME_ALPHABET}; not starting with aws:`,
  roleName: `1 to 64 characters: ${NAME_ALPHABET}`,
  roleArn: `e.g. ${ROLE_ARN_EXAMPLE}`,
  accountId: '12 digits',
  mfaSerial: `its ARN (${MFA_ARN_EXAMPLE}) or a hardware serial`,
  roleDuration: '900 to 43,200 seconds (15 minutes to 12 hours); a role assumed from another role gets at most 3,600',
  region: 'a region code, e.g. eu-west-1',
  tag: `key=value, up to 50; keys of 1 to 128 characters and values of up to 256, of ${TAG_ALPHABET}`,
} as const;

/** Said when a duration field holds something other than a whole number ("3600s", "1e4", "1h"). */
export const DURATION_NOT_WHOLE = 'The duration is not a whole number of seconds; give one, e.g. 3600';

/**
 * A string rule: `pattern` decides; `problem` only words the refusal (the fallback keeps a
 * refusal worded even if the two ever disagree). The pattern runs first, so a valid value — every
 * field of every profile when the store loads — costs one regular expression test.
 */
function stringRule(pattern: RegExp | ((value: string) => boolean), problem: (value: string) => string | null, fallback: string, maxLength: number) {
  const passes = typeof pattern === 'function' ? pattern : (value: string) => pattern.test(value);
  // The maximum bounds what the rule's pattern must look at (and what crosses IPC); a value over
  // it is refused in the rule's own words.
  const tooLong = { error: (issue: { input?: unknown }) => problem(String(issue.input)) ?? fallback };
  return z.string().max(maxLength, tooLong).superRefine((value, context) => {
    if (!passes(value)) context.addIssue({ code: 'custom', message: problem(value) ?? fallback, input: value });
  });
}

export const AccountIdSchema = stringRule(/^\d{12}$/, (value) => accountIdProblem(value), 'An AWS account ID is exactly 12 digits', 12);

/** IAM role names: 1–64 of letters, digits and +=,.@_- (paths are part of the ARN, not the name). */
export const RoleNameSchema = stringRule(/^[\w+=,.@-]{1,64}$/, (value) => roleNameProblem(value), `A role name is ${RULE_HINTS.roleName}`, 64);

// The path is `/` or `/…/` of at most 512 characters in all (IAM identifiers reference); the ARN
// carries it without its leading slash, so at most 510 characters and the closing slash here.
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\u0021-\u007e]{1,510}\/)?)([\w+=,.@-]{1,64})$/;

export const RoleArnSchema = stringRule(ROLE_ARN, roleArnProblem, `A role ARN looks like ${ROLE_ARN_EXAMPLE}`, 2048);

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

/**
 * MFA device serial (STS SerialNumber, 9–256 characters): a virtual/FIDO device ARN, or a hardware
 * token serial number. Anything starting with `arn:` must be a well-formed device ARN — otherwise a
 * mistyped ARN (11-digit account, a role ARN) would pass as a "hardware serial" and only fail at
 * the first MFA prompt.
 */
const MFA_SERIAL = /^(arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:(mfa|u2f)\/[\w+=,.@/-]{1,256}|(?!arn:)[\w+=/:,.@-]{9,256})$/;
export const MfaSerialSchema = stringRule((value) => value.length <= 256 && MFA_SERIAL.test(value), mfaSerialProblem, `An MFA device is ${RULE_HINTS.mfaSerial}`, 256);

export const ExternalIdSchema = stringRule(/^[\w+=,.@:/-]{2,1224}$/, externalIdProblem, `An ExternalId is ${RULE_HINTS.externalId}`, 1224);

export const RoleSessionNameSchema = stringRule(/^[\w+=,.@-]{2,64}$/, sessionNameProblem, `A role session name is ${RULE_HINTS.sessionName}`, 64);

export const SourceIdentitySchema = stringRule(
  (value) => /^[\w+=,.@-]{2,64}$/.test(value) && !value.toLowerCase().startsWith('aws:'),
  sourceIdentityProblem,
  `A SourceIdentity is ${RULE_HINTS.sourceIdentity}`,
  64,
);

function durationRule(rule: { min: number; max: number; session: string; minText: string; maxText: string }) {
  return z.number({ error: () => 'The duration is not a number; give a whole number of seconds, e.g. 3600' }).superRefine((value, context) => {
    const problem = durationProblem(value, rule);
    if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
  });
}

/** AssumeRole DurationSeconds: 900 s to 43,200 s; the role's own maximum may be lower. */
export const RoleDurationSchema = durationRule({ min: 900, max: 43200, session: 'a role session', minText: '15 minutes', maxText: '12 hours' });

/** AWS caps a session assumed with another role's session (role chaining) at one hour. */
export const CHAINED_ROLE_MAX_SECONDS = 3600;

/** GetSessionToken for an IAM user: 900 s to 129,600 s (36 hours). */
export const SessionTokenDurationSchema = durationRule({ min: 900, max: 129600, session: 'an MFA session', minText: '15 minutes', maxText: '36 hours' });

// AWS counts characters (code points), zod UTF-16 units: twice AWS's limit bounds the input
// without ever refusing what AWS accepts; tagProblem words the refusals in between.
const TAG_KEY_TOO_LONG = 'A tag key has more than 128 characters; AWS allows at most 128';
const TAG_VALUE_TOO_LONG = 'A tag value has more than 256 characters; AWS allows at most 256';

/** Session tag keys and values (STS Tag): a refusal is put on the key or the value it is about. */
export const SessionTagSchema = z.object({ key: z.string().max(256, TAG_KEY_TOO_LONG), value: z.string().max(512, TAG_VALUE_TOO_LONG) }).superRefine((tag, context) => {
  const problem = tagProblem(tag);
  if (problem) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message, input: tag[problem.field] });
});

/**
 * Session tag keys are case-insensitive: STS refuses "Project" and "project" in one request
 * ("Duplicate tag keys found. Please note that Tag keys are case insensitive.").
 */
export const SessionTagsSchema = z.array(SessionTagSchema).superRefine((tags, context) => {
  const problem = tagListProblem(tags);
  if (problem) context.addIssue({ code: 'custom', message: problem, input: tags });
});

/**
 * An IAM user's long-term access key ID: AKIA, 16–128 capital letters and digits in all. Temporary
 * keys (ASIA) only work with their session token and expire, so they are never an IAM user's key.
 */
export const AccessKeyIdSchema = stringRule(/^AKIA[A-Z0-9]{12,124}$/, accessKeyIdProblem, 'An access key ID starts with AKIA and has 16 to 128 capital letters and digits', 128);

/** Secret access keys are 40 base64 characters; the SDKs do not check, so neither too short nor spaced. */
export const SecretAccessKeySchema = stringRule(/^[A-Za-z0-9/+=]{40}$/, secretAccessKeyProblem, 'A secret access key is 40 characters of letters, digits and / + =', 128);

/** AWS region codes like eu-west-1, us-gov-west-1, cn-north-1. */
export const RegionSchema = stringRule(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, regionProblem, 'A region looks like eu-west-1', 32);

/** IAM user names: 1–64 of letters, digits and +=,.@_- (IAM identifiers reference). */
export const IamUserNameSchema = z
  .string()
  .min(1, 'An IAM user name is 1–64 characters')
  .max(64, 'An IAM user name is 1–64 characters')
  .regex(/^[\w+=,.@-]+$/, 'An IAM user name may contain only letters, digits and + = , . @ _ -');

/** An IAM path: `/` or `/a/b/`, at most 512 characters of printable ASCII (IAM identifiers reference). */
export const IamPathSchema = z
  .string()
  .max(512, 'An IAM path is at most 512 characters')
  .regex(/^\/(?:[\u0021-\u007e]*\/)?$/, 'An IAM path starts and ends with / (for example /division/), or is just /');

/** A role's MaxSessionDuration (IAM CreateRole): 3,600 s to 43,200 s. */
export const RoleMaxSessionDurationSchema = z
  .number()
  .int('A maximum session duration is a whole number of seconds')
  .min(3600, 'A role’s maximum session duration is at least 3,600 seconds (1 hour)')
  .max(43200, 'A role’s maximum session duration is at most 43,200 seconds (12 hours)');

/** CloudFormation stack names: a letter, then letters, digits and hyphens, 128 characters at most. */
export const StackNameSchema = z
  .string()
  .min(1, 'A stack name is 1–128 characters')
  .max(128, 'A stack name is 1–128 characters')
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'A stack name starts with a letter and contains only letters, digits and hyphens');
