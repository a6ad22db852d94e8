/**
 * The https URL of an S3 object as AWS services fetch it themselves — what CloudFormation's
 * TemplateURL wants ("must start with https://" and point into S3). It is AWS's public S3 name,
 * not wherever this machine's SDK sends requests (AWS_ENDPOINT_URL): CloudFormation reads the
 * object from S3 on AWS's side.
 *
 * Virtual-hosted style (bucket in the host name) is S3's current form; a bucket name with dots
 * would not match S3's TLS certificate that way, so it goes in the path instead.
 */
export function s3ObjectUrl(region: string, bucket: string, key: string): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const path = key.split('/').map(encodeURIComponent).join('/');
  return bucket.includes('.') ? `https://s3.${region}.${domain}/${bucket}/${path}` : `https://${bucket}.s3.${region}.${domain}/${path}`;
}

/** SigV4 presigned URLs are valid for at most 7 days (X-Amz-Expires ≤ 604800). */
export const PRESIGN_MAX_SECONDS = 604_800;

export type PresignLimit = 'requested' | 'sigv4-maximum' | 'session-expiry';

/**
 * How long a presigned URL can really work: what was asked, capped at SigV4's 7 days, and at the
 * signing credentials' own expiry — a URL signed with session credentials stops working when the
 * session does, whatever X-Amz-Expires says.
 */
export function presignLifetime(requestedSeconds: number, now: number, credentialsExpireAt: number | undefined): { seconds: number; limitedBy: PresignLimit } {
  let seconds = Math.floor(requestedSeconds);
  let limitedBy: PresignLimit = 'requested';
  if (seconds > PRESIGN_MAX_SECONDS) {
    seconds = PRESIGN_MAX_SECONDS;
    limitedBy = 'sigv4-maximum';
  }
  if (credentialsExpireAt !== undefined) {
    const sessionLeft = Math.floor((credentialsExpireAt - now) / 1000);
    if (sessionLeft < seconds) {
      seconds = sessionLeft;
      limitedBy = 'session-expiry';
    }
  }
  return { seconds, limitedBy };
}
