/**
 * IAM's condition operators (IAM JSON policy elements: Condition operators). Any of them but
 * `Null` takes the `IfExists` suffix, and the set operators `ForAllValues:` / `ForAnyValue:`
 * prefix any of them for multivalued keys.
 */
export const BASE_CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

export type ConditionOperatorCheck = { ok: true } | { ok: false; message: string };

const SET_PREFIXES = ['ForAllValues:', 'ForAnyValue:'];
const IF_EXISTS = 'IfExists';
const BASES: ReadonlySet<string> = new Set(BASE_CONDITION_OPERATORS);

/** The operator IAM would have meant, when only the letter case differs ("stringequals"). */
function caseHint(base: string): string {
  const match = BASE_CONDITION_OPERATORS.find((operator) => operator.toLowerCase() === base.toLowerCase());
  return match ? ` (did you mean ${match}? operators are case-sensitive)` : '';
}

export function checkConditionOperator(operator: string): ConditionOperatorCheck {
  const prefix = SET_PREFIXES.find((candidate) => operator.startsWith(candidate)) ?? '';
  let base = operator.slice(prefix.length);
  const ifExists = base.endsWith(IF_EXISTS) && base !== IF_EXISTS;
  if (ifExists) base = base.slice(0, -IF_EXISTS.length);
  if (!BASES.has(base)) {
    const hint = caseHint(base) || (base.endsWith('Equal') ? ` (did you mean ${base}s?)` : '');
    return { ok: false, message: `"${operator}" is not an IAM condition operator${hint}` };
  }
  if (ifExists && base === 'Null') {
    return { ok: false, message: `"${operator}": Null already tests whether the key exists, so it takes no IfExists` };
  }
  return { ok: true };
}
