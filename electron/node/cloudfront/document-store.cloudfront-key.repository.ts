import type { CloudFrontKey } from '../../../shared/domain/cloudfront-key';
import type { CloudFrontKeyRepository } from '../../../shared/ports/cloudfront-key-repository';
import type { DocumentStore } from '../../../shared/ports/document-store';

/**
 * CloudFront key metadata in the profile store document (`cloudfrontKeys`), so the app and the
 * CLI see the same keys and every change goes through the store's cross-process lock. The store
 * validates the whole document, CloudFrontKeysSchema included, before it writes.
 */
export class DocumentStoreCloudFrontKeyRepository implements CloudFrontKeyRepository {
  constructor(private readonly store: DocumentStore) {}

  async list(): Promise<CloudFrontKey[]> {
    return (await this.store.read()).cloudfrontKeys;
  }

  update<T>(mutate: (keys: CloudFrontKey[]) => T): Promise<T> {
    return this.store.update((document) => mutate(document.cloudfrontKeys));
  }
}
