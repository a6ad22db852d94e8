/**
 * Adding a key to an existing key group is UpdateKeyGroup with the ETag of a GetKeyGroup as
 * If-Match (CloudFront API reference, UpdateKeyGroup). Moto does not implement UpdateKeyGroup
 * (../shared/TESTING.md, moto gaps), so these play CloudFront's answers on the real gateway:
 * the whole key list replaced, the ETag sent back, the five-key limit, and a stale ETag.
 */
import {
  CloudFrontClient,
  CloudFrontServiceException,
  CreatePublicKeyCommand,
  GetKeyGroupCommand,
  ListDistributionsCommand,
  ListKeyGroupsCommand,
  UpdateKeyGroupCommand,
  type KeyGroup,
} from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SdkCloudFrontGateway } from '../../../../../electron/node/aws/cloudfront.gateway';
import { CloudFrontUploadService } from '../../../../../electron/node/cloudfront/cloudfront-upload.service';
import { cloudFrontWorld, failure } from './cloudfront-world';

const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret'.padEnd(40, 'x'), sessionToken: 'token' };
const cf = mockClient(CloudFrontClient);

function keyGroup(items: string[], id = 'KG1'): KeyGroup {
  return { Id: id, LastModifiedTime: new Date(Date.UTC(2026, 10, 1)), KeyGroupConfig: { Name: 'acme-signers', Items: items, Comment: 'Acme media' } };
}

function setup(apiRegion = 'us-east-1') {
  const world = cloudFrontWorld();
  const gateway = new SdkCloudFrontGateway();
  const upload = new CloudFrontUploadService({ gateway, credentials: async () => credentials, apiRegion: async () => apiRegion, keys: world.keys });
  return { world, gateway, upload };
}

describe('adding a key to an existing key group (UpdateKeyGroup, which moto lacks)', () => {
  beforeEach(() => {
    cf.reset();
    cf.on(CreatePublicKeyCommand).resolves({ PublicKey: { Id: 'K2NEWKEY0001', CreatedTime: new Date(), PublicKeyConfig: { CallerReference: 'x', Name: 'n', EncodedKey: 'pem' } } });
    cf.on(ListKeyGroupsCommand).resolves({ KeyGroupList: { MaxItems: 100, Quantity: 1, Items: [{ KeyGroup: keyGroup(['K1OLDKEY0001']) }] } });
    cf.on(ListDistributionsCommand).resolves({
      DistributionList: {
        Marker: '',
        MaxItems: 100,
        IsTruncated: false,
        Quantity: 1,
        Items: [
          {
            Id: 'E1DIST',
            ARN: 'arn:aws:cloudfront::111111111111:distribution/E1DIST',
            DomainName: 'd111111abcdef8.cloudfront.net',
            Status: 'Deployed',
            Comment: 'acme downloads',
            Enabled: true,
            Aliases: { Quantity: 0 },
            DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'https-only', TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: ['KG1'] } },
          } as never,
        ],
      },
    });
  });
  afterEach(() => cf.reset());

  it('keeps the keys already in the group, adds the new one, and sends the ETag it read as If-Match', async () => {
    cf.on(GetKeyGroupCommand).resolves({ KeyGroup: keyGroup(['K1OLDKEY0001']), ETag: 'E2QWRUHEXAMPLE' });
    cf.on(UpdateKeyGroupCommand).callsFake((input: { KeyGroupConfig: { Items: string[] } }) => ({ KeyGroup: keyGroup(input.KeyGroupConfig.Items), ETag: 'E3NEWETAG' }));
    const { world, gateway, upload } = setup();
    const stored = await world.keys.generateKey({ label: 'Acme media 2' });

    const result = await upload.upload({ id: stored.id, profile: 'acme-prod', keyGroup: 'acme-signers' });

    const update = cf.commandCalls(UpdateKeyGroupCommand);
    expect(update).toHaveLength(1);
    expect(update[0]?.args[0].input).toMatchObject({ Id: 'KG1', IfMatch: 'E2QWRUHEXAMPLE', KeyGroupConfig: { Name: 'acme-signers', Items: ['K1OLDKEY0001', 'K2NEWKEY0001'], Comment: 'Acme media' } });
    expect(result.keyGroup?.publicKeyIds).toEqual(['K1OLDKEY0001', 'K2NEWKEY0001']);
    expect(result.distributions.map((distribution) => distribution.id)).toEqual(['E1DIST']);
    expect((await world.keys.get(stored.id)).keyPairId).toBe('K2NEWKEY0001');
    gateway.destroy();
  });

  it('refuses a sixth key before calling UpdateKeyGroup, and says to remove one or name another group', async () => {
    const full = ['K1A0000001', 'K1A0000002', 'K1A0000003', 'K1A0000004', 'K1A0000005'];
    cf.on(GetKeyGroupCommand).resolves({ KeyGroup: keyGroup(full), ETag: 'E2QWRUHEXAMPLE' });
    const { world, gateway, upload } = setup();
    const stored = await world.keys.generateKey({ label: 'Acme media 6' });

    const error = await failure(upload.upload({ id: stored.id, profile: 'acme-prod', keyGroup: 'acme-signers' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already has 5 public keys.*Remove one from it, or name another key group/);
    expect(cf.commandCalls(UpdateKeyGroupCommand)).toHaveLength(0);
    gateway.destroy();
  });

  it('a key group changed by someone else between read and update (PreconditionFailed) fails the upload instead of dropping their key', async () => {
    cf.on(GetKeyGroupCommand).resolves({ KeyGroup: keyGroup(['K1OLDKEY0001']), ETag: 'E2STALE' });
    cf.on(UpdateKeyGroupCommand).rejects(
      new CloudFrontServiceException({ name: 'PreconditionFailed', $fault: 'client', $metadata: { httpStatusCode: 412 }, message: 'The precondition given in one or more of the request-header fields evaluated to false.' }),
    );
    const { world, gateway, upload } = setup();
    const stored = await world.keys.generateKey({ label: 'Acme media 3' });

    const error = await upload.upload({ id: stored.id, profile: 'acme-prod', keyGroup: 'acme-signers' }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ awsCode: 'PreconditionFailed' });
    gateway.destroy();
  });

  it('calls CloudFront in the region the profile’s partition signs it in (cn-northwest-1 for aws-cn)', async () => {
    cf.on(GetKeyGroupCommand).resolves({ KeyGroup: keyGroup(['K1OLDKEY0001']), ETag: 'E2' });
    cf.on(UpdateKeyGroupCommand).resolves({ KeyGroup: keyGroup(['K1OLDKEY0001', 'K2NEWKEY0001']), ETag: 'E3' });
    const { world, gateway, upload } = setup('cn-northwest-1');
    const stored = await world.keys.generateKey({ label: 'Acme China' });

    await upload.upload({ id: stored.id, profile: 'acme-cn', keyGroup: 'acme-signers' });
    const client = cf.commandCalls(CreatePublicKeyCommand)[0]?.thisValue as CloudFrontClient;
    expect(await client.config.region()).toBe('cn-northwest-1');
    gateway.destroy();
  });
});
