import type { KeychainStatus } from '../../shared/domain/keychain';
import type { SecretStore } from '../../shared/ports/secret-store';

/** In-memory SecretStore for unit tests; `state` lets a test play a locked or missing keychain. */
export class MemorySecretStore implements SecretStore {
  readonly items = new Map<string, Uint8Array>();
  /** Every write and deletion in order (`set user/…`, `delete session/…`), for tests of the order of effects. */
  readonly writes: string[] = [];
  state: KeychainStatus['state'] = 'ready';

  async get(name: string): Promise<Uint8Array | null> {
    return this.items.get(name) ?? null;
  }
  async set(name: string, value: Uint8Array): Promise<void> {
    this.writes.push(`set ${name}`);
    this.items.set(name, Uint8Array.from(value));
  }
  async delete(name: string): Promise<boolean> {
    this.writes.push(`delete ${name}`);
    return this.items.delete(name);
  }
  async status(): Promise<KeychainStatus> {
    return { backend: 'memory', state: this.state, message: this.state === 'ready' ? '' : `keychain ${this.state}` };
  }
}
