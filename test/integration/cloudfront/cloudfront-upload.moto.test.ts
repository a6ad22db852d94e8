import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { describe, expect, it } from 'vitest';
import { SdkCloudFrontGateway } from '../../../electron/node/aws/cloudfront.gateway';
import { CloudFrontUploadService } from '../../../electron/node/cloudfront/cloudfront-upload.service';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { cloudFrontWorld } from '../../unit/electron/node/cloudfront/cloudfront-world';
import { createUserWithKey } from '../fixtures/iam';
import { useMoto } from '../fixtures/moto';

/** A customer's distribution whose default behaviour trusts the given key groups. */
async function createDistribution(credentials: AwsCredentials, comment: string, keyGroupIds: string[]): Promise<string> {
  const client = new CloudFrontClient({ region: 'us-east-1', credentials });
  try {
    const out = await client.send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: comment,
          Comment: comment,
          Enabled: true,
          Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'example-bucket.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
          DefaultCacheBehavior: {
            TargetOriginId: 'site',
            ViewerProtocolPolicy: 'redirect-to-https',
            TrustedKeyGroups: { Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, Items: keyGroupIds },
          },
        },
      }),
    );
    return out.Distribution?.Id ?? '';
  } finally {
    client.destroy();
  }
}

describe('CloudFrontUploadService against moto', () => {
  useMoto();

  it('uploads a generated key, notes the key ID CloudFront gave it, adds it to a key group and names the distributions that trust it', async () => {
    const { credentials } = await createUserWithKey('uploader');
    const world = cloudFrontWorld();
    const gateway = new SdkCloudFrontGateway();
    const upload = new CloudFrontUploadService({ gateway, credentials: async () => credentials, apiRegion: async () => 'us-east-1', keys: world.keys });

    const first = await world.keys.generateKey({ label: 'Acme media 1' });
    const uploaded = await upload.upload({ id: first.id, profile: 'acme-prod', keyGroup: 'acme-signers' });
    expect(uploaded.key.keyPairId).toMatch(/^[A-Z0-9]{8,40}$/);
    expect((await world.keys.get(first.id)).keyPairId).toBe(uploaded.key.keyPairId);
    expect(uploaded.keyGroup).toMatchObject({ name: 'acme-signers', publicKeyIds: [uploaded.key.keyPairId] });
    expect(uploaded.distributions).toEqual([]);

    const groupId = uploaded.keyGroup?.id ?? '';
    const trusting = await createDistribution(credentials, 'acme downloads', [groupId]);
    await createDistribution(credentials, 'acme public site', []);

    const trust = await upload.trustedBy({ id: first.id, profile: 'acme-prod' });
    expect(trust.keyGroups.map((group) => group.id)).toEqual([groupId]);
    expect(trust.distributions.map((distribution) => distribution.id)).toEqual([trusting]);

    // Without a key group the key is only uploaded; nothing trusts it yet. (Adding a key to an
    // existing key group is UpdateKeyGroup, which moto answers with a 500: canned answers cover it in
    // test/unit/electron/node/cloudfront/cloudfront-upload.canned.test.ts.)
    const second = await world.keys.generateKey({ label: 'Acme media 2' });
    const alone = await upload.upload({ id: second.id, profile: 'acme-prod' });
    expect(alone.key.keyPairId).not.toBe(uploaded.key.keyPairId);
    expect(await upload.trustedBy({ id: second.id, profile: 'acme-prod' })).toEqual({ keyGroups: [], distributions: [] });
    gateway.destroy();
  });
});
