import type { AwsCredentials } from '../../../shared/domain/aws';
import type { CloudFrontDistribution, CloudFrontKeyGroup } from '../../../shared/domain/cloudfront';
import type { CloudFrontKey, UpdateCloudFrontKeyInput } from '../../../shared/domain/cloudfront-key';
import { RoledeckError } from '../../../shared/contract/errors';
import type { CloudFrontGateway } from '../../../shared/ports/cloudfront-gateway';

/** CloudFront allows at most five public keys in one key group (CloudFront quotas). */
const KEYS_PER_GROUP = 5;

export interface CloudFrontUploadServiceDeps {
  gateway: CloudFrontGateway;
  /** A profile's session credentials (SessionService.credentials), with the shared MFA prompt. */
  credentials(profileRef: string): Promise<AwsCredentials>;
  /** The region CloudFront's API is signed in for the profile's partition (shared/logic/cloudfront-endpoint). */
  apiRegion(profileRef: string): Promise<string>;
  keys: {
    get(id: string): Promise<CloudFrontKey>;
    update(input: UpdateCloudFrontKeyInput): Promise<CloudFrontKey>;
  };
}

/** Every key group of an account and every distribution, for "which distributions trust which key groups". */
export interface TrustMap {
  keyGroups: CloudFrontKeyGroup[];
  distributions: CloudFrontDistribution[];
}

/** Where a call goes: the session and the region, resolved once per request. */
interface Target {
  credentials: AwsCredentials;
  region: string;
}

export interface UploadResult {
  key: CloudFrontKey;
  keyGroup?: CloudFrontKeyGroup;
  /** Distributions with a cache behaviour that trusts the key group: where the key's URLs work. */
  distributions: CloudFrontDistribution[];
}

/** CloudFront public key names are 1–128 letters, digits, '-' and '_'. */
function publicKeyName(label: string, id: string): string {
  const cleaned = label.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `roledeck-${cleaned || 'key'}-${id.slice(0, 8)}`.slice(0, 128);
}

/**
 * Uploads a stored key's public half to CloudFront with a profile's session, notes the key ID
 * CloudFront gives it, and (with a key group name) puts it into that key group, created if
 * missing. Trusted key groups are how distributions trust signers since 2020; the root user's
 * CloudFront key pairs are legacy (CloudFront Developer Guide, "Specifying signers").
 */
export class CloudFrontUploadService {
  constructor(private readonly deps: CloudFrontUploadServiceDeps) {}

  async upload(input: { id: string; profile: string; keyGroup?: string | undefined }): Promise<UploadResult> {
    const stored = await this.deps.keys.get(input.id);
    if (stored.keyPairId) throw new RoledeckError('CONFLICT', `"${stored.label}" is already uploaded as ${stored.keyPairId}.`);
    const target = await this.target(input.profile);
    const { gateway } = this.deps;
    // The caller reference is the key's own id: a retried upload of the same key is the same request.
    const publicKey = await gateway.createPublicKey(target.credentials, target.region, {
      name: publicKeyName(stored.label, stored.id),
      pem: stored.publicKeyPem,
      comment: `Roledeck: ${stored.label}`.slice(0, 128),
      callerReference: stored.id,
    });
    const key = await this.deps.keys.update({ id: stored.id, keyPairId: publicKey.id });
    if (input.keyGroup === undefined) return { key, distributions: [] };
    const keyGroup = await this.addToKeyGroup(target, input.keyGroup, publicKey.id);
    const distributions = (await gateway.listDistributions(target.credentials, target.region)).filter((distribution) => distribution.trustedKeyGroupIds.includes(keyGroup.id));
    return { key, keyGroup, distributions };
  }

  /** The key groups holding a stored key's public key, and the distributions that trust any of them. */
  async trustedBy(input: { id: string; profile: string }): Promise<TrustMap> {
    const key = await this.deps.keys.get(input.id);
    if (!key.keyPairId) return { keyGroups: [], distributions: [] };
    const keyPairId = key.keyPairId;
    const all = await this.trustMap(input.profile);
    const keyGroups = all.keyGroups.filter((group) => group.publicKeyIds.includes(keyPairId));
    const ids = new Set(keyGroups.map((group) => group.id));
    return { keyGroups, distributions: all.distributions.filter((distribution) => distribution.trustedKeyGroupIds.some((id) => ids.has(id))) };
  }

  /** Every key group of the profile's account and every distribution, each naming the key groups it trusts. */
  async trustMap(profile: string): Promise<TrustMap> {
    const { credentials, region } = await this.target(profile);
    const [keyGroups, distributions] = await Promise.all([
      this.deps.gateway.listKeyGroups(credentials, region),
      this.deps.gateway.listDistributions(credentials, region),
    ]);
    return { keyGroups, distributions };
  }

  private async target(profile: string): Promise<Target> {
    // The region first: a GovCloud profile is refused before anyone is asked for an MFA code.
    const region = await this.deps.apiRegion(profile);
    return { credentials: await this.deps.credentials(profile), region };
  }

  private async addToKeyGroup(target: Target, name: string, publicKeyId: string): Promise<CloudFrontKeyGroup> {
    const { gateway } = this.deps;
    const { credentials, region } = target;
    const existing = (await gateway.listKeyGroups(credentials, region)).find((group) => group.name === name);
    if (!existing) return (await gateway.createKeyGroup(credentials, region, { name, publicKeyIds: [publicKeyId] })).keyGroup;
    const current = await gateway.getKeyGroup(credentials, region, existing.id);
    if (!current) throw new RoledeckError('NOT_FOUND', `The key group ${name} was removed meanwhile. Try again.`);
    if (current.keyGroup.publicKeyIds.length >= KEYS_PER_GROUP) {
      throw new RoledeckError('CONFLICT', `The key group ${name} already has ${KEYS_PER_GROUP} public keys, CloudFront's limit. Remove one from it, or name another key group.`);
    }
    const updated = await gateway.updateKeyGroup(credentials, region, {
      id: existing.id,
      etag: current.etag,
      name,
      publicKeyIds: [...current.keyGroup.publicKeyIds, publicKeyId],
      ...(current.keyGroup.comment !== undefined ? { comment: current.keyGroup.comment } : {}),
    });
    return updated.keyGroup;
  }
}
