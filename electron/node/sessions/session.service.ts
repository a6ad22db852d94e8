import { createHash } from 'node:crypto';
import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { parseRoleArn } from '../../../shared/domain/aws-rules';
import type { IamUserProfile, Profile, RoleProfile } from '../../../shared/domain/profile';
import type { SessionsSnapshot, SessionState, SessionView, TestAccessResult } from '../../../shared/domain/session';
import type { StoreDocument } from '../../../shared/domain/store-document';
import { diagnoseAccess, type AccessStep } from '../../../shared/logic/access-diagnosis';
import { redactText } from '../../../shared/logic/redact';
import type { ExportableSession } from '../../../shared/logic/shell-export';
import { checkRoleAllowed } from '../../../shared/logic/role-allow-list';
import {
  assumedRoleArn,
  DEFAULT_MFA_SESSION_SECONDS,
  DEFAULT_REFRESH_LEAD_SECONDS,
  defaultSessionName,
  isFresh,
  refreshAtFor,
  roleDurationFor,
  usableAsSource,
} from '../../../shared/logic/session-timing';
import type { Clock } from '../../../shared/ports/clock';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import type { StsGateway } from '../../../shared/ports/sts-gateway';
import { AwsCallError, awsMessageOf } from '../aws/sts.gateway';
import { chainOf, profileNotFound, type ProfileService } from '../profiles/profile.service';
import type { MfaBroker } from './mfa-broker';
import {
  credentialsOf,
  mfaSessionItem,
  roleSessionItem,
  type CachedSession,
  type PlanStep,
  type SessionCache,
} from './session.cache';
import type { EventSink } from './session-events';
import { messageOf } from '../../../shared/logic/error-message';

export interface SessionServiceDeps {
  profiles: ProfileService;
  store: DocumentStore;
  sts: StsGateway;
  cache: SessionCache;
  broker: MfaBroker;
  clock: Clock;
  logger: Logger;
  events: EventSink;
}

export interface ObtainOptions {
  /** Whether a person can be asked for an MFA code now. Background refreshes pass false. */
  interactive?: boolean;
}

/** What the refresh scheduler needs to know about one session. */
export interface ScheduledSession {
  view: SessionView;
  /** The device whose code the next refresh needs, when it needs one. */
  mfaDevice?: string;
  /** An MFA session that live role sessions are renewed from: warnings name those roles instead. */
  hasDependents?: boolean;
}

/** Runtime state the scheduler and explicit refreshes set; 'active' and 'expired' follow from the clock. */
export interface SessionStatus {
  state: 'refreshing' | 'needs-mfa' | 'failed';
  error?: { code: string; message: string };
}

const DEFAULT_REGION = 'us-east-1';

interface Context {
  doc: StoreDocument;
  byId: Map<string, Profile>;
  leadMs: number;
  mfaSessionSeconds: number;
  allowList: string[];
}

interface Resolved {
  credentials: AwsCredentials;
  kind: 'user-keys' | 'mfa-session' | 'role';
  /** Whether calls signed with these credentials carry MFA context (no further code needed). */
  mfaContext: boolean;
}

/**
 * How many callers one in-flight operation stands for. When more callers join while it waits on
 * something else (an MFA prompt), `forward` passes the count on, so the prompt's `waiting` is right.
 */
interface Flight {
  weight: number;
  forward?: (added: number) => void;
}

interface Walk {
  interactive: boolean;
  /** Test access re-assumes every role: a cached session proves nothing about today's trust policy. */
  forceRoles: boolean;
  /** An explicit refresh skips the target's own cache. */
  forceTargetId: string | undefined;
  targetId: string;
  requestedBy: string;
  flight: Flight;
}

/** A step of the chain failed; carries what test access needs to explain it. */
class ChainFailure extends Error {
  constructor(
    readonly step: AccessStep,
    readonly error: unknown,
    readonly code?: string,
  ) {
    super(messageOf(error));
    this.name = 'ChainFailure';
  }
}

