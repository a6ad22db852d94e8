import { z } from 'zod';
import { parseRoleArn, RoleArnSchema } from '../domain/aws-rules';

/**
 * An installation can restrict which role names it accepts (the customer setup walkthrough:
 * "the application can reject any role that is not called e.g. ExampleRoleName"). Settings hold a
 * list of role names or patterns with `*` as a wildcard; an empty list accepts every role.
 *
 * Matching is on the role name only (not the path, not the account) and is case-sensitive: IAM
 * treats role names as case-insensitive for uniqueness, but an ARN is case-sensitive in policies,
 * so `exampleRoleName` is not taken to mean `ExampleRoleName`.
 */

export const ROLE_ALLOW_LIST_SETTING = 'Settings → Allowed role names';

/** A role name (1–64 of letters, digits and + = , . @ _ -) in which `*` stands for any run of characters. */
export const RoleNamePatternSchema = z
  .string()
  .min(1, 'An allowed role name is 1–64 characters')
  .max(64, 'An allowed role name is 1–64 characters')
  .regex(/^[\w+=,.@*-]+$/, 'An allowed role name may contain only letters, digits, + = , . @ _ - and * as a wildcard');

export const RoleAllowListSchema = z
  .array(RoleNamePatternSchema)
  .max(100, 'At most 100 allowed role names')
  .refine((patterns) => new Set(patterns).size === patterns.length, 'Each allowed role name appears once');
export type RoleAllowList = z.infer<typeof RoleAllowListSchema>;

export type RoleAllowedResult = { ok: true } | { ok: false; message: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `roleName` matches `pattern`. Everything but `*` is literal, so a pattern with characters
 * no role name can hold simply matches nothing (fails closed).
 */
export function roleNameMatches(roleName: string, pattern: string): boolean {
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}$`).test(roleName);
}

export function isRoleNameAllowed(roleName: string, allowList: readonly string[]): boolean {
  return allowList.length === 0 || allowList.some((pattern) => roleNameMatches(roleName, pattern));
}

/** "ExampleRoleName", "ExampleRoleName or Roledeck-*", "A, B or C". */
export function describeRoleAllowList(allowList: readonly string[]): string {
  const quoted = allowList.map((pattern) => `"${pattern}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Checks a role ARN against the installation's allow-list; the message says what to change. */
export function checkRoleAllowed(roleArn: string, allowList: readonly string[]): RoleAllowedResult {
  const arn = RoleArnSchema.safeParse(roleArn);
  const parsed = arn.success ? parseRoleArn(arn.data) : null;
  if (!parsed) {
    return { ok: false, message: arn.error?.issues[0]?.message ?? 'not a role ARN' };
  }
  return checkRoleNameAllowed(parsed.roleName, allowList);
}

/** Checks a bare role name (one not created yet, as in the customer setup) against the allow-list. */
export function checkRoleNameAllowed(roleName: string, allowList: readonly string[]): RoleAllowedResult {
  if (isRoleNameAllowed(roleName, allowList)) return { ok: true };

  const differsInCase = allowList.some((pattern) => roleNameMatches(roleName.toLowerCase(), pattern.toLowerCase()));
  const caseHint = differsInCase ? ' Role names here are case-sensitive, as in ARNs: check the spelling.' : '';
  return {
    ok: false,
    message:
      `The role "${roleName}" is not allowed: this installation accepts only roles named ` +
      `${describeRoleAllowList(allowList)}.${caseHint} To accept it, add it in ${ROLE_ALLOW_LIST_SETTING}.`,
  };
}
