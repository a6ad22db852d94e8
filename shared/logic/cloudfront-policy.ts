import { z } from 'zod';
import { formatEpoch } from './cloudfront-time';

/**
 * CloudFront policy statements. A canned policy is never sent: CloudFront rebuilds it from the
 * request URL and `Expires`, so it allows exactly one URL until one time. Anything more (a
 * wildcard Resource, a start time, an IP range) needs a custom policy, sent base64-encoded in
 * `Policy`. The JSON is written without whitespace and with the keys in the order the AWS SDK
 * writes them, so both produce the same bytes to sign ("Create a signed URL using a canned /
 * custom policy", CloudFront Developer Guide).
 */

export type PolicyKind = 'canned' | 'custom';

export interface PolicyStatement {
  /** Absent only in policies Roledeck did not write: then it covers every file the key may sign. */
  resource?: string;
  expiresAt: number;
  notBefore?: number;
  ipRange?: string;
}

export function policyJson(statement: PolicyStatement): string {
  const condition: Record<string, unknown> = { DateLessThan: { 'AWS:EpochTime': statement.expiresAt } };
  if (statement.notBefore !== undefined) condition.DateGreaterThan = { 'AWS:EpochTime': statement.notBefore };
  if (statement.ipRange !== undefined) condition.IpAddress = { 'AWS:SourceIp': statement.ipRange };
  return JSON.stringify({ Statement: [{ Resource: statement.resource, Condition: condition }] });
}

export interface PolicyChoice {
  kind: PolicyKind;
  /** One sentence for people: why this kind, and what it means for the URL. */
  reason: string;
}

/** Canned when the policy covers exactly the signed URL until one time; custom otherwise, saying why. */
export function choosePolicyKind(options: {
  resource: string;
  wildcard: boolean;
  /** False when the resource is a pattern given apart from the URL(s) being signed. */
  resourceIsUrl: boolean;
  notBefore?: number | undefined;
  ipRange?: string | undefined;
}): PolicyChoice {
  const why: string[] = [];
  if (options.wildcard) why.push(`the resource ${options.resource} has a wildcard, and only a custom policy can cover more than one URL`);
  else if (!options.resourceIsUrl) why.push(`the policy covers ${options.resource}, which only a custom policy can name`);
  if (options.notBefore !== undefined) why.push(`a start time ("not before" ${formatEpoch(options.notBefore)}) needs a custom policy`);
  if (options.ipRange !== undefined) why.push(`an IP range (${options.ipRange}) needs a custom policy`);
  if (why.length === 0) {
    return {
      kind: 'canned',
      reason: 'Canned policy: this exact URL, until the expiry. CloudFront rebuilds the policy from the URL itself, which keeps the URL short.',
    };
  }
  return { kind: 'custom', reason: `Custom policy: ${why.join('; ')}. The policy travels with the URL, base64-encoded.` };
}

const EpochTimeSchema = z.strictObject({ 'AWS:EpochTime': z.number().int().nonnegative() });
const PolicySchema = z.strictObject({
  Statement: z
    .array(
      z.strictObject({
        Resource: z.string().optional(),
        Condition: z.strictObject({
          DateLessThan: EpochTimeSchema,
          DateGreaterThan: EpochTimeSchema.optional(),
          IpAddress: z.strictObject({ 'AWS:SourceIp': z.string() }).optional(),
        }),
      }),
    )
    .length(1, 'A policy holds exactly one statement'),
});

export type ParsedPolicy = { ok: true; statement: PolicyStatement } | { ok: false; message: string };

/** Reads a policy the way CloudFront would accept it; says which part it would not. */
export function parsePolicy(json: string): ParsedPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: 'The policy is not valid JSON.' };
  }
  const parsed = PolicySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map(String).join('.') || 'the policy';
    return { ok: false, message: `The policy does not have the shape CloudFront requires (${where}: ${issue.message}).` };
  }
  const statement = parsed.data.Statement[0]!;
  return {
    ok: true,
    statement: {
      ...(statement.Resource !== undefined ? { resource: statement.Resource } : {}),
      expiresAt: statement.Condition.DateLessThan['AWS:EpochTime'],
      ...(statement.Condition.DateGreaterThan ? { notBefore: statement.Condition.DateGreaterThan['AWS:EpochTime'] } : {}),
      ...(statement.Condition.IpAddress ? { ipRange: statement.Condition.IpAddress['AWS:SourceIp'] } : {}),
    },
  };
}
