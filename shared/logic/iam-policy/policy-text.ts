import {
  ROLE_INLINE_POLICIES_MAX_CHARS,
  ROLE_TRUST_POLICY_DEFAULT_MAX_CHARS,
  type PolicyDocument,
  type PolicyIssue,
  type PolicyKind,
} from '../../domain/iam-policy';
import { countPolicyCharacters, describeCharacter, lineColumnAt, scanJson } from './json-syntax';
import { checkPolicyGrammar } from './policy-grammar';

/**
 * A policy as text: what a person pastes (custom permissions) and what Roledeck hands out. One
 * check covers JSON syntax (with line and column), IAM's character set, IAM's grammar and IAM's
 * size limit, so the message a user sees is the first thing IAM itself would refuse.
 */

export interface PolicyTextCheck {
  /** No errors (warnings allowed). */
  ok: boolean;
  /** The parsed document when the text is valid JSON. */
  document?: unknown;
  issues: PolicyIssue[];
  /** Characters IAM counts against its limits (white space between tokens not counted). */
  characters: number;
}

/** "Policy documents can contain only … tab, line feed, carriage return, and U+0020 to U+00FF" (IAM quotas). */
const OUTSIDE_IAM_CHARACTERS = /[^\t\n\r\u0020-\u00ff]/;

const DEFAULT_LIMIT: Record<PolicyKind, number> = {
  identity: ROLE_INLINE_POLICIES_MAX_CHARS,
  trust: ROLE_TRUST_POLICY_DEFAULT_MAX_CHARS,
};

function at(text: string, position: number): { line: number; column: number; where: string } {
  const { line, column } = lineColumnAt(text, position);
  return { line, column, where: `line ${line}, column ${column}` };
}

/** The policy as people read it: two-space indented JSON. */
export function policyJson(document: PolicyDocument): string {
  return JSON.stringify(document, null, 2);
}

/** Characters IAM counts for a document Roledeck built (its compact JSON has no white space). */
export function policyCharacters(document: PolicyDocument): number {
  return JSON.stringify(document).length;
}

/** "10,240": grouping that reads the same in every locale the UI runs in. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function sizeIssue(characters: number, kind: PolicyKind, limit = DEFAULT_LIMIT[kind]): PolicyIssue | null {
  if (characters <= limit) return null;
  const what =
    kind === 'identity'
      ? `a role’s inline policies may have ${formatCount(limit)} together`
      : `a role trust policy may have ${formatCount(limit)} unless the account’s quota was raised`;
  const fix =
    kind === 'identity'
      ? 'Shorten it: use wildcards (s3:Get*), merge statements that share a Resource, or attach AWS managed policies instead.'
      : 'Shorten it: fewer principals or conditions.';
  return {
    severity: 'error',
    path: '',
    message: `The policy has ${formatCount(characters)} characters (white space not counted); ${what}. ${fix}`,
  };
}

/**
 * Checks policy text for `kind`. `maxCharacters` is what is left of the limit (a role's inline
 * policies share 10,240 characters).
 */
export function checkPolicyText(text: string, kind: PolicyKind, maxCharacters?: number): PolicyTextCheck {
  const characters = countPolicyCharacters(text);
  if (text.trim() === '') {
    return { ok: false, issues: [{ severity: 'error', path: '', message: 'The policy is empty: paste the policy JSON' }], characters };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // JSON.parse says whether the text is JSON; the scanner says where and why it is not.
    const scanned = scanJson(text).error ?? { position: text.length, message: 'the text is not valid JSON' };
    const place = at(text, scanned.position);
    return {
      ok: false,
      issues: [{ severity: 'error', path: '', line: place.line, column: place.column, message: `The policy is not valid JSON at ${place.where}: ${scanned.message}${/[.?!]$/.test(scanned.message) ? '' : '.'}` }],
      characters,
    };
  }

  const issues: PolicyIssue[] = [];
  const outside = OUTSIDE_IAM_CHARACTERS.exec(text);
  if (outside) {
    const place = at(text, outside.index);
    issues.push({
      severity: 'error',
      path: '',
      line: place.line,
      column: place.column,
      message: `The policy contains ${describeCharacter(outside[0])} at ${place.where}: IAM accepts only tab, line breaks and characters U+0020–U+00FF (no typographic quotes or dashes).`,
    });
  }
  for (const duplicate of scanJson(text).duplicates) {
    const place = at(text, duplicate.position);
    issues.push({
      severity: 'warning',
      path: '',
      line: place.line,
      column: place.column,
      message: `"${duplicate.key}" appears twice in one object at ${place.where}: only the last one counts. Merge them.`,
    });
  }
  issues.push(...checkPolicyGrammar(document, kind));
  const size = sizeIssue(characters, kind, maxCharacters);
  if (size) issues.push(size);
  return { ok: issues.every((issue) => issue.severity !== 'error'), document, issues, characters };
}
