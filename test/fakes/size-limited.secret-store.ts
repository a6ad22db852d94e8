import { RoledeckError } from '../../shared/contract/errors';
import { MemorySecretStore } from './memory.secret-store';

/**
 * A keychain that refuses any item larger than `maxItemBytes`, as Windows Credential Manager
 * refuses a credential blob over 2,560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE). There is no Windows
 * machine here; this is how a test proves a secret fits there.
 */
export class SizeLimitedSecretStore extends MemorySecretStore {
  largestItem = 0;

  constructor(private readonly maxItemBytes = 2560) {
    super();
  }

  override async set(name: string, value: Uint8Array): Promise<void> {
    if (value.length > this.maxItemBytes) {
      throw new RoledeckError('KEYCHAIN_UNAVAILABLE', `The keychain refused an item of ${value.length} bytes (limit ${this.maxItemBytes}).`);
    }
    this.largestItem = Math.max(this.largestItem, value.length);
    await super.set(name, value);
  }
}
