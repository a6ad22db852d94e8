import type { AwsCredentials, CallerIdentity } from '../domain/aws';

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  externalId?: string;
  serialNumber?: string;
  tokenCode?: string;
  durationSeconds?: number;
  sourceIdentity?: string;
  tags?: ReadonlyArray<{ key: string; value: string }>;
}

export interface GetSessionTokenInput {
  durationSeconds?: number;
  serialNumber?: string;
  tokenCode?: string;
}

/**
 * AWS STS as Roledeck uses it. Every call is signed with the credentials passed in; the gateway
 * keeps no identity of its own. Failures are thrown as AwsCallError (shared/domain/aws-call-error:
 * RoledeckError AWS_ERROR) with the AWS error name preserved in `awsCode` for diagnosis.
 */
export interface StsGateway {
  getCallerIdentity(credentials: AwsCredentials, region: string): Promise<CallerIdentity>;
  assumeRole(credentials: AwsCredentials, region: string, input: AssumeRoleInput): Promise<AwsCredentials>;
  getSessionToken(credentials: AwsCredentials, region: string, input: GetSessionTokenInput): Promise<AwsCredentials>;
}
