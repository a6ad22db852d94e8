import { POLICY_VERSIONS, type PolicyIssue, type PolicyKind } from '../../domain/iam-policy';
import { checkConditionOperator } from './condition-operators';

/**
 * IAM's policy grammar ("Grammar of the IAM JSON policy language" and the element references),
 * checked on a parsed document before IAM sees it, so a customer never pastes a policy that the
 * console refuses. Every issue names the statement (number and Sid) and the field that breaks the
 * grammar. Pure; knows nothing of where the policy came from.
 */

const TOP_LEVEL = ['Version', 'Id', 'Statement'];
const STATEMENT_FIELDS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
/** `service:Action`, wildcards allowed in the action part (IAM JSON policy elements: Action). */
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;
/** The Sid element supports ASCII letters and digits only (IAM JSON policy elements: Sid). */
const SID = /^[A-Za-z0-9]*$/;
const PARTITION = /^(aws(-[a-z]+)*|[a-z-]*[*?][a-z*?-]*)$/;
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws(-[a-z]+)*:(iam::\d{12}:(root|(user|role|federated-user)\/.+)|sts::\d{12}:assumed-role\/.+))$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** A hint when only the case differs from an element IAM knows ("effect" → "Effect"). */
function caseHint(name: string, known: readonly string[]): string {
  const match = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return match ? ` (did you mean "${match}"? element names are case-sensitive)` : '';
}

/** Why `value` is not an ARN IAM accepts in a Resource element, or null when it is fine. */
export function arnProblem(value: string): string | null {
  if (value === '*') return null;
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    return `${quote(value)} is not an ARN: write arn:partition:service:region:account:resource, or * for every resource`;
  }
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITION.test(partition)) return `${quote(value)} has the partition "${partition}": it is aws, aws-cn or aws-us-gov`;
  if (!/^[a-z0-9*?-]+$/.test(service)) return `${quote(value)} names no service (arn:partition:service:…)`;
  if (!/^[a-z0-9*?-]*$/.test(region) && !region.includes('${')) return `${quote(value)} has the region "${region}", which is not a region code`;
  if (/^\d+$/.test(account) && account.length !== 12) {
    return `${quote(value)} has the account "${account}" with ${account.length} digits; an account ID has 12`;
  }
  if (!/^(|aws|[0-9*?]+)$/.test(account) && !account.includes('${')) return `${quote(value)} has the account "${account}", which is not an account ID`;
  if (resource.length === 0) return `${quote(value)} ends without a resource after the account`;
  return null;
}

class StatementChecker {
  readonly issues: PolicyIssue[] = [];
  private readonly label: string;
  private readonly sid: string | undefined;

  constructor(private readonly index: number, private readonly statement: Json, private readonly kind: PolicyKind) {
    this.sid = typeof statement.Sid === 'string' ? statement.Sid : undefined;
    this.label = `Statement ${index + 1}${this.sid ? ` (Sid "${this.sid}")` : ''}`;
  }

  error(field: string, message: string, severity: PolicyIssue['severity'] = 'error'): void {
    this.issues.push({
      severity,
      path: `Statement[${this.index}].${field}`,
      statementIndex: this.index,
      ...(this.sid ? { sid: this.sid } : {}),
      field,
      message: `${this.label}, ${field}: ${message}`,
    });
  }

  check(): void {
    for (const key of Object.keys(this.statement)) {
      if (!STATEMENT_FIELDS.includes(key)) this.error(key, `a statement has no element "${key}"${caseHint(key, STATEMENT_FIELDS)}`);
    }
    this.checkSid();
    this.checkEffect();
    this.checkAction();
    this.checkPrincipal();
    this.checkResource();
    if ('Condition' in this.statement) this.checkCondition(this.statement.Condition);
  }

  private checkSid(): void {
    if (!('Sid' in this.statement)) return;
    const sid = this.statement.Sid;
    if (typeof sid !== 'string') this.error('Sid', 'a Sid is a string');
    else if (!SID.test(sid)) this.error('Sid', `${quote(sid)} may contain only ASCII letters and digits`);
  }

  private checkEffect(): void {
    const effect = this.statement.Effect;
    if (effect === undefined) return this.error('Effect', 'every statement needs "Effect": "Allow" or "Deny"');
    if (effect !== 'Allow' && effect !== 'Deny') {
      const hint = typeof effect === 'string' && /^(allow|deny)$/i.test(effect) ? ' (the case matters)' : '';
      this.error('Effect', `${quote(effect)} is not "Allow" or "Deny"${hint}`);
    }
  }

  /** Exactly one of `field` / `notField`; returns the one present. */
  private exactlyOne(field: string, notField: string, required: boolean): string | undefined {
    const has = field in this.statement;
    const hasNot = notField in this.statement;
    if (has && hasNot) this.error(field, `a statement has ${field} or ${notField}, not both`);
    else if (!has && !hasNot && required) this.error(field, `every statement needs ${field} (or ${notField})`);
    return has ? field : hasNot ? notField : undefined;
  }