function failureDetails(failure: ChainFailure): { code: string; message: string; fromAws: boolean } {
  const { error } = failure;
  if (error instanceof AwsCallError) return { code: error.awsCode, message: awsMessageOf(error), fromAws: true };
  if (error instanceof RoledeckError) return { code: failure.code ?? error.code, message: error.message, fromAws: false };
  return { code: 'UnknownError', message: redactText(messageOf(error)), fromAws: false };
}

function hoursText(seconds: number): string {
  const hours = seconds / 3600;
  return Number.isInteger(hours) ? `${hours} h` : `${Math.round(seconds / 60)} min`;
}

function fingerprintFields(profile: Profile): unknown[] {
  if (profile.kind === 'iam-user') return ['user', profile.id, profile.accessKeyId, profile.mfaSerial ?? ''];
  return [
    'role',
    profile.id,
    profile.roleArn,
    profile.sourceId,
    profile.externalId ?? '',
    profile.mfaSerial ?? '',
    profile.sessionName ?? '',
    profile.durationSeconds ?? 0,
    profile.region ?? '',
    profile.sourceIdentity ?? '',
    profile.tags ?? [],
  ];
}

/**
 * Sessions: resolves a profile's chain (IAM user → role → role), obtains and caches temporary
 * credentials, and reports them as SessionViews — never the credentials themselves.
 *
 * - An IAM user with an MFA device gets one MFA session (GetSessionToken), cached in the keychain
 *   and used by every role assumed from that user, so one code serves them all. AWS caps roles
 *   assumed from it at one hour; they are renewed from the MFA session without a prompt.
 * - A role with its own MFA device, assumed from keys without MFA context, sends a code itself.
 * - Concurrent requests for the same role, or the same MFA session, share one operation.
 */
export class SessionService {
  private readonly flights = new Map<string, { flight: Flight; promise: Promise<unknown> }>();
  private readonly status = new Map<string, SessionStatus>();
  /** IAM users used with their long-term keys: listed as sessions once started, nothing cached. */
  private readonly keySessions = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private known = new Map<string, Profile>();
  private leadMs = DEFAULT_REFRESH_LEAD_SECONDS * 1000;
  private activeProfileId: string | null = null;

  constructor(private readonly deps: SessionServiceDeps) {}

  /** Live sessions, including ones another process (the CLI) cached in the keychain. */
  async list(): Promise<SessionsSnapshot> {
    const ctx = await this.context();
    await this.hydrate(ctx);
    return this.snapshotNow();
  }

  /** A session for the profile: the cached one while it is fresh, else a new one (may prompt for MFA). */
  async start(profileRef: string, options: ObtainOptions = {}): Promise<SessionView> {
    return this.obtainAndShow(profileRef, { interactive: options.interactive ?? true, force: false });
  }

  /** A new session now, even if the cached one is fresh. For an MFA session that means a new code. */
  async refresh(profileRef: string, options: ObtainOptions = {}): Promise<SessionView> {
    return this.obtainAndShow(profileRef, { interactive: options.interactive ?? true, force: true });
  }

  /**
   * start/refresh: a live session reads 'refreshing' meanwhile (refresh only), then 'active', or
   * 'failed' with the reason. A cancelled prompt puts it back as it was.
   */
  private async obtainAndShow(profileRef: string, options: { interactive: boolean; force: boolean }): Promise<SessionView> {
    const profile = this.find(await this.context(), profileRef);
    const previous = this.status.get(profile.id);
    const live = this.isLive(profile.id);
    if (live && options.force) this.setStatus(profile.id, { state: 'refreshing' });
    try {
      await this.obtain(profile.id, { ...options, forceRoles: false });
      this.changed();
      return this.viewOf(profile.id);
    } catch (error) {
      const shown = this.userError(error);
      if (live) {
        const code = shown instanceof RoledeckError ? shown.code : undefined;
        if (code === 'MFA_REQUIRED') this.status.set(profile.id, { state: 'needs-mfa' });
        else if (code === 'MFA_CANCELLED' && previous) this.status.set(profile.id, previous);
        else if (code === 'MFA_CANCELLED') this.status.delete(profile.id);
        else this.status.set(profile.id, { state: 'failed', error: errorOf(shown) });
      }
      this.changed();
      throw shown;
    }
  }

