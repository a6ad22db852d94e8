import { z } from 'zod';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { CachedSessionSchema, type CachedSession } from '../../../shared/domain/cached-session';
import { mfaSessionItem, roleSessionItem, SESSION_INDEX_ITEM } from '../../../shared/domain/keychain-items';
import type { Profile } from '../../../shared/domain/profile';
import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';
import type { SessionInvalidator } from '../../../shared/ports/session-invalidator';

/**
 * Temporary sessions cached in memory and in the OS keychain, so the CLI, credential_process and a
 * restarted app reuse them instead of asking AWS (and the person, for MFA) again.
 *
 * Keychain items (names in shared/domain/keychain-items.ts): an IAM user's MFA session
 * (GetSessionToken with MFA, shared by every role assumed from that user) and a role's session
 * (AssumeRole). Each holds one JSON document with the credentials, expiry and what the next
 * refresh needs (shared/domain/cached-session.ts). The session index lists the items that exist,
 * because the SecretStore port cannot enumerate: it is a hint for listing only (another process may
 * add an item between our read and write, so a reader always checks the item itself).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const IndexSchema = z.object({ v: z.literal(1), items: z.record(z.string(), z.number()) });

export function credentialsOf(session: CachedSession): AwsCredentials {
  return {
    accessKeyId: session.accessKeyId,
    secretAccessKey: session.secretAccessKey,
    sessionToken: session.sessionToken,
    expiresAt: session.expiresAt,
  };
}

export class SessionCache implements SessionInvalidator {
  private readonly memory = new Map<string, { session: CachedSession; where: 'keychain' | 'memory' }>();
  /** Index writes are read-modify-write: one at a time within this process. */
  private indexQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly secrets: SecretStore,
    private readonly logger: Logger,
  ) {}

  /** The in-memory copy, without touching the keychain (synchronous, for views and scheduling). */
  peek(item: string): { session: CachedSession; where: 'keychain' | 'memory' } | undefined {
    return this.memory.get(item);
  }

  /**
   * The cached session if `accept` takes it: memory first, then the keychain (another process —
   * the CLI, the app — may have stored a newer one). Keychain errors (locked) propagate.
   */
  async read(item: string, accept: (session: CachedSession) => boolean): Promise<CachedSession | null> {
    const held = this.memory.get(item);
    if (held && accept(held.session)) return held.session;
    const stored = await this.load(item);
    return stored && accept(stored) ? stored : null;
  }

  /** Reads the keychain item; memory keeps whichever of the two lasts longer. */
  async load(item: string): Promise<CachedSession | null> {
    const stored = await this.readKeychain(item);
    if (!stored) return null;
    const held = this.memory.get(item);
    if (!held || stored.expiresAt > held.session.expiresAt) this.memory.set(item, { session: stored, where: 'keychain' });
    return stored;
  }

  /** Forgets the in-memory copy only (after its profile disappeared from this process's view). */
  drop(item: string): void {
    this.memory.delete(item);
  }

  /**
   * Keeps the session in memory and, if the keychain takes it, there too. A locked keychain does
   * not lose the session: it is then cached in memory only, and says so.
   */
  async write(item: string, session: CachedSession): Promise<'keychain' | 'memory'> {
    let where: 'keychain' | 'memory' = 'keychain';
    try {
      await this.secrets.set(item, encoder.encode(JSON.stringify(session)));
    } catch (error) {
      where = 'memory';
      this.logger.warn('could not cache a session in the keychain; keeping it in memory', { item, error });
    }
    this.memory.set(item, { session, where });
    if (where === 'keychain') {
      await this.updateIndex((items) => {
        // Expired entries are pruned here: the index only ever lists what may still be used.
        for (const [listed, expiresAt] of Object.entries(items)) if (expiresAt <= session.obtainedAt) delete items[listed];
        items[item] = session.expiresAt;
      }).catch((error: unknown) => {
        // The item itself is stored and is found by name; only listing (`roledeck sessions`) misses it.
        this.logger.warn('could not update the session cache index', { item, error });
      });
    }
    return where;
  }

  async remove(item: string): Promise<void> {
    this.memory.delete(item);
    await this.secrets.delete(item);
    await this.updateIndex((items) => {
      delete items[item];
    });
  }

  /**
   * A profile edit: deletes the keychain copies the CLI's quick path would otherwise serve. The
   * in-memory copies stay until replaced; their fingerprint no longer matches, so none is reused.
   */
  async invalidate(profiles: ReadonlyArray<Pick<Profile, 'id' | 'kind'>>): Promise<void> {
    for (const profile of profiles) {
      const item = profile.kind === 'role' ? roleSessionItem(profile.id) : mfaSessionItem(profile.id);
      await this.secrets.delete(item).catch((error: unknown) => this.logger.warn('could not forget a cached session', { item, error }));
    }
  }

  /** Items the index lists (not yet expired) with their expiry; each may still be gone when read. */
  async listed(now: number): Promise<Array<[string, number]>> {
    const index = await this.readIndex();
    return Object.entries(index.items).filter(([, expiresAt]) => expiresAt > now);
  }

  /** Items held in memory, for what this process obtained without the keychain. */
  inMemory(): string[] {
    return [...this.memory.keys()];
  }

  private async readKeychain(item: string): Promise<CachedSession | null> {
    const bytes = await this.secrets.get(item);
    if (!bytes) return null;
    let parsed: ReturnType<typeof CachedSessionSchema.safeParse>;
    try {
      parsed = CachedSessionSchema.safeParse(JSON.parse(decoder.decode(bytes)));
    } catch {
      parsed = CachedSessionSchema.safeParse(null);
    }
    if (parsed.success) return parsed.data;
    // Unreadable (written by a newer build, or damaged): it is only a cache, so it is replaced.
    this.logger.warn('ignoring an unreadable cached session', { item });
    await this.secrets.delete(item).catch(() => false);
    return null;
  }

  private async readIndex(): Promise<z.infer<typeof IndexSchema>> {
    const bytes = await this.secrets.get(SESSION_INDEX_ITEM);
    if (!bytes) return { v: 1, items: {} };
    try {
      const parsed = IndexSchema.safeParse(JSON.parse(decoder.decode(bytes)));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: a damaged index is rebuilt from what is written next
    }
    return { v: 1, items: {} };
  }

  private updateIndex(change: (items: Record<string, number>) => void): Promise<void> {
    const run = async () => {
      const index = await this.readIndex();
      change(index.items);
      await this.secrets.set(SESSION_INDEX_ITEM, encoder.encode(JSON.stringify(index)));
    };
    const next = this.indexQueue.then(run, run);
    this.indexQueue = next.catch(() => undefined);
    return next;
  }
}
