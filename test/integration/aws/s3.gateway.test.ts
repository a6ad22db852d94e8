import { describe, expect, it } from 'vitest';
import { SdkS3Gateway } from '../../../electron/node/aws/s3.gateway';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { createUserWithKey } from '../fixtures/iam';
import { setIamEnforcement, useMoto } from '../fixtures/moto';

const REGION = 'eu-west-1';
const READ_AND_WRITE = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };

async function user(): Promise<AwsCredentials> {
  return (await createUserWithKey('deployer', READ_AND_WRITE)).credentials;
}

function expiresParam(url: string): number {
  return Number(new URL(url).searchParams.get('X-Amz-Expires'));
}

describe('SdkS3Gateway against moto', () => {
  useMoto();
  const s3 = new SdkS3Gateway();

  it('creates a bucket outside us-east-1 once, then finds it there', async () => {
    const credentials = await user();
    expect(await s3.ensureBucket(credentials, REGION, 'roledeck-templates')).toBe('created');
    expect(await s3.ensureBucket(credentials, REGION, 'roledeck-templates')).toBe('existed');
    expect(await s3.ensureBucket(credentials, 'us-east-1', 'roledeck-templates-use1')).toBe('created');
  });

  it('refuses a bucket this session may not use instead of creating over it, and says why', async () => {
    const owner = await user();
    await s3.ensureBucket(owner, REGION, 'someone-elses');
    const stranger = (await createUserWithKey('stranger', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] })).credentials;
    await setIamEnforcement(true);

    const failure = await s3.ensureBucket(stranger, REGION, 'someone-elses').catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'AWS_ERROR', awsCode: 'AccessDenied', httpStatus: 403, message: expect.stringMatching(/bucket someone-elses: it belongs to another AWS account, or this session lacks s3:ListBucket/) });
  });

  it('uploads a template and sees it exists, with its size and type; a missing key is null', async () => {
    const credentials = await user();
    await s3.ensureBucket(credentials, REGION, 'roledeck-templates');
    const body = JSON.stringify({ Resources: {} });

    const put = await s3.putObject(credentials, REGION, { bucket: 'roledeck-templates', key: 'stacks/a.json', body, contentType: 'application/json' });

    expect(put.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await s3.headObject(credentials, REGION, 'roledeck-templates', 'stacks/a.json')).toMatchObject({ size: body.length, contentType: 'application/json', etag: put.etag });
    expect(await s3.headObject(credentials, REGION, 'roledeck-templates', 'stacks/missing.json')).toBeNull();
  });

  // moto answers every presigned request with HTTP 500 while its IAM enforcement is on, so the
  // signature itself is not checked here; the link's reach and lifetime are.
  it('presigns a GET link that anyone can fetch the object with', async () => {
    const credentials = await user();
    await s3.ensureBucket(credentials, REGION, 'roledeck-share');
    await s3.putObject(credentials, REGION, { bucket: 'roledeck-share', key: 'report.txt', body: 'hello from roledeck' });

    const link = await s3.presignGetUrl(credentials, REGION, { bucket: 'roledeck-share', key: 'report.txt', expiresInSeconds: 3600 });

    expect(link.limitedBy).toBe('requested');
    expect(expiresParam(link.url)).toBe(3600);
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello from roledeck');
    expect(new URL(link.url).searchParams.get('X-Amz-Credential')).toMatch(new RegExp(`^${credentials.accessKeyId}/\\d{8}/${REGION}/s3/aws4_request$`));
  });

  it('caps a link at 7 days, and at the end of the session that signs it', async () => {
    const credentials = await user();
    const week = await s3.presignGetUrl(credentials, REGION, { bucket: 'b', key: 'k', expiresInSeconds: 30 * 86_400 });
    expect(week.limitedBy).toBe('sigv4-maximum');
    expect(expiresParam(week.url)).toBe(604_800);

    const session = { ...credentials, sessionToken: 'session-token', expiresAt: Date.now() + 600_000 };
    const capped = await s3.presignGetUrl(session, REGION, { bucket: 'b', key: 'k', expiresInSeconds: 86_400 });
    expect(capped.limitedBy).toBe('session-expiry');
    expect(expiresParam(capped.url)).toBeLessThanOrEqual(600);
    expect(expiresParam(capped.url)).toBeGreaterThan(590);
    expect(capped.expiresAt).toBeLessThanOrEqual(session.expiresAt);
    expect(new URL(capped.url).searchParams.get('X-Amz-Security-Token')).toBe('session-token');
  });

  it('refuses to sign with a session that has already expired, and says to refresh it', async () => {
    const expired = { ...(await user()), sessionToken: 'old', expiresAt: Date.now() - 1000 };
    await expect(s3.presignGetUrl(expired, REGION, { bucket: 'b', key: 'k', expiresInSeconds: 60 })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/expired.*Refresh the session/),
    });
  });
});