  /**
   * The background refresh: adopts a fresher session another process cached, else obtains one
   * without asking anybody. Throws MFA_REQUIRED when only a code would do.
   */
  async renew(profileRef: string): Promise<void> {
    try {
      await this.obtain(profileRef, { interactive: false, force: false, forceRoles: false });
      this.changed();
    } catch (error) {
      throw this.userError(error);
    }
  }

  /** Credentials for Roledeck's own use on the main side (exports, credential_process, deploys). Never for IPC. */
  async credentials(profileRef: string, options: ObtainOptions = {}): Promise<AwsCredentials> {
    try {
      const { resolved } = await this.obtain(profileRef, { interactive: options.interactive ?? true, force: false, forceRoles: false });
      this.changed();
      return resolved.credentials;
    } catch (error) {
      throw this.userError(error);
    }
  }

  /**
   * Credentials with what an export or credential_process needs besides them: the profile's name
   * and region. Main side and CLI only; never for IPC.
   */
  async exportable(profileRef: string, options: ObtainOptions = {}): Promise<ExportableSession> {
    let obtained: { profile: Profile; resolved: Resolved; ctx: Context };
    try {
      // The store read that found the profile serves for its name and region too.
      obtained = await this.obtain(profileRef, { interactive: options.interactive ?? true, force: false, forceRoles: false });
      this.changed();
    } catch (error) {
      throw this.userError(error);
    }
    const { profile, ctx } = obtained;
    const credentials = obtained.resolved.credentials;
    const root = chainOf(ctx.doc, profile)[0];
    return {
      profileName: profile.name,
      region: regionOf(profile, root?.kind === 'iam-user' ? root : undefined),
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
      ...(credentials.expiresAt !== undefined ? { expiresAt: credentials.expiresAt } : {}),
    };
  }

  /** Forgets the session in memory and in the keychain. */
  async end(profileRef: string): Promise<void> {
    const ctx = await this.context();
    const profile = this.find(ctx, profileRef);
    this.keySessions.delete(profile.id);
    this.status.delete(profile.id);
    try {
      await this.deps.cache.remove(profile.kind === 'role' ? roleSessionItem(profile.id) : mfaSessionItem(profile.id));
    } finally {
      this.changed();
    }
  }

  async setActive(profileRef: string | null): Promise<SessionsSnapshot> {
    const id = profileRef === null ? null : this.find(await this.context(), profileRef).id;
    await this.deps.store.update((doc) => {
      if (id === null) delete doc.settings.activeProfileId;
      else doc.settings.activeProfileId = id;
    });
    this.activeProfileId = id;
    this.changed();
    return this.snapshotNow();
  }

  /** Runs the chain afresh and GetCallerIdentity; a failure comes back explained, not thrown. */
  async testAccess(profileRef: string): Promise<TestAccessResult> {
    const started = this.deps.clock.now();
    const ctx = await this.context();
    const profile = this.find(ctx, profileRef);
    const links = chainOf(ctx.doc, profile);
    const chain = links.map((entry) => entry.name);
    try {
      const resolved = await this.resolve(ctx, profile, this.walkFor(profile, true, false, true), 'target');
      const root = links[0]?.kind === 'iam-user' ? links[0] : undefined;
      const step: AccessStep = { profileName: profile.name, operation: 'GetCallerIdentity', source: resolved.kind, signedBy: profile.name };
      const identity = await this.attempt(step, () => this.deps.sts.getCallerIdentity(resolved.credentials, regionOf(profile, root)));
      if (resolved.kind === 'user-keys') this.keySessions.add(profile.id);
      this.status.delete(profile.id);
      this.changed();
      return { ok: true, arn: identity.arn, account: identity.account, chain, elapsedMs: this.deps.clock.now() - started };
    } catch (error) {
      this.changed();
      if (!(error instanceof ChainFailure)) throw error;
      const details = failureDetails(error);
      const diagnosis = diagnoseAccess(error.step, details.code, details.message);
      this.deps.logger.info('test access failed', { profileId: profile.id, step: error.step.profileName, code: details.code, cause: diagnosis.cause });
      return {
        ok: false,
        failedAt: error.step.profileName,
        cause: diagnosis.cause,
        explanation: diagnosis.explanation,
        ...(details.fromAws ? { awsCode: details.code, awsMessage: details.message } : {}),
        chain,
      };
    }
  }

