import { randomUUID } from 'node:crypto';
import type * as CloudFrontSdk from '@aws-sdk/client-cloudfront';
import type { CloudFrontClient, DistributionSummary, KeyGroup, TrustedKeyGroups, TrustedSigners } from '@aws-sdk/client-cloudfront';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { AwsCallError, isAwsError } from '../../../shared/domain/aws-call-error';
import type { CacheBehaviourTrust, CloudFrontDistribution, CloudFrontKeyGroup, CloudFrontPublicKey } from '../../../shared/domain/cloudfront';
import type { CloudFrontGateway, CreatePublicKeyInput, KeyGroupInput, VersionedKeyGroup } from '../../../shared/ports/cloudfront-gateway';
import { AwsClientPool, type AwsClientSettings } from './aws-client-pool';

type Sdk = typeof CloudFrontSdk;

/** The fields CloudFront returns for a public key, whether from Get (inside PublicKeyConfig) or List. */
interface PublicKeyFields {
  Id?: string | undefined;
  CreatedTime?: Date | undefined;
  Name?: string | undefined;
  EncodedKey?: string | undefined;
  Comment?: string | undefined;
}

function toPublicKey(key: PublicKeyFields): CloudFrontPublicKey {
  return {
    id: key.Id ?? '',
    name: key.Name ?? '',
    ...(key.Comment ? { comment: key.Comment } : {}),
    createdAt: key.CreatedTime?.getTime() ?? 0,
    encodedKey: key.EncodedKey ?? '',
  };
}

function toKeyGroup(group: KeyGroup | undefined): CloudFrontKeyGroup {
  return {
    id: group?.Id ?? '',
    name: group?.KeyGroupConfig?.Name ?? '',
    ...(group?.KeyGroupConfig?.Comment ? { comment: group.KeyGroupConfig.Comment } : {}),
    publicKeyIds: group?.KeyGroupConfig?.Items ?? [],
    ...(group?.LastModifiedTime ? { updatedAt: group.LastModifiedTime.getTime() } : {}),
  };
}

function versioned(operation: string, group: KeyGroup | undefined, etag: string | undefined): VersionedKeyGroup {
  if (!group || !etag) throw new AwsCallError('EmptyResponse', `${operation} returned no key group.`);
  return { keyGroup: toKeyGroup(group), etag };
}

function trust(pathPattern: string, isDefault: boolean, keyGroups: TrustedKeyGroups | undefined, signers: TrustedSigners | undefined): CacheBehaviourTrust {
  return {
    pathPattern,
    isDefault,
    // Items can outlive Enabled=false in what AWS returns; only an enabled list is enforced.
    trustedKeyGroupIds: keyGroups?.Enabled ? (keyGroups.Items ?? []) : [],
    trustedSignersEnabled: signers?.Enabled ?? false,
  };
}

function toDistribution(summary: DistributionSummary): CloudFrontDistribution {
  const behaviours = [
    trust('*', true, summary.DefaultCacheBehavior?.TrustedKeyGroups, summary.DefaultCacheBehavior?.TrustedSigners),
    ...(summary.CacheBehaviors?.Items ?? []).map((behaviour) => trust(behaviour.PathPattern ?? '', false, behaviour.TrustedKeyGroups, behaviour.TrustedSigners)),
  ];
  return {
    id: summary.Id ?? '',
    arn: summary.ARN ?? '',
    domainName: summary.DomainName ?? '',
    aliases: summary.Aliases?.Items ?? [],
    comment: summary.Comment ?? '',
    enabled: summary.Enabled ?? false,
    status: summary.Status ?? '',
    behaviours,
    trustedKeyGroupIds: [...new Set(behaviours.flatMap((behaviour) => behaviour.trustedKeyGroupIds))],
  };
}

/** GetPublicKey answers an unknown ID with NoSuchPublicKey, GetKeyGroup with NoSuchResource (both HTTP 404). */
function isMissing(error: unknown): boolean {
  return isAwsError(error, 'NoSuchPublicKey', 'NoSuchResource') || (error instanceof AwsCallError && error.httpStatus === 404);
}

/** CloudFrontGateway on the AWS SDK v3 (the SDK loads on the first call). */
export class SdkCloudFrontGateway implements CloudFrontGateway {
  private readonly clients: AwsClientPool<Sdk, CloudFrontClient>;

  constructor(settings: AwsClientSettings = {}) {
    this.clients = new AwsClientPool({ load: () => import('@aws-sdk/client-cloudfront'), create: (sdk, config) => new sdk.CloudFrontClient(config) }, settings);
  }

