import type { Partition } from '../../domain/aws-rules';
import type { JsonValue, PolicyDocument } from '../../domain/iam-policy';
import type { OnboardingSetupInput, TrustedPrincipal } from '../../domain/onboarding';

/**
 * The customer's side of the trust: which of our principals may assume their role, under which
 * conditions. The shape is the walkthrough's: one Allow statement, `sts:AssumeRole`, an
 * `sts:ExternalId` StringEquals condition, and — when MFA is required — `aws:MultiFactorAuthPresent`
 * as a Bool condition. (An absent key makes Bool false, so long-term keys without MFA are refused;
 * IAM JSON policy elements: Condition operators, "Boolean condition operators".)
 */

/** `arn:aws:iam::111111111111:root` or `arn:aws:iam::111111111111:user/path/name`. */
export function principalArn(partition: Partition, principal: TrustedPrincipal): string {
  if (principal.kind === 'account') return `arn:${partition}:iam::${principal.accountId}:root`;
  return `arn:${partition}:iam::${principal.accountId}:user${principal.path ?? '/'}${principal.userName}`;
}

const ROOT_OR_USER = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(root|user(\/(?:[\u0021-\u007e]*\/)?)([\w+=,.@-]{1,64}))$/;

/**
 * Reads a principal from our own identity's ARN (GetCallerIdentity): an IAM user, or the account
 * root. Anything else (an assumed role, a federated user) cannot be named durably in a trust
 * policy, so it gives null and the caller offers the whole account instead.
 */
export function trustedPrincipalFromArn(arn: string): { partition: Partition; principal: TrustedPrincipal } | null {
  const match = ROOT_OR_USER.exec(arn);
  if (!match) return null;
  const partition = match[1] as Partition;
  const accountId = match[2]!;
  if (match[3] === 'root') return { partition, principal: { kind: 'account', accountId } };
  const path = match[4]!;
  return {
    partition,
    principal: { kind: 'user', accountId, userName: match[5]!, ...(path === '/' ? {} : { path }) },
  };
}

type TrustFields = Pick<OnboardingSetupInput, 'partition' | 'trustedPrincipal' | 'requireMfa'>;

/**
 * The trust policy with `externalId` as given: the literal value for the customer, or a
 * CloudFormation `{"Ref": "ExternalId"}` inside the template. One builder, so both always agree.
 */
export function trustPolicyWith<T extends JsonValue>(setup: TrustFields, externalId: T) {
  return {
    Version: '2012-10-17' as const,
    Statement: [
      {
        Effect: 'Allow' as const,
        Principal: { AWS: principalArn(setup.partition, setup.trustedPrincipal) },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'sts:ExternalId': externalId },
          ...(setup.requireMfa ? { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } : {}),
        },
      },
    ],
  };
}

export function trustPolicyDocument(setup: TrustFields & Pick<OnboardingSetupInput, 'externalId'>): PolicyDocument {
  return trustPolicyWith(setup, setup.externalId);
}