  /** The current state from memory, without touching the store or the keychain. */
  snapshotNow(): SessionsSnapshot {
    return { activeProfileId: this.activeProfileId, sessions: this.views() };
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

  setStatus(profileId: string, status: SessionStatus | null): void {
    if (status) this.status.set(profileId, status);
    else this.status.delete(profileId);
    this.changed();
  }

  /** Announces the current state again (the scheduler calls it when a session crosses its expiry). */
  notifyChanged(): void {
    this.changed();
  }

  /** Called after every change, before 'sessions.changed' is emitted. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads what the keychain index lists and memory does not hold yet (sessions the CLI or an earlier run cached). */
  async hydrate(ctx?: Context): Promise<void> {
    const context = ctx ?? (await this.context());
    const now = this.deps.clock.now();
    let listed: Array<[string, number]>;
    try {
      listed = await this.deps.cache.listed(now);
    } catch (error) {
      this.deps.logger.warn('could not read the session cache index', { error });
      return;
    }
    for (const [item, expiresAt] of listed) {
      const held = this.deps.cache.peek(item);
      if (held && held.session.expiresAt >= expiresAt) continue;
      const [prefix, profileId = ''] = item.split('/', 2);
      const profile = context.byId.get(profileId);
      if (!profile || (prefix === 'mfa-session') !== (profile.kind === 'iam-user')) continue;
      try {
        const loaded = await this.deps.cache.load(item);
        if (loaded && loaded.fingerprint !== this.fingerprint(context, profile)) this.deps.cache.drop(item);
      } catch (error) {
        this.deps.logger.warn('could not read a cached session', { item, error });
      }
    }
  }

  // ---- chain resolution ----------------------------------------------------------------------

  private async obtain(
    profileRef: string,
    options: { interactive: boolean; force: boolean; forceRoles: boolean },
  ): Promise<{ profile: Profile; resolved: Resolved; ctx: Context }> {
    const ctx = await this.context();
    const profile = this.find(ctx, profileRef);
    const resolved = await this.resolve(ctx, profile, this.walkFor(profile, options.interactive, options.force, options.forceRoles), 'target');
    if (resolved.kind === 'user-keys') this.keySessions.add(profile.id);
    this.status.delete(profile.id);
    return { profile, resolved, ctx };
  }

  private walkFor(profile: Profile, interactive: boolean, force: boolean, forceRoles: boolean): Walk {
    return {
      interactive,
      forceRoles,
      forceTargetId: force ? profile.id : undefined,
      targetId: profile.id,
      requestedBy: profile.name,
      flight: { weight: 1 },
    };
  }

  private resolve(ctx: Context, profile: Profile, walk: Walk, purpose: 'target' | 'source'): Promise<Resolved> {
    return profile.kind === 'iam-user' ? this.resolveUser(ctx, profile, walk, purpose) : this.resolveRole(ctx, profile, walk, purpose);
  }

  private async resolveUser(ctx: Context, user: IamUserProfile, walk: Walk, purpose: 'target' | 'source'): Promise<Resolved> {
    if (!user.mfaSerial) {
      const step: AccessStep = { profileName: user.name, operation: 'Prepare', source: 'user-keys' };
      const secretAccessKey = await this.attempt(step, () => this.deps.profiles.userSecret(user));
      return { credentials: { accessKeyId: user.accessKeyId, secretAccessKey }, kind: 'user-keys', mfaContext: false };
    }
    const session = await this.mfaSession(ctx, user, user.mfaSerial, walk, purpose);
    return { credentials: credentialsOf(session), kind: 'mfa-session', mfaContext: true };
  }

  private async mfaSession(ctx: Context, user: IamUserProfile, device: string, walk: Walk, purpose: 'target' | 'source'): Promise<CachedSession> {
    const item = mfaSessionItem(user.id);
    const fingerprint = this.fingerprint(ctx, user);
    const force = walk.forceTargetId === user.id;
    const acceptable = (session: CachedSession): boolean =>
      session.fingerprint === fingerprint &&
      (purpose === 'target' ? isFresh(session, ctx.leadMs, this.deps.clock.now()) : usableAsSource(session, this.deps.clock.now()));
    const seconds = ctx.mfaSessionSeconds;
    const step: AccessStep = { profileName: user.name, operation: 'GetSessionToken', source: 'user-keys', signedBy: user.name, mfa: 'code', durationSeconds: seconds };
    if (!force) {
      const cached = await this.attempt(step, () => this.deps.cache.read(item, acceptable));
      if (cached) return cached;
    }
    if (!walk.interactive) {
      throw new ChainFailure(
        step,
        new RoledeckError(
          'MFA_REQUIRED',
          `${walk.requestedBy} needs an MFA code: the MFA session of ${user.name} has ended. Open Roledeck, or run \`roledeck whoami ${walk.requestedBy}\` in a terminal.`,
        ),
      );
    }
    const obtain = async (code: string): Promise<CachedSession> => {
      const secretAccessKey = await this.deps.profiles.userSecret(user);
      const credentials = await this.deps.sts.getSessionToken({ accessKeyId: user.accessKeyId, secretAccessKey }, regionOf(user, user), {
        durationSeconds: seconds,
        serialNumber: device,
        tokenCode: code,
      });
      const session = this.cached('mfa-session', user.id, fingerprint, credentials, {
        mfaContext: true,
        plan: this.planOf(ctx, user),
        ...(accountOfDevice(device) ? { accountId: accountOfDevice(device)! } : {}),
      });
      await this.deps.cache.write(item, session);
      this.status.delete(user.id);
      return session;
    };
    walk.flight.forward = (added) => this.deps.broker.join(item, added);
    return this.attempt(step, () =>
      this.deps.broker.run(
        {
          operationKey: item,
          deviceSerial: device,
          profileName: walk.requestedBy,
          reason: `to start an MFA session for ${user.name} (${hoursText(seconds)})`,
          onPrompting: () => this.markNeedsMfa(walk.targetId),
        },
        {
          ...(force ? {} : { reuse: async () => (await this.deps.cache.read(item, acceptable)) ?? undefined }),
          use: obtain,
        },
        walk.flight.weight,
      ),
    );
  }

  private async resolveRole(ctx: Context, role: RoleProfile, walk: Walk, purpose: 'target' | 'source'): Promise<Resolved> {
    const item = roleSessionItem(role.id);
    const fingerprint = this.fingerprint(ctx, role);
    const force = walk.forceRoles || walk.forceTargetId === role.id;
    const acceptable = (session: CachedSession): boolean =>
      session.fingerprint === fingerprint &&
      (purpose === 'target' ? isFresh(session, ctx.leadMs, this.deps.clock.now()) : usableAsSource(session, this.deps.clock.now()));
    const prepare: AccessStep = { profileName: role.name, operation: 'Prepare', roleArn: role.roleArn };
    if (!force) {
      const cached = await this.attempt(prepare, () => this.deps.cache.read(item, acceptable));
      if (cached) return { credentials: credentialsOf(cached), kind: 'role', mfaContext: cached.mfaContext };
    }
    const session = await this.inFlight(`role/${role.id}`, walk.flight, (flight) =>
      this.assume(ctx, role, { ...walk, flight }, { item, fingerprint, force, acceptable }),
    );
    return { credentials: credentialsOf(session), kind: 'role', mfaContext: session.mfaContext };
  }

  private async assume(
    ctx: Context,
    role: RoleProfile,
    walk: Walk,
    cache: { item: string; fingerprint: string; force: boolean; acceptable: (session: CachedSession) => boolean },
  ): Promise<CachedSession> {
    const prepare: AccessStep = { profileName: role.name, operation: 'Prepare', roleArn: role.roleArn };
    const allowed = checkRoleAllowed(role.roleArn, ctx.allowList);
    if (!allowed.ok) throw new ChainFailure(prepare, new RoledeckError('VALIDATION', allowed.message), 'ROLE_NOT_ALLOWED');
    const source = ctx.byId.get(role.sourceId);
    if (!source) {
      throw new ChainFailure(prepare, new RoledeckError('NOT_FOUND', `The source profile of "${role.name}" no longer exists. Edit the role and pick its source again.`));
    }
    const from = await this.resolve(ctx, source, walk, 'source');
    const duration = roleDurationFor({ profileName: role.name, requested: role.durationSeconds, source: from.kind });
    const directMfa = role.mfaSerial !== undefined && !from.mfaContext;
    const root = this.rootOf(ctx, role);
    const sessionName = role.sessionName ?? defaultSessionName(root?.name ?? role.name);
    const step: AccessStep = {
      profileName: role.name,
      operation: 'AssumeRole',
      roleArn: role.roleArn,
      hasExternalId: role.externalId !== undefined,
      source: from.kind,
      signedBy: source.name,
      mfa: directMfa ? 'code' : from.mfaContext ? 'inherited' : 'none',
      ...((duration.seconds ?? role.durationSeconds) !== undefined ? { durationSeconds: duration.seconds ?? role.durationSeconds! } : {}),
    };
    const arn = parseRoleArn(role.roleArn);

    const call = async (code?: string): Promise<CachedSession> => {
      const credentials = await this.deps.sts.assumeRole(from.credentials, regionOf(role, root), {
        roleArn: role.roleArn,
        roleSessionName: sessionName,
        ...(role.externalId ? { externalId: role.externalId } : {}),
        ...(code && role.mfaSerial ? { serialNumber: role.mfaSerial, tokenCode: code } : {}),
        ...(duration.seconds !== undefined ? { durationSeconds: duration.seconds } : {}),
        ...(role.sourceIdentity ? { sourceIdentity: role.sourceIdentity } : {}),
        ...(role.tags?.length ? { tags: role.tags } : {}),
      });
      const session = this.cached('role', role.id, cache.fingerprint, credentials, {
        mfaContext: from.mfaContext || directMfa,
        plan: this.planOf(ctx, role),
        ...(arn ? { arn: assumedRoleArn(arn, sessionName), accountId: arn.accountId } : {}),
        ...(duration.note ? { notes: [duration.note] } : {}),
      });
      await this.deps.cache.write(cache.item, session);
      this.status.delete(role.id);
      return session;
    };

    if (!directMfa) return this.attempt(step, () => call());
    if (!walk.interactive) {
      throw new ChainFailure(
        step,
        new RoledeckError('MFA_REQUIRED', `${role.name} needs an MFA code for every new session. Open Roledeck, or run \`roledeck whoami ${walk.requestedBy}\` in a terminal.`),
      );
    }
    const operationKey = `assume/${role.id}`;
    walk.flight.forward = (added) => this.deps.broker.join(operationKey, added);
    return this.attempt(step, () =>
      this.deps.broker.run(
        {
          operationKey,
          deviceSerial: role.mfaSerial!,
          profileName: walk.requestedBy,
          reason: `to assume ${role.name}`,
          onPrompting: () => this.markNeedsMfa(walk.targetId),
        },
        {
          ...(cache.force ? {} : { reuse: async () => (await this.deps.cache.read(cache.item, cache.acceptable)) ?? undefined }),
          use: (code) => call(code),
        },
        walk.flight.weight,
      ),
    );
  }

  private inFlight<T>(key: string, parent: Flight, work: (self: Flight) => Promise<T>): Promise<T> {
    let entry = this.flights.get(key);
    if (entry) {
      addWeight(entry.flight, parent.weight);
    } else {
      const flight: Flight = { weight: parent.weight };
      const promise = work(flight).finally(() => this.flights.delete(key));
      entry = { flight, promise };
      this.flights.set(key, entry);
    }
    const joined = entry.flight;
    parent.forward = (added) => addWeight(joined, added);
    return entry.promise as Promise<T>;
  }

  private async attempt<T>(step: AccessStep, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw error instanceof ChainFailure ? error : new ChainFailure(step, error);
    }
  }

