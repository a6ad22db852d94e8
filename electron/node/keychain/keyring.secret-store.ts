import { AsyncEntry } from '@napi-rs/keyring';
import { RoledeckError } from '../../../shared/contract/errors';
import type { KeychainBackend, KeychainStatus } from '../../../shared/domain/keychain';
import { chunkPartItem, KEYCHAIN_SERVICE, STATUS_PROBE_ITEM } from '../../../shared/domain/keychain-items';
import type { SecretStore } from '../../../shared/ports/secret-store';
import { joinChunks, parseHeader, planChunks } from './chunked-secret';
import { messageOf } from '../../../shared/logic/error-message';
import { keychainFix } from '../../../shared/logic/keychain-help';

/** Windows Credential Manager's limit for one credential blob (CRED_MAX_CREDENTIAL_BLOB_SIZE). */
export const WINDOWS_MAX_ITEM_BYTES = 2560;

export interface KeyringSecretStoreOptions {
  /** The keychain "service" every Roledeck item is filed under. */
  service?: string;
  platform?: NodeJS.Platform;
  /** Bytes one keychain item may hold; defaults to the platform's limit. */
  maxItemBytes?: number;
}

function backendFor(platform: NodeJS.Platform): KeychainBackend {
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-credential-manager';
  return 'secret-service';
}

/** Maps the keyring library's errors onto what a person can do about them. */
export function classifyKeychainError(error: unknown, backend: KeychainBackend): RoledeckError {
  const text = messageOf(error);
  if (/locked|unlock|dismissed|prompt/i.test(text)) {
    return new RoledeckError(
      'KEYCHAIN_LOCKED',
      'The OS keychain is locked. Unlock it (log in again or open your keyring manager) and try again.',
      { cause: error },
    );
  }
  const hint =
    backend === 'secret-service'
      ? 'Roledeck needs a Secret Service provider (GNOME Keyring, KeePassXC or KWallet) running and unlocked in your session.'
      : 'Roledeck needs the OS keychain to store secrets.';
  return new RoledeckError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain cannot be reached. ${hint} Nothing was written anywhere else.`,
    { cause: error },
  );
}

/**
 * SecretStore on the OS keychain through @napi-rs/keyring (keytar's maintained successor).
 * On Linux the store is pinned to Secret Service so a missing daemon fails instead of silently
 * using the kernel keyring. Entries are cached: creating one blocks the event loop for ~10 ms.
 */
export class KeyringSecretStore implements SecretStore {
  private readonly entries = new Map<string, AsyncEntry>();
  private readonly service: string;
  private readonly backend: KeychainBackend;
  private readonly maxItemBytes: number;

  constructor(options: KeyringSecretStoreOptions = {}) {
    const platform = options.platform ?? process.platform;
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.backend = backendFor(platform);
    this.maxItemBytes = options.maxItemBytes ?? (platform === 'win32' ? WINDOWS_MAX_ITEM_BYTES : 64 * 1024);
  }

  private entry(name: string): AsyncEntry {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = new AsyncEntry(this.service, name, { linux: { store: 'secret-service' } });
      this.entries.set(name, entry);
    }
    return entry;
  }

  private async read(name: string): Promise<Uint8Array | null> {
    try {
      const bytes = await this.entry(name).getSecret();
      return bytes ? Uint8Array.from(bytes) : null;
    } catch (error) {
      throw classifyKeychainError(error, this.backend);
    }
  }

  private async write(name: string, value: Uint8Array): Promise<void> {
    try {
      await this.entry(name).setSecret(value);
    } catch (error) {
      throw classifyKeychainError(error, this.backend);
    }
  }

  private async remove(name: string): Promise<boolean> {
    try {
      return await this.entry(name).deleteCredential();
    } catch (error) {
      throw classifyKeychainError(error, this.backend);
    }
  }

  async get(name: string): Promise<Uint8Array | null> {
    const header = await this.read(name);
    if (!header) return null;
    const parsed = parseHeader(header);
    if (parsed.kind === 'inline') return parsed.secret;
    if (parsed.kind === 'invalid') return null;
    const parts: Array<Uint8Array | null> = [];
    for (let index = 0; index < parsed.partCount; index += 1) parts.push(await this.read(chunkPartItem(name, index)));
    return joinChunks(parsed, parts);
  }

  async set(name: string, value: Uint8Array): Promise<void> {
    const previous = await this.read(name);
    const previousHeader = previous ? parseHeader(previous) : null;
    const plan = planChunks(value, this.maxItemBytes);
    // Parts first, header last: a reader never sees a header whose parts are not written yet.
    for (const [index, part] of plan.parts.entries()) await this.write(chunkPartItem(name, index), part);
    await this.write(name, plan.header);
    if (previousHeader?.kind === 'chunked') {
      for (let index = plan.parts.length; index < previousHeader.partCount; index += 1) {
        await this.remove(chunkPartItem(name, index));
      }
    }
  }

  async delete(name: string): Promise<boolean> {
    const header = await this.read(name);
    if (!header) return false;
    const parsed = parseHeader(header);
    if (parsed.kind === 'chunked') {
      for (let index = 0; index < parsed.partCount; index += 1) await this.remove(chunkPartItem(name, index));
    }
    return this.remove(name);
  }

  async status(): Promise<KeychainStatus> {
    try {
      // A search for an absent item succeeds even on a locked collection, so the probe item is
      // written once and read after that: reading an existing item needs the store unlocked.
      const probe = this.entry(STATUS_PROBE_ITEM);
      if ((await probe.getSecret()) === null) await probe.setSecret(new Uint8Array([1]));
      return { backend: this.backend, state: 'ready', message: '' };
    } catch (error) {
      const classified = classifyKeychainError(error, this.backend);
      const state = classified.code === 'KEYCHAIN_LOCKED' ? 'locked' : 'unavailable';
      return { backend: this.backend, state, message: classified.message, fix: keychainFix(this.backend, state) };
    }
  }
}
