import { parseRoleArn, roleArnFor, type Partition } from '../../domain/aws-rules';
import { checkRoleAllowed } from '../role-allow-list';

/**
 * Closing the loop: what the customer sends back — their account ID or the new role's ARN — read
 * the way people paste it (with the console's dashes, quotes, a CloudFormation Outputs row), and
 * checked against what we asked for. Errors say what is wrong and what to ask the customer.
 */

export interface ExpectedRole {
  partition: Partition;
  roleName: string;
  /** When the setup named the customer's account in advance. */
  customerAccountId?: string | undefined;
  allowList: readonly string[];
}

export type CustomerReply =
  | { ok: true; from: 'account-id' | 'role-arn'; accountId: string; roleArn: string; warnings: string[] }
  | { ok: false; message: string };

const ARN_TOKEN = /arn:[^\s"'`<>,;()]+/;
const ASSUMED_ROLE = /^arn:(aws|aws-cn|aws-us-gov):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/[^/]+$/;
const USER_ARN = /^arn:[^:]+:iam::\d+:user\//;
const ANY_ACCOUNT = /^arn:[^:]*:[^:]*:[^:]*:(\d+):/;

function digitsMessage(count: number): string {
  const lost = count === 11 ? ' If it started with 0, a spreadsheet may have dropped that digit.' : '';
  return `The account ID has ${count} digit${count === 1 ? '' : 's'}; it needs 12.${lost} Ask the customer to copy it from the account menu at the top right of the AWS console.`;
}

function fromAccountId(accountId: string, expected: ExpectedRole): CustomerReply {
  const warnings: string[] = [];
  if (expected.customerAccountId && expected.customerAccountId !== accountId) {
    warnings.push(`The setup named the account ${expected.customerAccountId}, but the customer sent ${accountId}. Check which account holds the role.`);
  }
  return { ok: true, from: 'account-id', accountId, roleArn: roleArnFor(expected.partition, accountId, expected.roleName), warnings };
}

function fromArn(token: string, expected: ExpectedRole): CustomerReply {
  const warnings: string[] = [];
  let arn = token;
  const assumed = ASSUMED_ROLE.exec(token);
  if (assumed) {
    arn = roleArnFor(assumed[1] as Partition, assumed[2]!, assumed[3]!);
    warnings.push(`That is the ARN of a session, not of the role; Roledeck uses the role ${arn} (if the role has a path, ask for the role ARN itself).`);
  }
  const parsed = parseRoleArn(arn);
  if (!parsed) {
    if (USER_ARN.test(arn)) return { ok: false, message: 'That is the ARN of an IAM user. Ask the customer for the ARN of the role they created (arn:aws:iam::…:role/…), or their account ID.' };
    const account = ANY_ACCOUNT.exec(arn)?.[1];
    if (account && account.length !== 12) return { ok: false, message: `In that ARN, ${digitsMessage(account.length).replace(/^The/, 'the')}` };
    return { ok: false, message: `That is not a role ARN: it looks like arn:${expected.partition}:iam::123456789012:role/${expected.roleName}. Ask the customer for the role’s ARN, or their account ID.` };
  }
  if (parsed.partition !== expected.partition) {
    return { ok: false, message: `That role is in the ${parsed.partition} partition, but this setup is for ${expected.partition}: a role can be assumed only from its own partition.` };
  }
  const allowed = checkRoleAllowed(arn, expected.allowList);
  if (!allowed.ok) return { ok: false, message: allowed.message };
  if (parsed.roleName !== expected.roleName) {
    const caseOnly = parsed.roleName.toLowerCase() === expected.roleName.toLowerCase() ? ' The names differ only in case, and role ARNs in policies are case-sensitive.' : '';
    warnings.push(
      `The role in that ARN is named "${parsed.roleName}", but the setup asked for "${expected.roleName}".${caseOnly} ` +
        `Our IAM policy allows sts:AssumeRole only on roles named "${expected.roleName}": ask the customer whether they created the right role, or update our policy.`,
    );
  }
  if (parsed.path !== '/') {
    warnings.push(`The role has the path ${parsed.path}; our IAM policy names role/${expected.roleName}, which does not match a role with a path. Allow ${arn} in our policy.`);
  }
  if (expected.customerAccountId && expected.customerAccountId !== parsed.accountId) {
    warnings.push(`The setup named the account ${expected.customerAccountId}, but the role is in ${parsed.accountId}. Check which account holds the role.`);
  }
  return { ok: true, from: 'role-arn', accountId: parsed.accountId, roleArn: arn, warnings };
}

/** Reads a pasted account ID or role ARN. */
export function parseCustomerReply(text: string, expected: ExpectedRole): CustomerReply {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Paste the account ID or the role ARN the customer sent.' };
  const token = ARN_TOKEN.exec(trimmed)?.[0];
  if (token) return fromArn(token.replace(/\.$/, ''), expected);

  // The console shows account IDs as 1234-5678-9012; people add spaces, quotes, a full stop.
  const bare = trimmed.replace(/^["'`“”‘’]+|["'`“”‘’.]+$/g, '');
  const digits = bare.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) {
    return { ok: false, message: `“${bare.slice(0, 40)}” is neither an account ID (12 digits) nor a role ARN (arn:${expected.partition}:iam::123456789012:role/${expected.roleName}).` };
  }
  if (digits.length !== 12) return { ok: false, message: digitsMessage(digits.length) };
  return fromAccountId(digits, expected);
}