  private cached(
    kind: CachedSession['kind'],
    profileId: string,
    fingerprint: string,
    credentials: AwsCredentials,
    extra: Pick<CachedSession, 'mfaContext' | 'plan'> & Partial<Pick<CachedSession, 'arn' | 'accountId' | 'notes'>>,
  ): CachedSession {
    if (!credentials.sessionToken || credentials.expiresAt === undefined) {
      throw new AwsCallError('EmptyResponse', 'AWS returned temporary credentials without a session token or an expiry.');
    }
    return {
      v: 1,
      kind,
      profileId,
      fingerprint,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      obtainedAt: this.deps.clock.now(),
      expiresAt: credentials.expiresAt,
      ...extra,
    };
  }

  /** The chain as the next refresh walks it, target first: which hops send a code of their own. */
  private planOf(ctx: Context, profile: Profile): PlanStep[] {
    const steps: PlanStep[] = [];
    let mfaContext = false;
    for (const link of chainOf(ctx.doc, profile)) {
      if (link.kind === 'iam-user') {
        steps.push({ profileId: link.id, kind: 'user', ...(link.mfaSerial ? { mfaSerial: link.mfaSerial } : {}) });
        mfaContext = link.mfaSerial !== undefined;
      } else {
        const direct: boolean = link.mfaSerial !== undefined && !mfaContext;
        steps.push({ profileId: link.id, kind: 'role', ...(direct ? { mfaSerial: link.mfaSerial! } : {}) });
        mfaContext ||= direct;
      }
    }
    return steps.reverse();
  }

