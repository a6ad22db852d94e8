import type { CloudFrontKey } from '../domain/cloudfront-key';

/**
 * Where the metadata of stored CloudFront keys lives (never the private keys: those are in the
 * SecretStore). Backed by the profile store document, so the app and the CLI share it.
 */
export interface CloudFrontKeyRepository {
  /** Every stored key, as last saved. */
  list(): Promise<CloudFrontKey[]>;
  /**
   * Applies `mutate` to the latest list under the store's cross-process lock and saves the
   * result; resolves with what `mutate` returned. If `mutate` throws, nothing is written. The list
   * is validated with `CloudFrontKeysSchema` before it is saved (VALIDATION otherwise).
   */
  update<T>(mutate: (keys: CloudFrontKey[]) => T): Promise<T>;
}