  createPublicKey(credentials: AwsCredentials, region: string, input: CreatePublicKeyInput): Promise<CloudFrontPublicKey> {
    return this.clients.call(credentials, region, 'CreatePublicKey', async (client, sdk) => {
      const out = await client.send(
        new sdk.CreatePublicKeyCommand({
          PublicKeyConfig: { CallerReference: input.callerReference ?? randomUUID(), Name: input.name, EncodedKey: input.pem, Comment: input.comment },
        }),
      );
      if (!out.PublicKey) throw new AwsCallError('EmptyResponse', 'CreatePublicKey returned no public key.');
      return toPublicKey({ ...out.PublicKey.PublicKeyConfig, Id: out.PublicKey.Id, CreatedTime: out.PublicKey.CreatedTime });
    });
  }

  listPublicKeys(credentials: AwsCredentials, region: string): Promise<CloudFrontPublicKey[]> {
    return this.clients.call(credentials, region, 'ListPublicKeys', async (client, sdk) => {
      const keys: CloudFrontPublicKey[] = [];
      let marker: string | undefined;
      do {
        const out = await client.send(new sdk.ListPublicKeysCommand({ Marker: marker }));
        keys.push(...(out.PublicKeyList?.Items ?? []).map(toPublicKey));
        marker = out.PublicKeyList?.NextMarker;
      } while (marker);
      return keys;
    });
  }

  async getPublicKey(credentials: AwsCredentials, region: string, id: string): Promise<CloudFrontPublicKey | null> {
    try {
      return await this.clients.call(credentials, region, 'GetPublicKey', async (client, sdk) => {
        const out = await client.send(new sdk.GetPublicKeyCommand({ Id: id }));
        if (!out.PublicKey) return null;
        return toPublicKey({ ...out.PublicKey.PublicKeyConfig, Id: out.PublicKey.Id, CreatedTime: out.PublicKey.CreatedTime });
      });
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  createKeyGroup(credentials: AwsCredentials, region: string, input: KeyGroupInput): Promise<VersionedKeyGroup> {
    return this.clients.call(credentials, region, 'CreateKeyGroup', async (client, sdk) => {
      const out = await client.send(new sdk.CreateKeyGroupCommand({ KeyGroupConfig: { Name: input.name, Items: [...input.publicKeyIds], Comment: input.comment } }));
      return versioned('CreateKeyGroup', out.KeyGroup, out.ETag);
    });
  }

  listKeyGroups(credentials: AwsCredentials, region: string): Promise<CloudFrontKeyGroup[]> {
    return this.clients.call(credentials, region, 'ListKeyGroups', async (client, sdk) => {
      const groups: CloudFrontKeyGroup[] = [];
      let marker: string | undefined;
      do {
        const out = await client.send(new sdk.ListKeyGroupsCommand({ Marker: marker }));
        groups.push(...(out.KeyGroupList?.Items ?? []).map((item) => toKeyGroup(item.KeyGroup)));
        marker = out.KeyGroupList?.NextMarker;
      } while (marker);
      return groups;
    });
  }

  async getKeyGroup(credentials: AwsCredentials, region: string, id: string): Promise<VersionedKeyGroup | null> {
    try {
      return await this.clients.call(credentials, region, 'GetKeyGroup', async (client, sdk) => {
        const out = await client.send(new sdk.GetKeyGroupCommand({ Id: id }));
        return versioned('GetKeyGroup', out.KeyGroup, out.ETag);
      });
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  updateKeyGroup(credentials: AwsCredentials, region: string, input: KeyGroupInput & { id: string; etag: string }): Promise<VersionedKeyGroup> {
    return this.clients.call(credentials, region, 'UpdateKeyGroup', async (client, sdk) => {
      const out = await client.send(
        new sdk.UpdateKeyGroupCommand({
          Id: input.id,
          IfMatch: input.etag,
          KeyGroupConfig: { Name: input.name, Items: [...input.publicKeyIds], Comment: input.comment },
        }),
      );
      return versioned('UpdateKeyGroup', out.KeyGroup, out.ETag);
    });
  }

  listDistributions(credentials: AwsCredentials, region: string): Promise<CloudFrontDistribution[]> {
    return this.clients.call(credentials, region, 'ListDistributions', async (client, sdk) => {
      const distributions: CloudFrontDistribution[] = [];
      let marker: string | undefined;
      do {
        const out = await client.send(new sdk.ListDistributionsCommand({ Marker: marker }));
        distributions.push(...(out.DistributionList?.Items ?? []).map(toDistribution));
        marker = out.DistributionList?.IsTruncated ? out.DistributionList.NextMarker : undefined;
      } while (marker);
      return distributions;
    });
  }

  /** Closes the SDK clients this gateway keeps (app shutdown). */
  destroy(): void {
    this.clients.destroy();
  }
}
