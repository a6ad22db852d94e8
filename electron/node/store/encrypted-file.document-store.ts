import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { RoledeckError } from '../../../shared/contract/errors';
import {
  CURRENT_STORE_VERSION,
  HISTORY_LIMIT,
  StoreDocumentSchema,
  describeIssues,
  emptyDocument,
  parseStoreDocument,
  type StoreDocument,
} from '../../../shared/domain/store-document';
import { STORE_KEY_ITEM } from '../../../shared/domain/keychain-items';
import { systemClock, type Clock } from '../../../shared/ports/clock';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';
import { writeFileAtomic, writeNewFile } from './atomic-file';
import { withLockFile } from './lock-file';
import { ENVELOPE_FORMAT, KEY_BYTES, openEnvelope, readHeader, sealEnvelope } from './store-envelope';
import { STORE_FILE } from './store-version';

export const STORE_FILE_NAME = STORE_FILE;

/** Where the store lives: ROLEDECK_HOME if set (the CLI, tests, portable setups), else the app data dir. */
export function resolveStoreHome(appDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.ROLEDECK_HOME?.trim();
  return override ? path.resolve(override) : appDataDir;
}

export interface EncryptedFileDocumentStoreOptions {
  home: string;
  secrets: SecretStore;
  logger: Logger;
  clock?: Clock;
  /** How long an update waits for another process's lock; 10 s by default. */
  lockTimeoutMs?: number;
  /** Age after which a lock is taken over even if its holder runs; 30 s by default. */
  staleLockMs?: number;
}

type Unreadable = 'damaged' | 'tampered' | 'wrong-key' | 'missing-key' | 'invalid';

type Opened =
  | { kind: 'ok'; document: StoreDocument }
  /** version is null when the envelope format itself is newer: the version cannot be read then. */
  | { kind: 'newer'; version: number | null }
  | { kind: 'unreadable'; why: Unreadable; detail: string };

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** How to start over, in the app and in the CLI: the store's messages reach both. */
const START_OVER =
  'start over with an empty profile list: Start over in Roledeck (Settings), or `roledeck store reset`. The old file is kept, and your keychain secrets stay.';

/** ISO time without ':' (not allowed in Windows file names). */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/**
 * The profile store: one AES-256-GCM encrypted file, `<home>/profiles.rdk`, whose key is one
 * keychain item. The key is read once per process and kept in memory. A store that cannot be read
 * is never replaced silently: a copy is set aside, the file is left as it is, and the caller gets
 * a STORE_UNREADABLE or STORE_NEWER_VERSION error saying what to do.
 */
export class EncryptedFileDocumentStore implements DocumentStore {
  readonly home: string;
  readonly file: string;
  readonly location: string;
  private readonly lockFile: string;
  private readonly secrets: SecretStore;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly lockOptions: { timeoutMs?: number; staleMs?: number; logger: Logger };
  /** The key read from the keychain; null is never cached, so a key created meanwhile is found. */
  private key: Promise<Buffer | null> | null = null;
  /** Updates of this object run one after another, so they queue here instead of polling the lock file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: EncryptedFileDocumentStoreOptions) {
    this.home = options.home;
    this.file = path.join(options.home, STORE_FILE_NAME);
    this.location = this.file;
    this.lockFile = `${this.file}.lock`;
    this.secrets = options.secrets;
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.lockOptions = { logger: options.logger };
    if (options.lockTimeoutMs !== undefined) this.lockOptions.timeoutMs = options.lockTimeoutMs;
    if (options.staleLockMs !== undefined) this.lockOptions.staleMs = options.staleLockMs;
  }

  async read(): Promise<StoreDocument> {
    const bytes = await this.readFileBytes();
    return bytes ? this.loadDocument(bytes) : emptyDocument();
  }

  update<T>(mutate: (document: StoreDocument) => T | Promise<T>): Promise<T> {
    return this.serialized(() => this.updateNow(mutate));
  }

  reset(): Promise<{ setAsideAs: string | null }> {
    return this.serialized(() => this.resetNow());
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async updateNow<T>(mutate: (document: StoreDocument) => T | Promise<T>): Promise<T> {
    // The keychain is asked before the lock is taken: a keychain prompt must not hold up other
    // processes, and a locked keychain fails before anything is written.
    if (!this.key && (await this.fileExists())) await this.cachedKey();
    await this.ensureHome();
    return withLockFile(
      this.lockFile,
      async () => {
        const bytes = await this.readFileBytes();
        const current = bytes ? await this.loadDocument(bytes) : emptyDocument();
        const draft = structuredClone(current);
        const result = await mutate(draft);
        // Newest entries are appended last; the oldest go first.
        if (draft.history.length > HISTORY_LIMIT) draft.history.splice(0, draft.history.length - HISTORY_LIMIT);
        const parsed = StoreDocumentSchema.safeParse(draft);
        if (!parsed.success) {
          throw new RoledeckError(
            'VALIDATION',
            `Roledeck did not save this change because it would break the profile list (${describeIssues(parsed.error).join('; ')}). Your profiles are as they were.`,
          );
        }
        const json = JSON.stringify(parsed.data);
        if (json === JSON.stringify(current)) return result;
        await this.writeDocument(json, await this.keyForWriting({ replaceDamaged: false }));
        return result;
      },
      this.lockOptions,
    );
  }

  private async resetNow(): Promise<{ setAsideAs: string | null }> {
    await this.ensureHome();
    return withLockFile(
      this.lockFile,
      async () => {
        const bytes = await this.readFileBytes();
        // A locked keychain fails here, before anything moves: the key is needed to write the new store.
        const opened = bytes ? await this.open(bytes) : null;
        const key = await this.keyForWriting({ replaceDamaged: true });
        let setAsideAs: string | null = null;
        if (opened) {
          const kind = opened.kind === 'ok' ? 'previous' : opened.kind === 'newer' ? 'newer' : 'broken';
          // If the file cannot be moved this throws, and the store stays as it was.
          setAsideAs = await this.moveAside(kind);
        }
        await this.writeDocument(JSON.stringify(emptyDocument()), key);
        this.logger.warn('started the profile store over', { store: this.file, setAsideAs });
        return { setAsideAs };
      },
      this.lockOptions,
    );
  }

  /**
   * Renames the store file to `profiles.rdk.<kind>-<time>` beside it: the bytes are kept exactly
   * as they were, under a name nothing else writes to. Runs under the store lock; the name is
   * checked first because rename() replaces an existing file on POSIX systems.
   */
  private async moveAside(kind: 'broken' | 'newer' | 'previous'): Promise<string> {
    const base = path.join(this.home, `${STORE_FILE_NAME}.${kind}-${stamp(this.clock.now())}`);
    for (let attempt = 1; attempt <= 100; attempt += 1) {
      const candidate = attempt === 1 ? base : `${base}-${attempt}`;
      if (await stat(candidate).then(() => true, (error: unknown) => (isMissing(error) ? false : Promise.reject(error)))) continue;
      await rename(this.file, candidate);
      return candidate;
    }
    throw new RoledeckError('CONFLICT', `Roledeck could not find a free name beside ${this.file} to move it to. Nothing was changed.`);
  }

