import type { AwsCredentials } from '../../shared/domain/aws';
import type { ObjectHead, PresignedUrl, PutObjectInput, S3Gateway } from '../../shared/ports/s3-gateway';

/**
 * An S3Gateway that keeps buckets and objects in memory and presigns URLs that look like S3's
 * (virtual-hosted, X-Amz-* query), recording which access key signed each. `endpoint` set makes
 * presigned URLs point there instead, as the SDK does with AWS_ENDPOINT_URL.
 */
export class MemoryS3Gateway implements S3Gateway {
  readonly buckets = new Map<string, string>();
  readonly objects = new Map<string, { body: string; contentType?: string; region: string }>();
  readonly signedWith: string[] = [];
  endpoint: string | undefined;

  constructor(private readonly clock: { now(): number }) {}

  async ensureBucket(_credentials: AwsCredentials, region: string, bucket: string): Promise<'existed' | 'created'> {
    if (this.buckets.has(bucket)) return 'existed';
    this.buckets.set(bucket, region);
    return 'created';
  }

  async putObject(_credentials: AwsCredentials, region: string, input: PutObjectInput): Promise<{ etag?: string }> {
    const body = typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body);
    this.objects.set(`${input.bucket}/${input.key}`, { body, region, ...(input.contentType ? { contentType: input.contentType } : {}) });
    return { etag: `"${body.length}"` };
  }

  async headObject(_credentials: AwsCredentials, _region: string, bucket: string, key: string): Promise<ObjectHead | null> {
    const object = this.objects.get(`${bucket}/${key}`);
    return object ? { size: object.body.length } : null;
  }

  async presignGetUrl(credentials: AwsCredentials, region: string, input: { bucket: string; key: string; expiresInSeconds: number }): Promise<PresignedUrl> {
    this.signedWith.push(credentials.accessKeyId);
    const now = this.clock.now();
    let seconds = Math.min(input.expiresInSeconds, 604_800);
    let limitedBy: PresignedUrl['limitedBy'] = seconds < input.expiresInSeconds ? 'sigv4-maximum' : 'requested';
    if (credentials.expiresAt !== undefined && credentials.expiresAt - now < seconds * 1000) {
      seconds = Math.floor((credentials.expiresAt - now) / 1000);
      limitedBy = 'session-expiry';
    }
    const base = this.endpoint ? `${this.endpoint}/${input.bucket}` : `https://${input.bucket}.s3.${region}.amazonaws.com`;
    const date = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const token = credentials.sessionToken ? `&X-Amz-Security-Token=${encodeURIComponent(credentials.sessionToken)}` : '';
    const url = `${base}/${input.key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credentials.accessKeyId}%2F${date.slice(0, 8)}%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=${date}&X-Amz-Expires=${seconds}${token}&X-Amz-Signature=${'0'.repeat(64)}&X-Amz-SignedHeaders=host`;
    return { url, expiresAt: now + seconds * 1000, limitedBy };
  }

  objectUrl(region: string, bucket: string, key: string): string {
    return `https://${bucket}.s3.${region}.amazonaws.com/${key}`;
  }
}
