/**
 * Guardrails for test deploys into customers' accounts: name every change that can lose data, and
 * make a production deploy wait until the person types the account they are about to change.
 */

/**
 * Resource types that hold data a replacement or removal destroys. A replacement creates a new
 * physical resource and deletes the old one (CloudFormation "Update behaviors of stack
 * resources"), so the data goes with it unless a DeletionPolicy / UpdateReplacePolicy keeps it.
 */
const STATEFUL_PREFIXES = ['AWS::RDS::', 'AWS::EFS::'];
const STATEFUL_TYPES = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket']);

export function isStatefulType(resourceType: string): boolean {
  return STATEFUL_TYPES.has(resourceType) || STATEFUL_PREFIXES.some((prefix) => resourceType.startsWith(prefix));
}

export type AccountConfirmation = { ok: true } | { ok: false; message: string };

/**
 * The production guardrail: the account ID typed by the user must be the account the deploy
 * targets. Spaces and hyphens are ignored (the console shows IDs as 1234-5678-9012).
 */
export function confirmTargetAccount(typed: string, targetAccountId: string): AccountConfirmation {
  const digits = typed.replace(/[\s-]/g, '');
  if (digits.length === 0) {
    return { ok: false, message: 'Type the 12-digit ID of the account you are deploying to, to confirm this production deploy.' };
  }
  if (!/^\d{12}$/.test(digits)) {
    return { ok: false, message: 'An AWS account ID is exactly 12 digits. Type the ID of the account shown above.' };
  }
  if (digits !== targetAccountId) {
    return {
      ok: false,
      message:
        'That is not the account this deploy targets. Nothing was deployed: check the account shown above and type its ID.',
    };
  }
  return { ok: true };
}
