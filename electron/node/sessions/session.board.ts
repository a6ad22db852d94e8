import { RoledeckError } from '../../../shared/contract/errors';
import type { CachedSession } from '../../../shared/domain/cached-session';
import { mfaSessionItem, parseSessionItem, roleSessionItem } from '../../../shared/domain/keychain-items';
import type { Profile } from '../../../shared/domain/profile';
import type { SessionsSnapshot, SessionView } from '../../../shared/domain/session';
import { DEFAULT_REFRESH_LEAD_SECONDS, refreshAtFor } from '../../../shared/logic/session-timing';
import { mfaNeededAt } from '../../../shared/logic/session-plan';
import { stateOf, type SessionStatus } from '../../../shared/logic/session-state';
import type { Clock } from '../../../shared/ports/clock';
import type { EventSink } from '../../../shared/ports/event-sink';
import type { Logger } from '../../../shared/ports/logger';
import { sessionFingerprint, type ChainContext } from './chain-context';
import type { SessionCache } from './session.cache';
import type { KeySessionRecord } from './key-session.record';
import type { KeySession } from '../../../shared/domain/store-document';

/** What the refresh scheduler needs to know about one session. */
export interface ScheduledSession {
  view: SessionView;
  /** The device whose code the next refresh needs, when it needs one. */
  mfaDevice?: string;
  /** An MFA session that live role sessions are renewed from: warnings name those roles instead. */
  hasDependents?: boolean;
}

type Held = { session: CachedSession; where: 'keychain' | 'memory' };

/**
 * The board of live sessions: what is cached (in this process or, once hydrated, by others), what
 * state each is in, and the views the window, the tray and the CLI show — never the credentials.
 * Every change is announced as 'sessions.changed' with the whole snapshot.
 */
export class SessionBoard {
  private readonly status = new Map<string, SessionStatus>();
  /**
   * IAM users used with their long-term keys: listed as sessions once started, nothing cached. The
   * store's record (settings.keySessions, read with every context) is the truth the CLI shares.
   */
  private keySessions = new Map<string, KeySession>();
  /** What the store's record said at the last read: a use it already holds is not written again. */
  private recorded: ReadonlyMap<string, KeySession> = new Map();
  private readonly listeners = new Set<() => void>();
  private known: ReadonlyMap<string, Profile> = new Map();
  private leadMs = DEFAULT_REFRESH_LEAD_SECONDS * 1000;
  private activeProfileId: string | null = null;

  constructor(private readonly deps: { cache: SessionCache; clock: Clock; events: EventSink; logger: Logger; record?: KeySessionRecord }) {}

  /** Takes in what the latest read of the profiles says: names, the refresh lead, the active profile, the key sessions. */
  learn(ctx: ChainContext): void {
    this.known = ctx.byId;
    this.leadMs = ctx.leadMs;
    this.activeProfileId = ctx.activeProfileId;
    this.recorded = ctx.keySessions;
    this.keySessions = new Map(ctx.keySessions);
  }

  /**
   * An IAM user was used with its keys: listed as live here at once, and recorded in the store for
   * every other process, with the identity when Test access learnt it.
   */
  async keysUsed(profileId: string, identity?: { arn: string; accountId: string }): Promise<void> {
    const current = this.keySessions.get(profileId);
    const stored = this.recorded.get(profileId);
    const known = identity ?? (current?.arn ? { arn: current.arn, accountId: current.accountId ?? '' } : undefined);
    this.keySessions.set(profileId, { profileId, since: stored?.since ?? current?.since ?? this.deps.clock.now(), ...(known ?? {}) });
    const unchanged = stored !== undefined && (known === undefined || (stored.arn === known.arn && stored.accountId === known.accountId));
    if (unchanged) return;
    await this.deps.record?.remember(profileId, known);
    this.recorded = new Map(this.recorded).set(profileId, this.keySessions.get(profileId)!);
  }

  setActiveProfile(profileId: string | null): void {
    this.activeProfileId = profileId;
  }

  /** The current state from memory, without touching the store or the keychain. */
  snapshot(): SessionsSnapshot {
    return { activeProfileId: this.activeProfileId, sessions: this.views() };
  }

  viewOf(profileId: string): SessionView {
    const view = this.views().find((entry) => entry.profileId === profileId);
    if (!view) throw new RoledeckError('INTERNAL', 'The session was obtained but is not listed.');
    return view;
  }

  isLive(profileId: string): boolean {
    return this.views().some((view) => view.profileId === profileId);
  }

  statusOf(profileId: string): SessionStatus | undefined {
    return this.status.get(profileId);
  }

  /** Sets (or clears, with null) the runtime state; callers announce with changed(). */
  setStatus(profileId: string, status: SessionStatus | null): void {
    if (status) this.status.set(profileId, status);
    else this.status.delete(profileId);
  }

  /** A new session was obtained: whatever state the last attempt left is over. */
  obtained(profileId: string, usingKeys: boolean): void {
    if (usingKeys && !this.keySessions.has(profileId)) this.keySessions.set(profileId, { profileId, since: this.deps.clock.now() });
    this.status.delete(profileId);
  }

  /** A prompt is opening for this session's chain: a live session says it waits for a code. */
  markNeedsMfa(profileId: string): void {
    if (!this.isLive(profileId)) return;
    this.status.set(profileId, { state: 'needs-mfa' });
    this.changed();
  }

