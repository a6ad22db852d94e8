import type { AwsCredentials } from '../../shared/domain/aws';
import type { ObjectHead, PresignedUrl, PutObjectInput, S3Gateway } from '../../shared/ports/s3-gateway';

/** S3 in memory: buckets and objects, and the TemplateURL a real bucket would give. */
export class MemoryS3 implements S3Gateway {
  readonly buckets = new Set<string>();
  readonly objects = new Map<string, string | Uint8Array>();

  async ensureBucket(_credentials: AwsCredentials, _region: string, bucket: string): Promise<'existed' | 'created'> {
    if (this.buckets.has(bucket)) return 'existed';
    this.buckets.add(bucket);
    return 'created';
  }

  async putObject(_credentials: AwsCredentials, _region: string, input: PutObjectInput): Promise<{ etag?: string }> {
    if (!this.buckets.has(input.bucket)) throw new Error(`NoSuchBucket ${input.bucket}`);
    this.objects.set(`${input.bucket}/${input.key}`, input.body);
    return { etag: '"etag"' };
  }

  async headObject(_credentials: AwsCredentials, _region: string, bucket: string, key: string): Promise<ObjectHead | null> {
    const body = this.objects.get(`${bucket}/${key}`);
    return body === undefined ? null : { size: body.length };
  }

  presignGetUrl(): Promise<PresignedUrl> {
    return Promise.reject(new Error('presigned links are not used by this test'));
  }

  objectUrl(region: string, bucket: string, key: string): string {
    return `https://${bucket}.s3.${region}.amazonaws.com/${key}`;
  }
}
