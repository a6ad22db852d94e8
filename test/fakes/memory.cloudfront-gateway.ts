import type { AwsCredentials } from '../../shared/domain/aws';
import type { CloudFrontDistribution, CloudFrontKeyGroup, CloudFrontPublicKey } from '../../shared/domain/cloudfront';
import type { CloudFrontGateway, CreatePublicKeyInput, KeyGroupInput, VersionedKeyGroup } from '../../shared/ports/cloudfront-gateway';

/**
 * One account's CloudFront signing setup in memory: public keys, key groups with ETags, and the
 * distributions a test adds. Records the region and the signing key of every call.
 */
export class MemoryCloudFrontGateway implements CloudFrontGateway {
  readonly calls: Array<{ operation: string; region: string; signedWith: string }> = [];
  readonly publicKeys: CloudFrontPublicKey[] = [];
  readonly keyGroups: Array<VersionedKeyGroup> = [];
  readonly distributions: CloudFrontDistribution[] = [];
  private counter = 0;

  private note(operation: string, credentials: AwsCredentials, region: string): void {
    this.calls.push({ operation, region, signedWith: credentials.accessKeyId });
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(12, '0')}`;
  }

  async createPublicKey(credentials: AwsCredentials, region: string, input: CreatePublicKeyInput): Promise<CloudFrontPublicKey> {
    this.note('CreatePublicKey', credentials, region);
    const key = { id: this.nextId('K'), name: input.name, createdAt: 0, encodedKey: input.pem, ...(input.comment ? { comment: input.comment } : {}) };
    this.publicKeys.push(key);
    return key;
  }

  async listPublicKeys(credentials: AwsCredentials, region: string): Promise<CloudFrontPublicKey[]> {
    this.note('ListPublicKeys', credentials, region);
    return [...this.publicKeys];
  }

  async getPublicKey(credentials: AwsCredentials, region: string, id: string): Promise<CloudFrontPublicKey | null> {
    this.note('GetPublicKey', credentials, region);
    return this.publicKeys.find((key) => key.id === id) ?? null;
  }

  async createKeyGroup(credentials: AwsCredentials, region: string, input: KeyGroupInput): Promise<VersionedKeyGroup> {
    this.note('CreateKeyGroup', credentials, region);
    const group: VersionedKeyGroup = { keyGroup: { id: this.nextId('G'), name: input.name, publicKeyIds: [...input.publicKeyIds] }, etag: this.nextId('E') };
    this.keyGroups.push(group);
    return group;
  }

  async listKeyGroups(credentials: AwsCredentials, region: string): Promise<CloudFrontKeyGroup[]> {
    this.note('ListKeyGroups', credentials, region);
    return this.keyGroups.map((entry) => entry.keyGroup);
  }

  async getKeyGroup(credentials: AwsCredentials, region: string, id: string): Promise<VersionedKeyGroup | null> {
    this.note('GetKeyGroup', credentials, region);
    return this.keyGroups.find((entry) => entry.keyGroup.id === id) ?? null;
  }

  async updateKeyGroup(credentials: AwsCredentials, region: string, input: KeyGroupInput & { id: string; etag: string }): Promise<VersionedKeyGroup> {
    this.note('UpdateKeyGroup', credentials, region);
    const index = this.keyGroups.findIndex((entry) => entry.keyGroup.id === input.id);
    const current = this.keyGroups[index];
    if (!current || current.etag !== input.etag) throw new Error('PreconditionFailed');
    const updated = { keyGroup: { ...current.keyGroup, name: input.name, publicKeyIds: [...input.publicKeyIds] }, etag: this.nextId('E') };
    this.keyGroups[index] = updated;
    return updated;
  }

  async listDistributions(credentials: AwsCredentials, region: string): Promise<CloudFrontDistribution[]> {
    this.note('ListDistributions', credentials, region);
    return [...this.distributions];
  }

  /** A distribution whose default behaviour trusts these key groups. */
  addDistribution(id: string, domainName: string, keyGroupIds: string[]): void {
    this.distributions.push({
      id,
      arn: `arn:aws:cloudfront::222222222222:distribution/${id}`,
      domainName,
      aliases: [],
      comment: '',
      enabled: true,
      status: 'Deployed',
      behaviours: [{ pathPattern: '*', isDefault: true, trustedKeyGroupIds: keyGroupIds, trustedSignersEnabled: false }],
      trustedKeyGroupIds: keyGroupIds,
    });
  }
}
