import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { AwsCallError } from '../../../shared/domain/aws-call-error';
import { presignLifetime, s3ObjectUrl } from '../../../shared/logic/s3-url';
import { systemClock, type Clock } from '../../../shared/ports/clock';
import type { ObjectHead, PresignedUrl, PutObjectInput, S3Gateway } from '../../../shared/ports/s3-gateway';
import { AwsClientPool, type AwsClientSettings } from './aws-client-pool';

type Sdk = typeof S3Sdk;

/** HEAD requests carry no body, so S3 answers a missing object or bucket with a bare 404 (SDK name NotFound). */
function isNotFound(error: unknown): boolean {
  return error instanceof AwsCallError && (error.httpStatus === 404 || error.awsCode === 'NotFound' || error.awsCode === 'NoSuchKey');
}

/** S3Gateway on the AWS SDK v3; the SDK and the presigner load on first use. */
export class SdkS3Gateway implements S3Gateway {
  private readonly clients: AwsClientPool<Sdk, S3Client>;

  constructor(
    settings: AwsClientSettings = {},
    private readonly clock: Clock = systemClock,
  ) {
    this.clients = new AwsClientPool({ load: () => import('@aws-sdk/client-s3'), create: (sdk, config) => new sdk.S3Client(config) }, settings);
  }

  async ensureBucket(credentials: AwsCredentials, region: string, bucket: string): Promise<'existed' | 'created'> {
    try {
      await this.clients.call(credentials, region, 'HeadBucket', (client, sdk) => client.send(new sdk.HeadBucketCommand({ Bucket: bucket })));
      return 'existed';
    } catch (error) {
      if (error instanceof AwsCallError && error.httpStatus === 403) {
        // HeadBucket has no body to explain a 403: the name is taken by another account, or this
        // session may not list it (s3:ListBucket).
        throw new AwsCallError(
          'AccessDenied',
          `S3 refused access to the bucket ${bucket}: it belongs to another AWS account, or this session lacks s3:ListBucket on it. Choose another bucket name or grant the permission.`,
          { cause: error, httpStatus: 403 },
        );
      }
      if (!isNotFound(error)) throw error;
    }
    await this.clients.call(credentials, region, 'CreateBucket', (client, sdk) =>
      client.send(
        new sdk.CreateBucketCommand({
          Bucket: bucket,
          // us-east-1 is S3's default location and rejects itself as a LocationConstraint
          // (InvalidLocationConstraint); every other region must be named.
          ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as S3Sdk.BucketLocationConstraint } }),
        }),
      ),
    );
    return 'created';
  }

  putObject(credentials: AwsCredentials, region: string, input: PutObjectInput): Promise<{ etag?: string; versionId?: string }> {
    return this.clients.call(credentials, region, 'PutObject', async (client, sdk) => {
      const out = await client.send(
        new sdk.PutObjectCommand({ Bucket: input.bucket, Key: input.key, Body: input.body, ContentType: input.contentType }),
      );
      return { ...(out.ETag ? { etag: out.ETag } : {}), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
    });
  }

  async headObject(credentials: AwsCredentials, region: string, bucket: string, key: string): Promise<ObjectHead | null> {
    try {
      return await this.clients.call(credentials, region, 'HeadObject', async (client, sdk) => {
        const out = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          size: out.ContentLength ?? 0,
          ...(out.ETag ? { etag: out.ETag } : {}),
          ...(out.LastModified ? { lastModifiedAt: out.LastModified.getTime() } : {}),
          ...(out.ContentType ? { contentType: out.ContentType } : {}),
        };
      });
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async presignGetUrl(credentials: AwsCredentials, region: string, input: { bucket: string; key: string; expiresInSeconds: number }): Promise<PresignedUrl> {
    const now = this.clock.now();
    const { seconds, limitedBy } = presignLifetime(input.expiresInSeconds, now, credentials.expiresAt);
    if (seconds < 1) {
      throw new RoledeckError(
        'VALIDATION',
        limitedBy === 'session-expiry'
          ? 'The session that would sign this link has expired. Refresh the session, then create the link again.'
          : 'A link must stay valid for at least one second.',
      );
    }
    return this.clients.call(credentials, region, 'PresignGetObject', async (client, sdk) => {
      // Presigning is local (no request); the signature binds the URL to these credentials.
      const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
      const url = await getSignedUrl(client, new sdk.GetObjectCommand({ Bucket: input.bucket, Key: input.key }), {
        expiresIn: seconds,
        signingDate: new Date(now),
      });
      return { url, expiresAt: now + seconds * 1000, limitedBy };
    });
  }

  objectUrl(region: string, bucket: string, key: string): string {
    return s3ObjectUrl(region, bucket, key);
  }

  /** Closes the SDK clients this gateway keeps (app shutdown). */
  destroy(): void {
    this.clients.destroy();
  }
}
