import type { Partition } from '../../domain/aws-rules';
import type { PolicyDocument } from '../../domain/iam-policy';

/**
 * Our side: what our IAM user (or every principal of our account) needs to assume the customer's
 * role. The walkthrough's policy allows `sts:AssumeRole` on `arn:aws:iam::*:role/<RoleName>` — any
 * account's role of that name — which is what we can write before the customer's account is known;
 * once it is, the resource names exactly that account's role.
 */
export function ourAssumeRolePolicy(options: { partition: Partition; roleName: string; customerAccountId?: string | undefined }): PolicyDocument {
  const account = options.customerAccountId ?? '*';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AssumeCustomerRole',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: `arn:${options.partition}:iam::${account}:role/${options.roleName}`,
      },
    ],
  };
}
