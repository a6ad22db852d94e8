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

/** A keychain call that has not answered by then fails as KEYCHAIN_UNAVAILABLE (see withDeadline). */
export const KEYCHAIN_TIMEOUT_MS = 10_000;

/**
 * The calls Roledeck makes on one keychain item: @napi-rs/keyring's AsyncEntry. Tests hand in
 * stand-ins that reproduce a backend's behaviour the real keyring cannot be made to show on demand
 * (a refusal, a call that never returns).
 */
export interface KeyringEntry {
  getSecret(signal?: AbortSignal): Promise<number[] | null>;
  setSecret(secret: Uint8Array, signal?: AbortSignal): Promise<void>;
  deleteCredential(signal?: AbortSignal): Promise<boolean>;
}

export interface KeyringSecretStoreOptions {
  /** The keychain "service" every Roledeck item is filed under. */
  service?: string;
  platform?: NodeJS.Platform;
  /** Bytes one keychain item may hold; defaults to the platform's limit. */
  maxItemBytes?: number;
  /** How long one keychain call may take before it fails (default KEYCHAIN_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Opens an item; defaults to @napi-rs/keyring pinned to Secret Service on Linux. */
  openEntry?: (service: string, name: string) => KeyringEntry;
}

class KeychainTimeoutError extends Error {
  override name = 'KeychainTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`the keychain did not answer within ${timeoutMs} ms`);
  }
}

/**
 * Runs one keychain call with a deadline. A keyring daemon that is stopped, stuck or waiting on a
 * dialog nobody sees never answers, and libsecret/D-Bus may wait 25 s or more (the bus's reply
 * timeout) or forever (a macOS dialog), with the app's spinner or the CLI frozen meanwhile. The
 * signal asks the native call to stop; the caller gets a KEYCHAIN_UNAVAILABLE either way.
 */
async function withDeadline<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Rejected before the abort: the native call may reject at once on abort, and the race must
      // report the timeout, not the abort.
      reject(new KeychainTimeoutError(timeoutMs));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function backendFor(platform: NodeJS.Platform): KeychainBackend {
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-credential-manager';
  return 'secret-service';
}

/**
 * Failures whose sentence already says what to do about this very failure (a keyring that does not
 * answer, a refusal): the status leaves out the general per-platform fix (shared/logic/keychain-help),
 * whose "install and unlock a Secret Service provider" would send the person the wrong way.
 */
const SELF_EXPLAINED = new WeakSet<RoledeckError>();

function selfExplained(error: RoledeckError): RoledeckError {
  SELF_EXPLAINED.add(error);
  return error;
}

/** Maps the keyring library's errors onto what a person can do about them. */
export function classifyKeychainError(error: unknown, backend: KeychainBackend): RoledeckError {
  if (error instanceof RoledeckError) return error;
  const text = messageOf(error);
  // Our own deadline, or the bus's: a stopped gnome-keyring-daemon makes libdbus give up with
  // "Did not receive a reply. Possible causes include: … the message bus security policy blocked
  // the reply …" after about 2 s (measured), a wording the "locked" test below must not catch.
  if (error instanceof KeychainTimeoutError || /did not receive a reply|NoReply|timed? ?out/i.test(text)) {
    const what = backend === 'secret-service' ? 'your keyring service (GNOME Keyring, KeePassXC or KWallet)' : 'the OS keychain (look for a keychain dialog waiting for you)';
    const within = error instanceof KeychainTimeoutError ? ` within ${Math.max(1, Math.round(error.timeoutMs / 1000))} s` : '';
    return selfExplained(
      new RoledeckError(
        'KEYCHAIN_UNAVAILABLE',
        `The OS keychain did not answer${within}. Check ${what}, or restart it, and try again. Nothing was written anywhere else.`,
        { cause: error },
      ),
    );
  }
  // macOS says "User interaction is not allowed" (errSecInteractionNotAllowed) for a locked
  // keychain it may not prompt for.
  if (/\blocked\b|\bunlock|dismissed|prompt|interaction is not allowed/i.test(text)) {
    return new RoledeckError(
      'KEYCHAIN_LOCKED',
      'The OS keychain is locked. Unlock it (log in again or open your keyring manager) and try again.',
      { cause: error },
    );
  }
  // Secret Service: org.freedesktop.DBus.Error.AccessDenied (a bus policy or a sandbox refused the
  // call); Windows: "Access is denied." (ERROR_ACCESS_DENIED); macOS: errSecAuthFailed / "not permitted".
  if (/access ?denied|access is denied|not permitted|permission denied|auth(orization)? failed/i.test(text)) {
    return selfExplained(
      new RoledeckError(
        'KEYCHAIN_UNAVAILABLE',
        'The OS keychain refused Roledeck access. Allow Roledeck in your keychain’s access settings (or the sandbox’s Secret Service permission) and try again. Nothing was written anywhere else.',
        { cause: error },
      ),
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
  private readonly entries = new Map<string, KeyringEntry>();
  private readonly service: string;
  private readonly backend: KeychainBackend;
  private readonly maxItemBytes: number;
  private readonly timeoutMs: number;
  private readonly openEntry: (service: string, name: string) => KeyringEntry;

  constructor(options: KeyringSecretStoreOptions = {}) {
    const platform = options.platform ?? process.platform;
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.backend = backendFor(platform);
    this.maxItemBytes = options.maxItemBytes ?? (platform === 'win32' ? WINDOWS_MAX_ITEM_BYTES : 64 * 1024);
    this.timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
    this.openEntry = options.openEntry ?? ((service, name) => new AsyncEntry(service, name, { linux: { store: 'secret-service' } }));
  }

  private entry(name: string): KeyringEntry {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = this.openEntry(this.service, name);
      this.entries.set(name, entry);
    }
    return entry;
  }

  private async guarded<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withDeadline(this.timeoutMs, call);
    } catch (error) {
      throw classifyKeychainError(error, this.backend);
    }
  }

  private async read(name: string): Promise<Uint8Array | null> {
    const bytes = await this.guarded((signal) => this.entry(name).getSecret(signal));
    return bytes ? Uint8Array.from(bytes) : null;
  }

  private write(name: string, value: Uint8Array): Promise<void> {
    return this.guarded((signal) => this.entry(name).setSecret(value, signal));
  }

  private remove(name: string): Promise<boolean> {
    return this.guarded((signal) => this.entry(name).deleteCredential(signal));
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
      if ((await this.read(STATUS_PROBE_ITEM)) === null) await this.write(STATUS_PROBE_ITEM, new Uint8Array([1]));
      return { backend: this.backend, state: 'ready', message: '' };
    } catch (error) {
      const classified = classifyKeychainError(error, this.backend);
      const state = classified.code === 'KEYCHAIN_LOCKED' ? 'locked' : 'unavailable';
      if (SELF_EXPLAINED.has(classified)) return { backend: this.backend, state, message: classified.message };
      return { backend: this.backend, state, message: classified.message, fix: keychainFix(this.backend, state) };
    }
  }
}