  /** Forgets the session in memory and in the keychain. */
  async end(profile: Profile): Promise<void> {
    const usedKeys = this.keySessions.delete(profile.id);
    this.status.delete(profile.id);
    try {
      if (usedKeys) await this.deps.record?.forget(profile.id);
      await this.deps.cache.remove(profile.kind === 'role' ? roleSessionItem(profile.id) : mfaSessionItem(profile.id));
    } finally {
      this.changed();
    }
  }

  /** Tells every listener, then the event sink, that the snapshot changed. */
  changed(): void {
    for (const listener of this.listeners) listener();
    this.deps.events.emit('sessions.changed', this.snapshot());
  }

  /** Called after every change, before 'sessions.changed' is emitted. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sessions the refresh scheduler looks after: everything with an expiry. */
  scheduled(): ScheduledSession[] {
    const now = this.deps.clock.now();
    const held = this.held();
    // Users whose MFA session live roles are renewed from (plan[0] is the role itself).
    const sources = new Set(
      held.filter(({ session }) => session.kind === 'role' && session.expiresAt > now).flatMap(({ session }) => session.plan.slice(1).map((step) => step.profileId)),
    );
    return held.map(({ session, where }) => {
      const view = this.cachedView(session, where, now);
      const device = view.refreshAt === undefined ? undefined : this.mfaNeededAt(session, view.refreshAt);
      return {
        view,
        ...(device === undefined ? {} : { mfaDevice: device }),
        ...(session.kind === 'mfa-session' && sources.has(session.profileId) ? { hasDependents: true } : {}),
      };
    });
  }

  /** Loads what the keychain index lists and memory does not hold yet (sessions the CLI or an earlier run cached). */
  async hydrate(ctx: ChainContext): Promise<void> {
    const { cache, logger } = this.deps;
    let listed: Array<[string, number]>;
    try {
      listed = await cache.listed(this.deps.clock.now());
    } catch (error) {
      logger.warn('could not read the session cache index', { error });
      return;
    }
    for (const [item, expiresAt] of listed) {
      const held = cache.peek(item);
      if (held && held.session.expiresAt >= expiresAt) continue;
      const parsed = parseSessionItem(item);
      const profile = parsed && ctx.byId.get(parsed.profileId);
      if (!parsed || !profile || (parsed.kind === 'mfa-session') !== (profile.kind === 'iam-user')) continue;
      try {
        const loaded = await cache.load(item);
        if (loaded && loaded.fingerprint !== sessionFingerprint(ctx, profile)) cache.drop(item);
      } catch (error) {
        logger.warn('could not read a cached session', { item, error });
      }
    }
  }

  /** Cached sessions in memory whose profile still exists. */
  private held(): Held[] {
    const { cache } = this.deps;
    return cache
      .inMemory()
      .map((item) => cache.peek(item))
      .filter((entry): entry is Held => entry !== undefined && this.known.has(entry.session.profileId));
  }

  private views(): SessionView[] {
    const now = this.deps.clock.now();
    const views = this.held().map(({ session, where }) => this.cachedView(session, where, now));
    for (const profileId of this.keySessions.keys()) {
      const view = this.keysView(profileId, now);
      if (view) views.push(view);
    }
    return views.sort((a, b) => a.profileName.localeCompare(b.profileName));
  }

  private cachedView(session: CachedSession, where: 'keychain' | 'memory', now: number): SessionView {
    const status = this.status.get(session.profileId);
    const refreshAt = refreshAtFor(session.obtainedAt, session.expiresAt, this.leadMs);
    return {
      profileId: session.profileId,
      profileName: this.known.get(session.profileId)?.name ?? session.profileId,
      kind: session.kind,
      state: stateOf(status, session.expiresAt, now),
      expiresAt: session.expiresAt,
      obtainedAt: session.obtainedAt,
      refreshAt,
      cachedIn: where,
      refreshNeedsMfa: this.mfaNeededAt(session, refreshAt) !== undefined,
      ...(session.accountId ? { accountId: session.accountId } : {}),
      ...(session.arn ? { arn: session.arn } : {}),
      chain: session.plan.map((step) => this.known.get(step.profileId)?.name ?? '(removed)').reverse(),
      ...(status?.error ? { error: status.error } : {}),
      ...(session.notes?.length ? { notes: session.notes } : {}),
    };
  }

  private keysView(profileId: string, now: number): SessionView | undefined {
    const profile = this.known.get(profileId);
    if (profile?.kind !== 'iam-user') return undefined;
    const status = this.status.get(profileId);
    const record = this.keySessions.get(profileId);
    return {
      profileId,
      profileName: profile.name,
      kind: 'user-keys',
      state: stateOf(status, undefined, now),
      cachedIn: 'none',
      refreshNeedsMfa: false,
      ...(record?.accountId ? { accountId: record.accountId } : {}),
      ...(record?.arn ? { arn: record.arn } : {}),
      chain: [profile.name],
      ...(status?.error ? { error: status.error } : {}),
    };
  }

  private mfaNeededAt(session: CachedSession, at: number): string | undefined {
    return mfaNeededAt(session, at, (kind, profileId) => this.deps.cache.peek(kind === 'role' ? roleSessionItem(profileId) : mfaSessionItem(profileId))?.session);
  }
}
