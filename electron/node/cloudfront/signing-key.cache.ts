import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { RoledeckError } from '../../../shared/contract/errors';
import type { CloudFrontKey } from '../../../shared/domain/cloudfront-key';
import { cloudfrontKeyItem } from '../../../shared/domain/keychain-items';
import type { SecretStore } from '../../../shared/ports/secret-store';
import { fingerprintOf } from './pem-key';

/**
 * Private keys for signing, read from the keychain and parsed once per key: parsing a PEM costs
 * about as much as a signature, and a keychain read a few milliseconds. Concurrent first uses
 * share one read. `forget` drops a key when it is removed or replaced.
 */
export class SigningKeyCache {
  private readonly keys = new Map<string, Promise<KeyObject>>();

  constructor(private readonly secrets: SecretStore) {}

  get(key: CloudFrontKey): Promise<KeyObject> {
    let loading = this.keys.get(key.id);
    if (!loading) {
      loading = this.load(key);
      this.keys.set(key.id, loading);
      // A failure (locked keychain, missing item) is not cached: the next call tries again.
      loading.catch(() => this.keys.delete(key.id));
    }
    return loading;
  }

  forget(id: string): void {
    this.keys.delete(id);
  }

  private async load(key: CloudFrontKey): Promise<KeyObject> {
    const bytes = await this.secrets.get(cloudfrontKeyItem(key.id));
    if (!bytes) {
      throw new RoledeckError('NOT_FOUND', `The private key of "${key.label}" is missing from the OS keychain. Remove the key and import it again.`);
    }
    const privateKey = createPrivateKey({ key: Buffer.from(bytes).toString('utf8'), format: 'pem' });
    if (fingerprintOf(createPublicKey(privateKey)) !== key.fingerprint) {
      throw new RoledeckError('CONFLICT', `The OS keychain holds a different private key for "${key.label}" than the one imported. Remove the key and import it again.`);
    }
    return privateKey;
  }
}
