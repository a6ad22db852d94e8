import type * as StsSdk from '@aws-sdk/client-sts';
import type { Credentials as StsCredentials, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentials, CallerIdentity } from '../../../shared/domain/aws';
import { AwsCallError } from '../../../shared/domain/aws-call-error';
import type { AssumeRoleInput, GetSessionTokenInput, StsGateway } from '../../../shared/ports/sts-gateway';
import { AwsClientPool, type AwsClientSettings } from './aws-client-pool';

function fromStsCredentials(operation: string, credentials: StsCredentials | undefined): AwsCredentials {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
    throw new AwsCallError('EmptyResponse', `${operation} returned no credentials.`);
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
    ...(credentials.Expiration ? { expiresAt: credentials.Expiration.getTime() } : {}),
  };
}

/**
 * StsGateway on the AWS SDK v3. Regional endpoints are the SDK v3 default: callers pass the
 * profile's region (sessions default to us-east-1).
 */
export class SdkStsGateway implements StsGateway {
  private readonly clients: AwsClientPool<typeof StsSdk, STSClient>;

  constructor(settings: AwsClientSettings = {}) {
    this.clients = new AwsClientPool(
      { load: () => import('@aws-sdk/client-sts'), create: (sdk, config) => new sdk.STSClient(config) },
      // Two attempts only: a retried AssumeRole/GetSessionToken whose first try reached AWS sends
      // the same MFA code again, which AWS may refuse as reused (one use per code window).
      { maxAttempts: 2, ...settings },
    );
  }

  getCallerIdentity(credentials: AwsCredentials, region: string): Promise<CallerIdentity> {
    return this.clients.call(credentials, region, 'GetCallerIdentity', async (client, sdk) => {
      const out = await client.send(new sdk.GetCallerIdentityCommand({}));
      return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
    });
  }

  assumeRole(credentials: AwsCredentials, region: string, input: AssumeRoleInput): Promise<AwsCredentials> {
    return this.clients.call(credentials, region, 'AssumeRole', async (client, sdk) => {
      const out = await client.send(
        new sdk.AssumeRoleCommand({
          RoleArn: input.roleArn,
          RoleSessionName: input.roleSessionName,
          ExternalId: input.externalId,
          SerialNumber: input.serialNumber,
          TokenCode: input.tokenCode,
          DurationSeconds: input.durationSeconds,
          SourceIdentity: input.sourceIdentity,
          Tags: input.tags?.map((tag) => ({ Key: tag.key, Value: tag.value })),
        }),
      );
      return fromStsCredentials('AssumeRole', out.Credentials);
    });
  }

  getSessionToken(credentials: AwsCredentials, region: string, input: GetSessionTokenInput): Promise<AwsCredentials> {
    return this.clients.call(credentials, region, 'GetSessionToken', async (client, sdk) => {
      const out = await client.send(
        new sdk.GetSessionTokenCommand({
          DurationSeconds: input.durationSeconds,
          SerialNumber: input.serialNumber,
          TokenCode: input.tokenCode,
        }),
      );
      return fromStsCredentials('GetSessionToken', out.Credentials);
    });
  }

  /** Closes the SDK clients this gateway keeps (app shutdown). */
  destroy(): void {
    this.clients.destroy();
  }
}