  /** A string or a non-empty list of strings; each one checked by `problem`. */
  private strings(field: string, value: unknown, problem: (item: string) => string | null): void {
    const items = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && value.length === 0) return this.error(field, 'the list is empty');
    for (const item of items) {
      if (typeof item !== 'string') {
        this.error(field, `${quote(item)} is not a string`);
        continue;
      }
      const message = problem(item);
      if (message) this.error(field, message);
    }
  }

  private checkAction(): void {
    const field = this.exactlyOne('Action', 'NotAction', true);
    if (!field) return;
    this.strings(field, this.statement[field], (action) =>
      action === '*' || ACTION.test(action) ? null : `${quote(action)} is not an action: write service:Action, e.g. s3:GetObject (wildcards * and ? allowed)`,
    );
  }

  private checkPrincipal(): void {
    if (this.kind === 'identity') {
      for (const field of ['Principal', 'NotPrincipal']) {
        if (field in this.statement) {
          this.error(field, 'a permissions policy attached to a role names no principal: who may assume the role belongs in its trust policy');
        }
      }
      return;
    }
    const field = this.exactlyOne('Principal', 'NotPrincipal', true);
    if (!field) return;
    const principal = this.statement[field];
    if (principal === '*') return this.error(field, '"*" lets any AWS account assume the role if it knows the ExternalId: name the account or user instead', 'warning');
    if (!isObject(principal)) return this.error(field, 'a principal is "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}');
    for (const [type, value] of Object.entries(principal)) {
      if (!PRINCIPAL_TYPES.includes(type)) {
        this.error(field, `"${type}" is not a principal type (AWS, Service, Federated or CanonicalUser)${caseHint(type, PRINCIPAL_TYPES)}`);
        continue;
      }
      this.strings(field, value, (item) =>
        type !== 'AWS' || AWS_PRINCIPAL.test(item)
          ? null
          : `${quote(item)} is not an AWS principal: write an account ID, arn:aws:iam::123456789012:root, or a user or role ARN`,
      );
    }
  }

  private checkResource(): void {
    if (this.kind === 'trust') {
      for (const field of ['Resource', 'NotResource']) {
        if (field in this.statement) this.error(field, 'a trust policy takes no Resource: the role it is attached to is the resource');
      }
      return;
    }
    const field = this.exactlyOne('Resource', 'NotResource', true);
    if (field) this.strings(field, this.statement[field], arnProblem);
  }

  private checkCondition(condition: unknown): void {
    if (!isObject(condition)) return this.error('Condition', 'a Condition is an object: {"Operator": {"key": "value"}}');
    for (const [operator, block] of Object.entries(condition)) {
      const check = checkConditionOperator(operator);
      if (!check.ok) this.error('Condition', check.message);
      if (!isObject(block) || Object.keys(block).length === 0) {
        this.error('Condition', `${operator} needs an object of condition keys and values, e.g. {"aws:SourceIp": "203.0.113.0/24"}`);
        continue;
      }
      for (const [key, value] of Object.entries(block)) {
        const values = Array.isArray(value) ? value : [value];
        const scalar = (item: unknown) => ['string', 'number', 'boolean'].includes(typeof item);
        if (key.trim() === '') this.error('Condition', `${operator} has an empty condition key`);
        if ((Array.isArray(value) && value.length === 0) || !values.every(scalar)) {
          this.error('Condition', `${operator} → ${quote(key)}: a condition value is a string, number or boolean, or a non-empty list of them`);
        }
      }
    }
  }
}

/**
 * Checks a parsed policy against IAM's grammar for `kind`. Errors mean IAM would refuse it;
 * warnings mean IAM accepts it but it probably does not do what was meant.
 */
export function checkPolicyGrammar(document: unknown, kind: PolicyKind): PolicyIssue[] {
  if (!isObject(document)) {
    return [{ severity: 'error', path: '', message: 'A policy is a JSON object: {"Version": "2012-10-17", "Statement": [ … ]}' }];
  }
  const issues: PolicyIssue[] = [];
  const top = (field: string, message: string, severity: PolicyIssue['severity'] = 'error') =>
    issues.push({ severity, path: field, field, message });

  for (const key of Object.keys(document)) {
    if (!TOP_LEVEL.includes(key)) top(key, `A policy has no top-level element "${key}"${caseHint(key, TOP_LEVEL)}: only Version, Id and Statement`);
  }
  if (!('Version' in document)) {
    top('Version', 'The policy has no Version, so IAM reads it as 2008-10-17, where policy variables such as ${aws:username} stay plain text: add "Version": "2012-10-17"', 'warning');
  } else if (!(POLICY_VERSIONS as readonly unknown[]).includes(document.Version)) {
    top('Version', `Version ${quote(document.Version)} is not one IAM knows: use "2012-10-17" (or the older "2008-10-17")`);
  }
  if ('Id' in document && typeof document.Id !== 'string') top('Id', 'Id is a string');

  const statement = document.Statement;
  if (statement === undefined) {
    top('Statement', 'The policy has no Statement');
    return issues;
  }
  const statements = Array.isArray(statement) ? statement : [statement];
  if (statements.length === 0) top('Statement', 'Statement is an empty list: a policy needs at least one statement');
  const sids = new Map<string, number>();
  statements.forEach((entry, index) => {
    if (!isObject(entry)) {
      issues.push({ severity: 'error', path: `Statement[${index}]`, statementIndex: index, message: `Statement ${index + 1} is not an object` });
      return;
    }
    const checker = new StatementChecker(index, entry, kind);
    checker.check();
    if (typeof entry.Sid === 'string' && entry.Sid !== '') {
      const first = sids.get(entry.Sid);
      if (first !== undefined) checker.error('Sid', `Statement ${first + 1} has the same Sid; in IAM each Sid is unique within a policy`);
      else sids.set(entry.Sid, index);
    }
    issues.push(...checker.issues);
  });
  return issues;
}
