import type { AwsCredentials } from '../domain/aws';
import type { PresignLimit } from '../logic/s3-url';

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: string | Uint8Array;
  contentType?: string;
}

export interface ObjectHead {
  size: number;
  etag?: string;
  lastModifiedAt?: number;
  contentType?: string;
}

export interface PresignedUrl {
  url: string;
  /** Epoch ms after which the URL no longer works. */
  expiresAt: number;
  /** Why it ends then: as requested, SigV4's 7-day maximum, or the signing session's own expiry. */
  limitedBy: PresignLimit;
}

/**
 * Amazon S3 as Roledeck uses it: template uploads for CloudFormation (TemplateURL) and presigned
 * links. Signed with the credentials passed in; failures are AwsCallError.
 */
export interface S3Gateway {
  /** Creates the bucket in `region` unless this account already has it; 'existed' / 'created'. */
  ensureBucket(credentials: AwsCredentials, region: string, bucket: string): Promise<'existed' | 'created'>;
  putObject(credentials: AwsCredentials, region: string, input: PutObjectInput): Promise<{ etag?: string; versionId?: string }>;
  /** The object's metadata, or null when there is no such object (to test existence). */
  headObject(credentials: AwsCredentials, region: string, bucket: string, key: string): Promise<ObjectHead | null>;
  /**
   * A GET link anyone can use until it expires: at most 7 days (SigV4), and never beyond the
   * expiry of the session credentials that sign it. Rejects (VALIDATION) if the session has expired.
   */
  presignGetUrl(credentials: AwsCredentials, region: string, input: { bucket: string; key: string; expiresInSeconds: number }): Promise<PresignedUrl>;
  /** The https URL CloudFormation's TemplateURL takes for this object (no request is made). */
  objectUrl(region: string, bucket: string, key: string): string;
}
