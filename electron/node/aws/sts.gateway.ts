import type * as StsSdk from '@aws-sdk/client-sts';
import type { Credentials as StsCredentials, STSClient } from '@aws-sdk/client-sts';
import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials, CallerIdentity } from '../../../shared/domain/aws';
import type { AssumeRoleInput, GetSessionTokenInput, StsGateway } from '../../../shared/ports/sts-gateway';
import { redactText } from '../../../shared/logic/redact';
import { messageOf } from '../../../shared/logic/error-message';

/** An AWS failure with the service's error name kept for diagnosis (AccessDenied, ExpiredToken ...). */
export class AwsCallError extends RoledeckError {
  readonly awsCode: string;

  constructor(awsCode: string, message: string, options?: { cause?: unknown }) {
    super('AWS_ERROR', message, options);
    this.name = 'AwsCallError';
    this.awsCode = awsCode;
  }
}

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * The AWS error name, or 'NetworkError' when the request never got an answer from AWS. Service
 * errors carry `$fault`; a refused connection or a DNS failure is a plain Node error with a `code`.
 */
function awsCodeOf(error: unknown): string {
  if (!(error instanceof Error)) return 'UnknownError';
  const fields = error as Error & { $fault?: unknown; code?: unknown };
  if (fields.$fault === undefined) {
    if (typeof fields.code === 'string' && NETWORK_ERROR_CODES.has(fields.code)) return 'NetworkError';
    if (error.name === 'TimeoutError' || error.name === 'RequestTimeout') return 'NetworkError';
  }
  return error.name;
}

function toAwsCallError(operation: string, error: unknown): AwsCallError {
  const name = awsCodeOf(error);
  const message = messageOf(error);
  return new AwsCallError(name, `${operation} failed: ${name}: ${redactText(message)}`, { cause: error });
}

/** AWS's own words for a failure, without Roledeck's "<Operation> failed: <code>:" prefix (for diagnosis). */
export function awsMessageOf(error: AwsCallError): string {
  const cause = error.cause;
  return redactText(cause instanceof Error ? cause.message : error.message);
}

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
 * StsGateway on the AWS SDK v3. The endpoint comes from the SDK's own resolution, which honours
 * AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_STS); there is no test-only code path. Regional endpoints
 * are the SDK v3 default: callers pass the profile's region (sessions default to us-east-1).
 */
type StsModule = typeof StsSdk;

/**
 * The SDK is loaded on the first call, not at import: the CLI's cached credential_process path
 * must not pay ~80 ms to load it (DESIGN.md budget).
 */
let sdk: Promise<StsModule> | undefined;
const loadSdk = (): Promise<StsModule> => (sdk ??= import('@aws-sdk/client-sts'));

export class SdkStsGateway implements StsGateway {
  private async client(credentials: AwsCredentials, region: string): Promise<{ client: STSClient; sdk: StsModule }> {
    const sdk = await loadSdk();
    const client = new sdk.STSClient({
      region,
      credentials: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
      },
      maxAttempts: 2,
      // A hung connection would hold every caller waiting on this session (single-flight), so
      // fail after a bound the person notices and can retry.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
    });
    return { client, sdk };
  }

  async getCallerIdentity(credentials: AwsCredentials, region: string): Promise<CallerIdentity> {
    const { client, sdk } = await this.client(credentials, region);
    try {
      const out = await client.send(new sdk.GetCallerIdentityCommand({}));
      return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
    } catch (error) {
      throw toAwsCallError('GetCallerIdentity', error);
    } finally {
      client.destroy();
    }
  }

  async assumeRole(credentials: AwsCredentials, region: string, input: AssumeRoleInput): Promise<AwsCredentials> {
    const { client, sdk } = await this.client(credentials, region);
    try {
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
    } catch (error) {
      if (error instanceof AwsCallError) throw error;
      throw toAwsCallError('AssumeRole', error);
    } finally {
      client.destroy();
    }
  }

  async getSessionToken(
    credentials: AwsCredentials,
    region: string,
    input: GetSessionTokenInput,
  ): Promise<AwsCredentials> {
    const { client, sdk } = await this.client(credentials, region);
    try {
      const out = await client.send(
        new sdk.GetSessionTokenCommand({
          DurationSeconds: input.durationSeconds,
          SerialNumber: input.serialNumber,
          TokenCode: input.tokenCode,
        }),
      );
      return fromStsCredentials('GetSessionToken', out.Credentials);
    } catch (error) {
      if (error instanceof AwsCallError) throw error;
      throw toAwsCallError('GetSessionToken', error);
    } finally {
      client.destroy();
    }
  }
}
