/**
 * CloudFront behaviour moto never shows, played with canned SDK answers on the real gateway:
 * UpdateKeyGroup (moto does not implement it), stale ETags, unknown IDs (moto fails with HTTP
 * 500), the comment AWS keeps on a public key (moto drops it), and paged distribution lists.
 */
import {
  CloudFrontClient,
  CloudFrontServiceException,
  CreatePublicKeyCommand,
  GetKeyGroupCommand,
  GetPublicKeyCommand,
  ListDistributionsCommand,
  UpdateKeyGroupCommand,
} from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SdkCloudFrontGateway } from '../../../../../electron/node/aws/cloudfront.gateway';

const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret'.padEnd(40, 'x'), sessionToken: 'token' };
const REGION = 'us-east-1';
const cloudfront = mockClient(CloudFrontClient);
const UPDATED = new Date(Date.UTC(2026, 0, 2));

function awsFault(name: string, status: number, message: string): CloudFrontServiceException {
  return new CloudFrontServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });
}

describe('SdkCloudFrontGateway with canned CloudFront answers', () => {
  const gateway = new SdkCloudFrontGateway();
  beforeEach(() => cloudfront.reset());
  afterEach(() => cloudfront.reset());

  it('AWS replaces a key group given its current ETag, and hands back the next ETag', async () => {
    cloudfront.on(UpdateKeyGroupCommand).resolves({
      KeyGroup: { Id: 'KG1', LastModifiedTime: UPDATED, KeyGroupConfig: { Name: 'acme-signers', Items: ['K1', 'K2'], Comment: 'rotated' } },
      ETag: 'E2NEXT',
    });

    const updated = await gateway.updateKeyGroup(credentials, REGION, { id: 'KG1', etag: 'E1CURRENT', name: 'acme-signers', publicKeyIds: ['K1', 'K2'], comment: 'rotated' });

    expect(cloudfront.commandCalls(UpdateKeyGroupCommand)[0]?.args[0].input).toEqual({
      Id: 'KG1',
      IfMatch: 'E1CURRENT',
      KeyGroupConfig: { Name: 'acme-signers', Items: ['K1', 'K2'], Comment: 'rotated' },
    });
    expect(updated).toEqual({ keyGroup: { id: 'KG1', name: 'acme-signers', comment: 'rotated', publicKeyIds: ['K1', 'K2'], updatedAt: UPDATED.getTime() }, etag: 'E2NEXT' });
  });

  it('AWS refuses an update made with a stale ETag as PreconditionFailed', async () => {
    cloudfront.on(UpdateKeyGroupCommand).rejects(awsFault('PreconditionFailed', 412, 'The If-Match version is missing or not valid for the resource.'));

    const failure = await gateway.updateKeyGroup(credentials, REGION, { id: 'KG1', etag: 'OLD', name: 'n', publicKeyIds: ['K1'] }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'AWS_ERROR', awsCode: 'PreconditionFailed', httpStatus: 412, retryable: false });
  });

  it('AWS answers unknown IDs with NoSuchPublicKey / NoSuchResource: there is no such key or group', async () => {
    cloudfront.on(GetPublicKeyCommand).rejects(awsFault('NoSuchPublicKey', 404, 'The specified public key does not exist.'));
    cloudfront.on(GetKeyGroupCommand).rejects(awsFault('NoSuchResource', 404, 'The specified key group does not exist.'));

    expect(await gateway.getPublicKey(credentials, REGION, 'KNOPE')).toBeNull();
    expect(await gateway.getKeyGroup(credentials, REGION, 'KGNOPE')).toBeNull();
  });

  it('AWS keeps the comment of an uploaded public key, and a caller reference is always sent', async () => {
    cloudfront.on(CreatePublicKeyCommand).callsFake((input: { PublicKeyConfig: object }) => ({
      PublicKey: { Id: 'K2ABC', CreatedTime: UPDATED, PublicKeyConfig: input.PublicKeyConfig },
      ETag: 'E1',
    }));

    const key = await gateway.createPublicKey(credentials, REGION, { name: 'acme', pem: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n', comment: 'made by Roledeck' });

    expect(key).toMatchObject({ id: 'K2ABC', name: 'acme', comment: 'made by Roledeck', createdAt: UPDATED.getTime() });
    expect(cloudfront.commandCalls(CreatePublicKeyCommand)[0]?.args[0].input.PublicKeyConfig?.CallerReference).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('AWS pages a long distribution list: every page is read, and a disabled trust list counts as no trust', async () => {
    const summary = (id: string, keyGroups: { Enabled: boolean; Quantity: number; Items?: string[] }) => ({
      Id: id,
      ARN: `arn:aws:cloudfront::111111111111:distribution/${id}`,
      DomainName: `${id.toLowerCase()}.cloudfront.net`,
      Status: 'Deployed',
      Enabled: true,
      Comment: '',
      Aliases: { Quantity: 1, Items: [`${id.toLowerCase()}.example.com`] },
      DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'https-only' as const, TrustedKeyGroups: keyGroups },
    });
    // Distribution summaries have two dozen required fields; this answer carries the ones read here.
    cloudfront.on(ListDistributionsCommand).callsFake((input: { Marker?: string }) =>
      input.Marker === undefined
        ? { DistributionList: { Marker: '', MaxItems: 1, Quantity: 1, IsTruncated: true, NextMarker: 'D2', Items: [summary('D1', { Enabled: true, Quantity: 1, Items: ['KG1'] })] } }
        : { DistributionList: { Marker: 'D2', MaxItems: 1, Quantity: 1, IsTruncated: false, Items: [summary('D2', { Enabled: false, Quantity: 1, Items: ['KG9'] })] } },
    );

    const distributions = await gateway.listDistributions(credentials, REGION);

    expect(distributions.map((d) => [d.id, d.aliases, d.trustedKeyGroupIds])).toEqual([
      ['D1', ['d1.example.com'], ['KG1']],
      ['D2', ['d2.example.com'], []],
    ]);
  });
});
