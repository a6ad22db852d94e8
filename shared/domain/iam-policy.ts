/**
 * IAM policy documents as Roledeck builds and checks them. Sources: IAM JSON policy element
 * reference (Version, Statement, Sid, Effect, Principal, Action, Resource, Condition) and "IAM and
 * AWS STS quotas" (character limits): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */

/** JSON as it appears in policies and templates. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;
export type PolicyVersion = (typeof POLICY_VERSIONS)[number];

/** One string or a list of them: how Action, Resource and principal values are written. */
export type OneOrMore = string | string[];

export type ConditionValue = string | number | boolean | Array<string | number | boolean>;
/** Operator (StringEquals, ForAnyValue:StringLike, BoolIfExists …) → condition key → value(s). */
export type PolicyCondition = Record<string, Record<string, ConditionValue>>;

export type PolicyPrincipal = '*' | Partial<Record<'AWS' | 'Service' | 'Federated' | 'CanonicalUser', OneOrMore>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: OneOrMore;
  NotAction?: OneOrMore;
  Resource?: OneOrMore;
  NotResource?: OneOrMore;
  Condition?: PolicyCondition;
}

export interface PolicyDocument {
  /** Always set in what Roledeck builds; a pasted policy may leave it out (IAM then reads 2008-10-17). */
  Version?: PolicyVersion;
  Id?: string;
  Statement: PolicyStatement[];
}

/**
 * Which grammar applies: an identity policy (attached to the role: no Principal, needs a
 * Resource) or a role trust policy (needs a Principal, takes no Resource).
 */
export type PolicyKind = 'identity' | 'trust';

/**
 * IAM's character limits, white space not counted ("IAM doesn't count white space when calculating
 * the size of a policy against these limits", IAM and AWS STS quotas, IAM and STS character limits):
 * - the inline policies of one role together: 10,240 characters;
 * - a role trust policy: 2,048 characters by default (an adjustable quota);
 * - a customer managed policy: 6,144 characters;
 * - the inline policies of one IAM user together: 2,048 characters.
 */
export const ROLE_INLINE_POLICIES_MAX_CHARS = 10_240;
export const ROLE_TRUST_POLICY_DEFAULT_MAX_CHARS = 2_048;
export const MANAGED_POLICY_MAX_CHARS = 6_144;
export const USER_INLINE_POLICIES_MAX_CHARS = 2_048;
/** Managed policies attached to one role: 10 by default (an adjustable quota). */
export const ROLE_MANAGED_POLICIES_DEFAULT_MAX = 10;

/** What is wrong with a policy, and where: a statement (1-based in `message`, 0-based in `statementIndex`) and a field. */
export interface PolicyIssue {
  severity: 'error' | 'warning';
  /** JSON-path-like location, e.g. `Statement[1].Condition`. */
  path: string;
  statementIndex?: number;
  sid?: string;
  field?: string;
  /** Set for JSON syntax problems: 1-based line and column in the text as pasted. */
  line?: number;
  column?: number;
  message: string;
}
