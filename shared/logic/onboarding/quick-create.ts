import type { Partition } from '../../domain/aws-rules';

/**
 * CloudFormation console quick-create links ("Creating quick-create links for stacks", AWS
 * CloudFormation User Guide): `https://<region>.console.aws.amazon.com/cloudformation/home?region=<r>
 * #/stacks/quickcreate?templateURL=<url>&stackName=<name>&param_<Name>=<value>`. The console opens
 * one page with everything filled in; the customer reviews it and clicks Create stack.
 *
 * Rules from that page and "Selecting a stack template": the template URL must point at Amazon S3
 * and be at most 1,024 characters; `param_` names match template parameters exactly (case-sensitive);
 * parameters marked NoEcho are ignored, so they cannot be filled in by a link.
 */

export const TEMPLATE_URL_MAX_LENGTH = 1024;
/** SigV4 query-string signing allows X-Amz-Expires of at most 604,800 s (7 days). */
export const SIGV4_PRESIGN_MAX_SECONDS = 7 * 24 * 3600;

export interface QuickCreateInput {
  partition: Partition;
  region: string;
  /** An https URL of the template in S3, already presigned if the bucket is private. */
  templateUrl: string;
  stackName: string;
  parameters: Record<string, string>;
  /** Parameters the template marks NoEcho: refused here, because the console would ignore them. */
  noEchoParameters?: readonly string[];
  /**
   * Builds the link even when the template is not on Amazon S3 over https — for an S3 endpoint
   * set with AWS_ENDPOINT_URL (a local emulator), where the caller warns that the AWS console
   * cannot read it. The length and NoEcho rules still apply.
   */
  allowTemplateOutsideS3?: boolean;
}

export type QuickCreateResult = { ok: true; url: string } | { ok: false; message: string };

/** S3 hosts: bucket.s3.amazonaws.com, bucket.s3.eu-west-1.amazonaws.com, s3.dualstack…, the China partition's .com.cn. */
const S3_HOST = /^(?:[a-z0-9.-]+\.)?s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;

/** Whether CloudFormation could read a template at this address: Amazon S3, over https. */
export function isAmazonS3Url(url: URL | string): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && S3_HOST.test(parsed.hostname);
}

function consoleOrigin(partition: Partition, region: string): string {
  switch (partition) {
    case 'aws':
      return `https://${region}.console.aws.amazon.com`;
    case 'aws-cn':
      return 'https://console.amazonaws.cn';
    case 'aws-us-gov':
      return 'https://console.amazonaws-us-gov.com';
  }
}

export function quickCreateUrl(input: QuickCreateInput): QuickCreateResult {
  let template: URL;
  try {
    template = new URL(input.templateUrl);
  } catch {
    return { ok: false, message: 'The template URL is not a URL: give the https address of the template in S3.' };
  }
  if (!input.allowTemplateOutsideS3 && !isAmazonS3Url(template)) {
    return { ok: false, message: `CloudFormation reads a quick-create template only from Amazon S3 over https; ${template.host} is not an S3 address.` };
  }
  if (input.templateUrl.length > TEMPLATE_URL_MAX_LENGTH) {
    return {
      ok: false,
      message:
        `The template URL has ${input.templateUrl.length} characters; CloudFormation accepts at most ${TEMPLATE_URL_MAX_LENGTH}. ` +
        'A URL presigned with temporary credentials carries the whole session token: presign it with an IAM user’s keys, or use a shorter object key.',
    };
  }
  const refused = Object.keys(input.parameters).filter((name) => input.noEchoParameters?.includes(name));
  if (refused.length > 0) {
    return {
      ok: false,
      message: `The console ignores NoEcho parameters in a quick-create link (${refused.join(', ')}): use a template where they are not NoEcho, or let the customer type them.`,
    };
  }
  const query = [
    `templateURL=${encodeURIComponent(input.templateUrl)}`,
    `stackName=${encodeURIComponent(input.stackName)}`,
    ...Object.entries(input.parameters).map(([name, value]) => `param_${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
  ].join('&');
  const region = encodeURIComponent(input.region);
  return { ok: true, url: `${consoleOrigin(input.partition, input.region)}/cloudformation/home?region=${region}#/stacks/quickcreate?${query}` };
}

export interface PresignLifetime {
  /** The X-Amz-Expires to ask for. */
  expiresInSeconds: number;
  /** Epoch ms after which the URL no longer works. */
  validUntil: number;
  /** What set the limit: the caller's wish, SigV4's 7 days, or the signing credentials' own expiry. */
  limitedBy: 'requested' | 'sigv4-maximum' | 'credentials';
}

/**
 * How long a presigned template URL can stay valid: what was asked, at most SigV4's 7 days, and no
 * longer than the credentials that sign it — a URL signed with a session stops working when the
 * session expires, whatever X-Amz-Expires says (S3: "Sharing objects with presigned URLs").
 */
export function presignLifetime(options: { requestedSeconds: number; now: number; credentialsExpireAt?: number | undefined }): PresignLifetime {
  const requested = Math.max(1, Math.floor(options.requestedSeconds));
  let seconds = requested;
  let limitedBy: PresignLifetime['limitedBy'] = 'requested';
  if (seconds > SIGV4_PRESIGN_MAX_SECONDS) {
    seconds = SIGV4_PRESIGN_MAX_SECONDS;
    limitedBy = 'sigv4-maximum';
  }
  if (options.credentialsExpireAt !== undefined) {
    const sessionLeft = Math.floor((options.credentialsExpireAt - options.now) / 1000);
    if (sessionLeft < seconds) {
      seconds = Math.max(0, sessionLeft);
      limitedBy = 'credentials';
    }
  }
  return { expiresInSeconds: seconds, validUntil: options.now + seconds * 1000, limitedBy };
}

/** The lifetime in words, for the person about to send the link: until when, and what limited it. */
export function describePresignLifetime(lifetime: PresignLifetime): string {
  const until = `The link works until ${formatUtc(lifetime.validUntil)}`;
  switch (lifetime.limitedBy) {
    case 'requested':
      return `${until}.`;
    case 'sigv4-maximum':
      return `${until}: 7 days is the longest a presigned URL can last.`;
    case 'credentials':
      return lifetime.expiresInSeconds === 0
        ? 'The session that would sign the link has expired: start it again, or presign with an IAM user’s keys.'
        : `${until}, when the session that signed it ends. Presigned with an IAM user’s keys it could last up to 7 days.`;
  }
}

/**
 * When a presigned URL stops working, read from the URL itself (X-Amz-Date + X-Amz-Expires).
 * `sessionSigned` says a session token signed it, so it may die earlier, with the session.
 */
export function presignedUrlExpiry(url: string): { validUntil: number; sessionSigned: boolean } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(parsed.searchParams.get('X-Amz-Date') ?? '');
  const expires = Number(parsed.searchParams.get('X-Amz-Expires'));
  if (!date || !Number.isInteger(expires) || expires <= 0) return null;
  const [, year, month, day, hour, minute, second] = date.map(Number) as [number, number, number, number, number, number, number];
  const signedAt = Date.UTC(year, month - 1, day, hour, minute, second);
  return { validUntil: signedAt + expires * 1000, sessionSigned: parsed.searchParams.has('X-Amz-Security-Token') };
}

/** "2026-05-01 14:30 UTC": the same text in every time zone, for a guide that gets forwarded. */
export function formatUtc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
