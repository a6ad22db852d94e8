import { RoledeckError } from '../../shared/contract/errors';
import { CloudFrontKeysSchema, type CloudFrontKey } from '../../shared/domain/cloudfront-key';
import type { CloudFrontKeyRepository } from '../../shared/ports/cloudfront-key-repository';

/** CloudFrontKeyRepository in memory, with the real schema check on every update; `failNextUpdate` plays a busy store. */
export class MemoryCloudFrontKeyRepository implements CloudFrontKeyRepository {
  keys: CloudFrontKey[] = [];
  writes = 0;
  failNextUpdate: RoledeckError | null = null;

  async list(): Promise<CloudFrontKey[]> {
    return structuredClone(this.keys);
  }

  async update<T>(mutate: (keys: CloudFrontKey[]) => T): Promise<T> {
    if (this.failNextUpdate) {
      const failure = this.failNextUpdate;
      this.failNextUpdate = null;
      throw failure;
    }
    const copy = structuredClone(this.keys);
    const result = mutate(copy);
    const checked = CloudFrontKeysSchema.safeParse(copy);
    if (!checked.success) throw new RoledeckError('VALIDATION', checked.error.issues.map((issue) => issue.message).join('; '));
    this.keys = checked.data;
    this.writes += 1;
    return result;
  }
}