  private async ensureHome(): Promise<void> {
    await mkdir(this.home, { recursive: true, mode: 0o700 });
  }

  private async fileExists(): Promise<boolean> {
    try {
      await stat(this.file);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private async readFileBytes(): Promise<Buffer | null> {
    try {
      return await readFile(this.file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private async writeDocument(json: string, key: Buffer): Promise<void> {
    await writeFileAtomic(this.file, sealEnvelope(Buffer.from(json, 'utf8'), key, CURRENT_STORE_VERSION));
  }

  /**
   * The key as cached, reading the keychain at most once per process while it is present.
   * Keychain errors (locked, unavailable) propagate unchanged and are not cached.
   */
  private cachedKey(): Promise<Buffer | null> {
    if (!this.key) {
      const loading = this.secrets.get(STORE_KEY_ITEM).then((bytes) => (bytes ? Buffer.from(bytes) : null));
      this.key = loading;
      void loading.then(
        (key) => {
          if (!key && this.key === loading) this.key = null;
        },
        () => {
          if (this.key === loading) this.key = null;
        },
      );
    }
    return this.key;
  }

  private async keyForWriting({ replaceDamaged }: { replaceDamaged: boolean }): Promise<Buffer> {
    const existing = await this.cachedKey();
    if (existing?.length === KEY_BYTES) return existing;
    if (existing && !replaceDamaged) {
      throw new RoledeckError(
        'STORE_UNREADABLE',
        `The key for your Roledeck profiles in the OS keychain (item "${STORE_KEY_ITEM}") is damaged, so Roledeck cannot save profiles. ` +
          `Restore the keychain item from a backup, or ${START_OVER}`,
      );
    }
    // Only ever under the store lock: two processes creating a key at once would each encrypt
    // with a different one.
    const key = randomBytes(KEY_BYTES);
    await this.secrets.set(STORE_KEY_ITEM, key);
    this.key = Promise.resolve(key);
    this.logger.info('created the profile store key in the OS keychain', { item: STORE_KEY_ITEM });
    return key;
  }

  /** Decrypts and validates without side effects; keychain errors propagate. */
  private async open(bytes: Buffer): Promise<Opened> {
    const header = readHeader(bytes);
    if (header.kind === 'damaged') return { kind: 'unreadable', why: 'damaged', detail: header.reason };
    // Checked before the keychain is asked: a newer Roledeck may keep its key differently.
    if (header.header.format > ENVELOPE_FORMAT) return { kind: 'newer', version: null };
    if (header.header.documentVersion > CURRENT_STORE_VERSION) return { kind: 'newer', version: header.header.documentVersion };
    const wasCached = this.key !== null;
    let key = await this.cachedKey();
    if (!key) return { kind: 'unreadable', why: 'missing-key', detail: 'its key is missing from the OS keychain' };
    let envelope = key.length === KEY_BYTES ? openEnvelope(bytes, key, CURRENT_STORE_VERSION) : ({ kind: 'wrong-key' } as const);
    if (envelope.kind === 'wrong-key' && wasCached) {
      // Another process may have replaced the key (Start over after the item was deleted): look once more.
      this.key = null;
      key = await this.cachedKey();
      if (!key) return { kind: 'unreadable', why: 'missing-key', detail: 'its key is missing from the OS keychain' };
      envelope = key.length === KEY_BYTES ? openEnvelope(bytes, key, CURRENT_STORE_VERSION) : ({ kind: 'wrong-key' } as const);
    }
    switch (envelope.kind) {
      case 'damaged':
        return { kind: 'unreadable', why: 'damaged', detail: envelope.reason };
      case 'newer':
        return { kind: 'newer', version: envelope.format > ENVELOPE_FORMAT ? null : envelope.documentVersion };
      case 'wrong-key':
        return { kind: 'unreadable', why: 'wrong-key', detail: 'it was encrypted with a different key than the one in the OS keychain' };
      case 'tampered':
        return { kind: 'unreadable', why: 'tampered', detail: 'its contents were changed or damaged on disk' };
      case 'ok':
        break;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(envelope.plaintext.toString('utf8'));
    } catch {
      return { kind: 'unreadable', why: 'damaged', detail: 'its decrypted contents are not a document' };
    }
    const parsed = parseStoreDocument(raw);
    if (parsed.kind === 'newer') return { kind: 'newer', version: parsed.version };
    if (parsed.kind === 'invalid') return { kind: 'unreadable', why: 'invalid', detail: parsed.problems.join('; ') };
    if ((raw as { version: number }).version !== envelope.documentVersion) {
      return { kind: 'unreadable', why: 'damaged', detail: 'its header and contents disagree on the version' };
    }
    if (parsed.migratedFrom !== undefined) this.logger.info('migrated the profile store', { from: parsed.migratedFrom, to: CURRENT_STORE_VERSION });
    return { kind: 'ok', document: parsed.document };
  }

  private async loadDocument(bytes: Buffer): Promise<StoreDocument> {
    const opened = await this.open(bytes);
    if (opened.kind === 'ok') return opened.document;
    const kind = opened.kind === 'newer' ? 'newer' : 'broken';
    let copy: string;
    try {
      copy = `A copy is at ${await this.setAside(bytes, kind)}.`;
    } catch (error) {
      this.logger.error('could not copy the unreadable profile store aside', { store: this.file, error });
      copy = `Roledeck could not make a copy of it (${(error as NodeJS.ErrnoException).code ?? 'error'}); copy it somewhere safe yourself.`;
    }
    if (opened.kind === 'newer') {
      this.logger.warn('the profile store was written by a newer Roledeck', { store: this.file, version: opened.version });
      throw new RoledeckError(
        'STORE_NEWER_VERSION',
        `Your profiles in ${this.file} were created by a newer Roledeck (${opened.version === null ? 'a newer store format' : `store version ${opened.version}`}; this Roledeck reads up to version ${CURRENT_STORE_VERSION}). ` +
          `Roledeck has not changed them and will not save anything until you upgrade it to the newer version. ${copy}`,
      );
    }
    this.logger.warn('the profile store cannot be read', { store: this.file, why: opened.why });
    throw new RoledeckError('STORE_UNREADABLE', `${this.unreadableMessage(opened.why, opened.detail)} ${copy}`);
  }

  private unreadableMessage(why: Unreadable, detail: string): string {
    const intro = `Roledeck cannot read your profiles in ${this.file}: ${detail}. The file was left as it is.`;
    const startOver = `or ${START_OVER}`;
    switch (why) {
      case 'missing-key':
        return `${intro} If the keychain item "${STORE_KEY_ITEM}" was deleted, restore it from a keychain backup and try again, ${startOver}`;
      case 'wrong-key':
        return `${intro} This happens when the keychain item "${STORE_KEY_ITEM}" was replaced or the file was copied from another computer: restore that item, ${startOver}`;
      default:
        return `${intro} Restore ${STORE_FILE_NAME} from a backup if you have one, ${startOver}`;
    }
  }

  /**
   * Writes a copy next to the store as `profiles.rdk.<kind>-<time>`, or names an existing copy
   * with the same bytes, so a store read a hundred times while broken leaves one copy, not a hundred.
   */
  private async setAside(bytes: Buffer, kind: 'broken' | 'newer' | 'previous'): Promise<string> {
    const prefix = `${STORE_FILE_NAME}.`;
    for (const name of await readdir(this.home)) {
      if (!name.startsWith(prefix) || !/^(broken|newer|previous)-/.test(name.slice(prefix.length))) continue;
      const candidate = path.join(this.home, name);
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile() && info.size === bytes.length && (await readFile(candidate)).equals(bytes)) return candidate;
    }
    const base = path.join(this.home, `${STORE_FILE_NAME}.${kind}-${stamp(this.clock.now())}`);
    for (let attempt = 1; ; attempt += 1) {
      const candidate = attempt === 1 ? base : `${base}-${attempt}`;
      try {
        await writeNewFile(candidate, bytes);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
      }
    }
  }
}