  /** What the profile's session depends on; an edit to any link makes cached sessions stale. */
  private fingerprint(ctx: Context, profile: Profile): string {
    const fields = chainOf(ctx.doc, profile).map(fingerprintFields);
    return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 32);
  }

  private rootOf(ctx: Context, profile: Profile): IamUserProfile | undefined {
    const root = chainOf(ctx.doc, profile)[0];
    return root?.kind === 'iam-user' ? root : undefined;
  }

  /** The device a refresh at `at` would need a code from, or undefined if it can run unattended. */
  private mfaNeededAt(session: CachedSession, at: number): string | undefined {
    const [target, ...sources] = session.plan;
    if (session.kind === 'mfa-session') return target?.mfaSerial ?? 'MFA device';
    if (target?.mfaSerial) return target.mfaSerial;
    for (const step of sources) {
      if (step.kind === 'role') {
        const held = this.deps.cache.peek(roleSessionItem(step.profileId));
        if (held && usableAsSource(held.session, at)) return undefined;
        if (step.mfaSerial) return step.mfaSerial;
        continue;
      }
      if (!step.mfaSerial) return undefined;
      const held = this.deps.cache.peek(mfaSessionItem(step.profileId));
      return held && usableAsSource(held.session, at) ? undefined : step.mfaSerial;
    }
    return undefined;
  }

  // ---- views --------------------------------------------------------------------------------

  /** Cached sessions in memory whose profile still exists. */
  private held(): Array<{ session: CachedSession; where: 'keychain' | 'memory' }> {
    return this.deps.cache
      .inMemory()
      .map((item) => this.deps.cache.peek(item))
      .filter((entry): entry is { session: CachedSession; where: 'keychain' | 'memory' } => entry !== undefined && this.known.has(entry.session.profileId));
  }

  private views(): SessionView[] {
    const now = this.deps.clock.now();
    const views = this.held().map(({ session, where }) => this.cachedView(session, where, now));
    for (const profileId of this.keySessions) {
      const view = this.keysView(profileId, now);
      if (view) views.push(view);
    }
    return views.sort((a, b) => a.profileName.localeCompare(b.profileName));
  }

  private viewOf(profileId: string): SessionView {
    const view = this.views().find((entry) => entry.profileId === profileId);
    if (!view) throw new RoledeckError('INTERNAL', 'The session was obtained but is not listed.');
    return view;
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
    return {
      profileId,
      profileName: profile.name,
      kind: 'user-keys',
      state: stateOf(status, undefined, now),
      cachedIn: 'none',
      refreshNeedsMfa: false,
      chain: [profile.name],
      ...(status?.error ? { error: status.error } : {}),
    };
  }

  private isLive(profileId: string): boolean {
    return this.views().some((view) => view.profileId === profileId);
  }

  private markNeedsMfa(profileId: string): void {
    if (!this.isLive(profileId)) return;
    this.status.set(profileId, { state: 'needs-mfa' });
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
    this.deps.events.emit('sessions.changed', this.snapshotNow());
  }

  // ---- profiles and settings ----------------------------------------------------------------

  private async context(): Promise<Context> {
    const doc = await this.deps.store.read();
    this.known = new Map(doc.profiles.map((profile) => [profile.id, profile]));
    this.leadMs = (doc.settings.refreshLeadSeconds ?? DEFAULT_REFRESH_LEAD_SECONDS) * 1000;
    const active = doc.settings.activeProfileId;
    this.activeProfileId = active && this.known.has(active) ? active : null;
    return {
      doc,
      byId: this.known,
      leadMs: this.leadMs,
      mfaSessionSeconds: doc.settings.mfaSessionSeconds ?? DEFAULT_MFA_SESSION_SECONDS,
      allowList: doc.settings.roleNameAllowList,
    };
  }

  private find(ctx: Context, profileRef: string): Profile {
    const profile = ctx.byId.get(profileRef) ?? ctx.doc.profiles.find((entry) => entry.name === profileRef);
    if (!profile) throw profileNotFound(profileRef, ctx.doc.profiles);
    return profile;
  }

  /** The error a caller of start/refresh sees: AWS failures explained the way test access explains them. */
  private userError(error: unknown): unknown {
    if (!(error instanceof ChainFailure)) return error;
    const inner = error.error;
    if (!(inner instanceof AwsCallError)) return inner;
    const details = failureDetails(error);
    const { explanation } = diagnoseAccess(error.step, details.code, details.message);
    return new AwsCallError(inner.awsCode, `${explanation} (AWS: ${details.code}: ${details.message})`, { cause: inner });
  }
}

function addWeight(flight: Flight, added: number): void {
  flight.weight += added;
  flight.forward?.(added);
}

function stateOf(status: SessionStatus | undefined, expiresAt: number | undefined, now: number): SessionState {
  if (status?.state === 'refreshing') return 'refreshing';
  if (status?.state === 'failed') return 'failed';
  if (expiresAt !== undefined && now >= expiresAt) return 'expired';
  if (status?.state === 'needs-mfa') return 'needs-mfa';
  return 'active';
}

function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof AwsCallError) return { code: error.awsCode, message: redactText(error.message) };
  if (error instanceof RoledeckError) return { code: error.code, message: redactText(error.message) };
  return { code: 'INTERNAL', message: 'Roledeck hit an internal error. Details are in the log.' };
}

function regionOf(profile: Profile, root: IamUserProfile | undefined): string {
  return profile.region ?? root?.region ?? DEFAULT_REGION;
}

/** A virtual MFA device's ARN names the account it belongs to: arn:aws:iam::<account>:mfa/<name>. */
function accountOfDevice(device: string): string | undefined {
  return /^arn:[\w-]+:iam::(\d{12}):/.exec(device)?.[1];
}
