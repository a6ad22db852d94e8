import type { AwsCredentials } from '../domain/aws';
import type { IamRole, IamUser, PolicySimulationResult } from '../domain/iam';

export interface ContextEntry {
  /** A condition key, e.g. 'aws:MultiFactorAuthPresent' or 'sts:ExternalId'. */
  key: string;
  type: 'string' | 'stringList' | 'numeric' | 'numericList' | 'boolean' | 'booleanList' | 'ip' | 'ipList' | 'binary' | 'binaryList' | 'date' | 'dateList';
  values: readonly string[];
}

export interface SimulatePrincipalPolicyInput {
  /** The IAM user, group or role whose policies are simulated. */
  policySourceArn: string;
  /** e.g. ['sts:AssumeRole']. */
  actionNames: readonly string[];
  /** e.g. the customer's role ARNs; all resources ('*') when absent. */
  resourceArns?: readonly string[];
  contextEntries?: readonly ContextEntry[];
}

/**
 * AWS IAM as Roledeck uses it, signed with the credentials passed in. IAM is global: any region of
 * the partition works. Failures are AwsCallError; the caller needs iam:SimulatePrincipalPolicy,
 * iam:GetUser and iam:GetRole on the resources involved (AccessDenied otherwise).
 */
export interface IamGateway {
  /**
   * What the principal's own policies (identity policies, boundary, SCPs) decide for each action
   * and resource: "may our user call sts:AssumeRole on the customer's role?". It does not
   * evaluate the role's trust policy, which lives in the customer's account.
   */
  simulatePrincipalPolicy(credentials: AwsCredentials, region: string, input: SimulatePrincipalPolicyInput): Promise<PolicySimulationResult[]>;
  /** The named user, or the calling IAM user when no name is given; null when there is none. */
  getUser(credentials: AwsCredentials, region: string, userName?: string): Promise<IamUser | null>;
  /** The role with its trust policy and longest session; null when there is none of that name. */
  getRole(credentials: AwsCredentials, region: string, roleName: string): Promise<IamRole | null>;
}
