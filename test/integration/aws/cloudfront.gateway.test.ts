import { generateKeyPairSync } from 'node:crypto';
import { CloudFrontClient, CreateDistributionCommand, type CacheBehavior } from '@aws-sdk/client-cloudfront';
import { describe, expect, it } from 'vitest';
import { SdkCloudFrontGateway } from '../../../electron/node/aws/cloudfront.gateway';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { createUserWithKey } from '../fixtures/iam';
import { useMoto } from '../fixtures/moto';

const REGION = 'us-east-1';

function publicKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

async function user(): Promise<AwsCredentials> {
  return (await createUserWithKey('signer')).credentials;
}

function trusted(keyGroupIds: string[]) {
  return { Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, Items: keyGroupIds };
}

/** What a customer's distribution looks like: the default behaviour and one more path, each trusting some key groups. */
async function createDistribution(credentials: AwsCredentials, comment: string, defaultGroups: string[], privateGroups: string[]): Promise<string> {
  const client = new CloudFrontClient({ region: REGION, credentials });
  const behaviour = (pathPattern: string, groups: string[]): CacheBehavior => ({
    PathPattern: pathPattern,
    TargetOriginId: 'site',
    ViewerProtocolPolicy: 'https-only',
    TrustedKeyGroups: trusted(groups),
  });
  try {
    const out = await client.send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: comment,
          Comment: comment,
          Enabled: true,
          Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'example-bucket.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
          DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https', TrustedKeyGroups: trusted(defaultGroups) },
          CacheBehaviors: { Quantity: 1, Items: [behaviour('/private/*', privateGroups)] },
        },
      }),
    );
    return out.Distribution!.Id!;
  } finally {
    client.destroy();
  }
}

describe('SdkCloudFrontGateway against moto', () => {
  useMoto();
  const cloudfront = new SdkCloudFrontGateway();

  it('uploads a public key and finds it again by listing and by ID', async () => {
    const credentials = await user();
    const pem = publicKeyPem();

    const created = await cloudfront.createPublicKey(credentials, REGION, { name: 'roledeck-acme-2026', pem, comment: 'made by Roledeck' });

    // moto keeps no comment; what AWS stores of it is in the canned unit test.
    expect(created).toMatchObject({ name: 'roledeck-acme-2026' });
    expect(created.id).toMatch(/^[A-Z0-9]+$/);
    expect(created.encodedKey.trim()).toBe(pem.trim());
    expect(await cloudfront.listPublicKeys(credentials, REGION)).toEqual([expect.objectContaining({ id: created.id, name: 'roledeck-acme-2026' })]);
    expect(await cloudfront.getPublicKey(credentials, REGION, created.id)).toMatchObject({ id: created.id, name: 'roledeck-acme-2026' });
  });

  it('creates a key group of public keys, lists it, and reads it with the ETag an update needs', async () => {
    const credentials = await user();
    const first = await cloudfront.createPublicKey(credentials, REGION, { name: 'key-1', pem: publicKeyPem() });
    const second = await cloudfront.createPublicKey(credentials, REGION, { name: 'key-2', pem: publicKeyPem() });

    const created = await cloudfront.createKeyGroup(credentials, REGION, { name: 'acme-signers', publicKeyIds: [first.id, second.id] });

    expect(created.keyGroup).toMatchObject({ name: 'acme-signers', publicKeyIds: [first.id, second.id] });
    expect(created.etag).not.toBe('');
    expect(await cloudfront.listKeyGroups(credentials, REGION)).toEqual([expect.objectContaining({ id: created.keyGroup.id, publicKeyIds: [first.id, second.id] })]);
    const read = await cloudfront.getKeyGroup(credentials, REGION, created.keyGroup.id);
    expect(read).toMatchObject({ keyGroup: { id: created.keyGroup.id, name: 'acme-signers' }, etag: created.etag });
  });

  it('shows which distributions trust which key groups, per path', async () => {
    const credentials = await user();
    const key = await cloudfront.createPublicKey(credentials, REGION, { name: 'key-1', pem: publicKeyPem() });
    const signers = await cloudfront.createKeyGroup(credentials, REGION, { name: 'signers', publicKeyIds: [key.id] });
    const admins = await cloudfront.createKeyGroup(credentials, REGION, { name: 'admins', publicKeyIds: [key.id] });
    const guarded = await createDistribution(credentials, 'guarded', [signers.keyGroup.id], [signers.keyGroup.id, admins.keyGroup.id]);
    const open = await createDistribution(credentials, 'open', [], []);

    const distributions = await cloudfront.listDistributions(credentials, REGION);

    const byId = new Map(distributions.map((distribution) => [distribution.id, distribution]));
    expect(byId.get(guarded)).toMatchObject({
      comment: 'guarded',
      enabled: true,
      domainName: expect.stringMatching(/\.cloudfront\.net$/),
      trustedKeyGroupIds: [signers.keyGroup.id, admins.keyGroup.id],
      behaviours: [
        { pathPattern: '*', isDefault: true, trustedKeyGroupIds: [signers.keyGroup.id], trustedSignersEnabled: false },
        { pathPattern: '/private/*', isDefault: false, trustedKeyGroupIds: [signers.keyGroup.id, admins.keyGroup.id] },
      ],
    });
    expect(byId.get(open)).toMatchObject({ trustedKeyGroupIds: [], behaviours: [{ trustedKeyGroupIds: [] }, { trustedKeyGroupIds: [] }] });
  });
});
