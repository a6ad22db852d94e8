import type { AwsCredentials } from '../../../shared/domain/aws';
import type { CloudFrontDistribution, CloudFrontKeyGroup } from '../../../shared/domain/cloudfront';
import type { CloudFrontKey, UpdateCloudFrontKeyInput } from '../../../shared/domain/cloudfront-key';
import { RoledeckError } from '../../../shared/contract/errors';
import type { CloudFrontGateway } from '../../../shared/ports/cloudfront-gateway';

/** CloudFront is global; AWS signs its API in us-east-1 (CloudFront API reference, "Endpoints"). */
const CLOUDFRONT_REGION = 'us-east-1';
/** CloudFront allows at most five public keys in one key group (CloudFront quotas). */
const KEYS_PER_GROUP = 5;

export interface CloudFrontUploadServiceDeps {
  gateway: CloudFrontGateway;
  /** A profile's session credentials (SessionService.credentials), with the shared MFA prompt. */
  credentials(profileRef: string): Promise<AwsCredentials>;
  keys: {
    get(id: string): Promise<CloudFrontKey>;
    update(input: UpdateCloudFrontKeyInput): Promise<CloudFrontKey>;
  };
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

  async upload(input: { id: string; profile: string; keyGroup?: string }): Promise<UploadResult> {
    const stored = await this.deps.keys.get(input.id);
    if (stored.keyPairId) throw new RoledeckError('CONFLICT', `"${stored.label}" is already uploaded as ${stored.keyPairId}.`);
    const credentials = await this.deps.credentials(input.profile);
    const { gateway } = this.deps;
    // The caller reference is the key's own id: a retried upload of the same key is the same request.
    const publicKey = await gateway.createPublicKey(credentials, CLOUDFRONT_REGION, {
      name: publicKeyName(stored.label, stored.id),
      pem: stored.publicKeyPem,
      comment: `Roledeck: ${stored.label}`.slice(0, 128),
      callerReference: stored.id,
    });
    const key = await this.deps.keys.update({ id: stored.id, keyPairId: publicKey.id });
    if (input.keyGroup === undefined) return { key, distributions: [] };
    const keyGroup = await this.addToKeyGroup(credentials, input.keyGroup, publicKey.id);
    const distributions = (await gateway.listDistributions(credentials, CLOUDFRONT_REGION)).filter((distribution) => distribution.trustedKeyGroupIds.includes(keyGroup.id));
    return { key, keyGroup, distributions };
  }

  /** The key groups holding a stored key's public key, and the distributions that trust any of them. */
  async trustedBy(input: { id: string; profile: string }): Promise<{ keyGroups: CloudFrontKeyGroup[]; distributions: CloudFrontDistribution[] }> {
    const key = await this.deps.keys.get(input.id);
    if (!key.keyPairId) return { keyGroups: [], distributions: [] };
    const keyPairId = key.keyPairId;
    const credentials = await this.deps.credentials(input.profile);
    const keyGroups = (await this.deps.gateway.listKeyGroups(credentials, CLOUDFRONT_REGION)).filter((group) => group.publicKeyIds.includes(keyPairId));
    const ids = new Set(keyGroups.map((group) => group.id));
    const distributions = (await this.deps.gateway.listDistributions(credentials, CLOUDFRONT_REGION)).filter((distribution) => distribution.trustedKeyGroupIds.some((id) => ids.has(id)));
    return { keyGroups, distributions };
  }

  private async addToKeyGroup(credentials: AwsCredentials, name: string, publicKeyId: string): Promise<CloudFrontKeyGroup> {
    const { gateway } = this.deps;
    const existing = (await gateway.listKeyGroups(credentials, CLOUDFRONT_REGION)).find((group) => group.name === name);
    if (!existing) return (await gateway.createKeyGroup(credentials, CLOUDFRONT_REGION, { name, publicKeyIds: [publicKeyId] })).keyGroup;
    const current = await gateway.getKeyGroup(credentials, CLOUDFRONT_REGION, existing.id);
    if (!current) throw new RoledeckError('NOT_FOUND', `The key group ${name} was removed meanwhile. Try again.`);
    if (current.keyGroup.publicKeyIds.length >= KEYS_PER_GROUP) {
      throw new RoledeckError('CONFLICT', `The key group ${name} already has ${KEYS_PER_GROUP} public keys, CloudFront's limit. Remove one from it, or name another key group.`);
    }
    const updated = await gateway.updateKeyGroup(credentials, CLOUDFRONT_REGION, {
      id: existing.id,
      etag: current.etag,
      name,
      publicKeyIds: [...current.keyGroup.publicKeyIds, publicKeyId],
      ...(current.keyGroup.comment !== undefined ? { comment: current.keyGroup.comment } : {}),
    });
    return updated.keyGroup;
  }
}
