import type { StoreDocument } from '../domain/store-document';

/**
 * Where profiles, settings and history live. The Electron app and the CLI may use the same store
 * at the same time; every change goes through `update`, so neither loses the other's writes.
 *
 * Failures are RoledeckErrors:
 * - KEYCHAIN_LOCKED / KEYCHAIN_UNAVAILABLE from the SecretStore holding the store key, unchanged;
 *   nothing was written.
 * - STORE_UNREADABLE: the store exists but is damaged, or cannot be decrypted with the key in the
 *   keychain. A copy was set aside and the store is left as it is; the user may `reset()`.
 * - STORE_NEWER_VERSION: a newer Roledeck wrote the store. It is never overwritten: the user
 *   upgrades Roledeck.
 * - VALIDATION: an `update` produced a document that breaks the schema; nothing was written.
 * - CONFLICT: another process held the store lock for too long.
 */
export interface DocumentStore {
  /** Where the store lives, to show people (its file path). */
  readonly location: string;
  /** The latest saved document; an empty one if the store was never written (first run). */
  read(): Promise<StoreDocument>;
  /**
   * Applies `mutate` to a copy of the latest document under a cross-process lock, validates the
   * result and saves it atomically; resolves with what `mutate` returned. If `mutate` throws,
   * or leaves the document unchanged, nothing is written. Keep `mutate` quick (no network
   * calls): other processes wait for the lock meanwhile.
   */
  update<T>(mutate: (document: StoreDocument) => T | Promise<T>): Promise<T>;
  /**
   * Start over: the user's explicit choice to abandon the store (usually an unreadable or newer
   * one). The current file is renamed aside, never deleted, and an empty store starts. Keychain
   * secrets stay; the store key is reused, or created if it is gone. Resolves with where the old
   * file went, or null if there was none.
   */
  reset(): Promise<{ setAsideAs: string | null }>;
}
