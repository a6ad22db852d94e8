import { AUDIT_ACTION } from '../../../shared/logic/audit-entry';
import type { AuditRecorder } from '../audit/audit-recorder';
import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { accountOfMfaDevice, parseRoleArn } from '../../../shared/domain/aws-rules';
import type { CachedSession } from '../../../shared/domain/cached-session';
import { mfaSessionItem, roleSessionItem } from '../../../shared/domain/keychain-items';
import type { IamUserProfile, Profile, RoleProfile } from '../../../shared/domain/profile';
import type { AccessStep } from '../../../shared/logic/access-diagnosis';
import { callRegion, chainOf } from '../../../shared/logic/profile-chain';
import { checkRoleAllowed } from '../../../shared/logic/role-allow-list';
import { planOf } from '../../../shared/logic/session-plan';
import { assumedRoleArn, durationText, isFresh, roleDurationFor, roleSessionName, usableAsSource } from '../../../shared/logic/session-timing';
import type { Clock } from '../../../shared/ports/clock';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { StsGateway } from '../../../shared/ports/sts-gateway';
import { AwsCallError } from '../../../shared/domain/aws-call-error';
import { sessionFingerprint, type ChainContext } from './chain-context';
import { attempt, ChainFailure } from './chain-failure';
import type { MfaBroker } from './mfa-broker';
import { credentialsOf, type SessionCache } from './session.cache';

export interface Resolved {
  credentials: AwsCredentials;
  kind: 'user-keys' | 'mfa-session' | 'role';
  /** Whether calls signed with these credentials carry MFA context (no further code needed). */
  mfaContext: boolean;
}

export interface ResolveOptions {
  /** Whether a person can be asked for an MFA code now. Background refreshes pass false. */
  interactive: boolean;
  /** An explicit refresh skips the target's own cache. */
  force: boolean;
  /** Test access re-assumes every role: a cached session proves nothing about today's trust policy. */
  forceRoles: boolean;
}

/** What the resolver tells the board of live sessions while it works. */
export interface ResolverBoard {
  /** A prompt is about to open for the chain of this (target) profile. */
  markNeedsMfa(profileId: string): void;
  /** A session was obtained and cached for this profile. */
  obtained(profileId: string, usingKeys: boolean): void;
}

/**
 * How many callers one in-flight operation stands for. When more callers join while it waits on
 * something else (an MFA prompt), `forward` passes the count on, so the prompt's `waiting` is right.
 */
interface Flight {
  weight: number;
  forward?: (added: number) => void;
}

interface Walk extends Pick<ResolveOptions, 'interactive' | 'forceRoles'> {
  forceTargetId: string | undefined;
  targetId: string;
  requestedBy: string;
  flight: Flight;
}

type Purpose = 'target' | 'source';

function addWeight(flight: Flight, added: number): void {
  flight.weight += added;
  flight.forward?.(added);
}

/**
 * Resolves a profile's chain (IAM user → role → role) into credentials, reusing cached sessions
 * and caching what it obtains. Failures come out as ChainFailure, naming the step that failed.
 *
 * - An IAM user with an MFA device gets one MFA session (GetSessionToken), cached in the keychain
 *   and used by every role assumed from that user, so one code serves them all. AWS caps roles
 *   assumed from it at one hour; they are renewed from the MFA session without a prompt.
 * - A role with its own MFA device, assumed from keys without MFA context, sends a code itself.
 * - Concurrent requests for the same role, or the same MFA session, share one operation (and one
 *   prompt, through the MfaBroker).
 */
export class ChainResolver {
  private readonly flights = new Map<string, { flight: Flight; promise: Promise<unknown> }>();

  constructor(
    private readonly deps: {
      profiles: ProfileDirectory;
      sts: StsGateway;
      cache: SessionCache;
      broker: MfaBroker;
      clock: Clock;
      board: ResolverBoard;
      /** Records every AssumeRole and MFA session start, and how it ended (absent in unit tests of other jobs). */
      audit?: AuditRecorder | undefined;
    },
  ) {}

  resolve(ctx: ChainContext, profile: Profile, options: ResolveOptions): Promise<Resolved> {
    const walk: Walk = {
      interactive: options.interactive,
      forceRoles: options.forceRoles,
      forceTargetId: options.force ? profile.id : undefined,
      targetId: profile.id,
      requestedBy: profile.name,
      flight: { weight: 1 },
    };
    return this.resolveLink(ctx, profile, walk, 'target');
  }

  private resolveLink(ctx: ChainContext, profile: Profile, walk: Walk, purpose: Purpose): Promise<Resolved> {
    return profile.kind === 'iam-user' ? this.resolveUser(ctx, profile, walk, purpose) : this.resolveRole(ctx, profile, walk, purpose);
  }

  private acceptable(ctx: ChainContext, fingerprint: string, purpose: Purpose): (session: CachedSession) => boolean {
    return (session) =>
      session.fingerprint === fingerprint &&
      (purpose === 'target' ? isFresh(session, ctx.leadMs, this.deps.clock.now()) : usableAsSource(session, this.deps.clock.now()));
  }

  private async resolveUser(ctx: ChainContext, user: IamUserProfile, walk: Walk, purpose: Purpose): Promise<Resolved> {
    if (!user.mfaSerial) {
      const step: AccessStep = { profileName: user.name, operation: 'Prepare', source: 'user-keys' };
      const secretAccessKey = await attempt(step, () => this.deps.profiles.userSecret(user));
      return { credentials: { accessKeyId: user.accessKeyId, secretAccessKey }, kind: 'user-keys', mfaContext: false };
    }
    const session = await this.mfaSession(ctx, user, user.mfaSerial, walk, purpose);
    return { credentials: credentialsOf(session), kind: 'mfa-session', mfaContext: true };
  }

  private async mfaSession(ctx: ChainContext, user: IamUserProfile, device: string, walk: Walk, purpose: Purpose): Promise<CachedSession> {
    const { cache, broker, sts, board } = this.deps;
    const item = mfaSessionItem(user.id);
    const fingerprint = sessionFingerprint(ctx, user);
    const force = walk.forceTargetId === user.id;
    const acceptable = this.acceptable(ctx, fingerprint, purpose);
    const seconds = ctx.mfaSessionSeconds;
    const step: AccessStep = { profileName: user.name, operation: 'GetSessionToken', source: 'user-keys', signedBy: user.name, mfa: 'code', durationSeconds: seconds };
    if (!force) {
      const cached = await attempt(step, () => cache.read(item, acceptable));
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
    const obtain = (code: string): Promise<CachedSession> => this.audited(AUDIT_ACTION.mfaSession, user, `GetSessionToken with MFA device ${device}`, () => obtainWith(code));
    const obtainWith = async (code: string): Promise<CachedSession> => {
      const secretAccessKey = await this.deps.profiles.userSecret(user);
      const credentials = await sts.getSessionToken({ accessKeyId: user.accessKeyId, secretAccessKey }, callRegion(ctx.profiles, user), {
        durationSeconds: seconds,
        serialNumber: device,
        tokenCode: code,
      });
      const account = accountOfMfaDevice(device);
      const session = this.cached('mfa-session', user.id, fingerprint, credentials, {
        mfaContext: true,
        plan: planOf(chainOf(ctx.profiles, user)),
        ...(account ? { accountId: account } : {}),
      });
      await cache.write(item, session);
      board.obtained(user.id, false);
      return session;
    };
    walk.flight.forward = (added) => broker.join(item, added);
    return attempt(step, () =>
      broker.run(
        {
          operationKey: item,
          deviceSerial: device,
          profileName: walk.requestedBy,
          reason: `to start an MFA session for ${user.name} (${durationText(seconds)})`,
          onPrompting: () => board.markNeedsMfa(walk.targetId),
        },
        {
          ...(force ? {} : { reuse: async () => (await cache.read(item, acceptable)) ?? undefined }),
          use: obtain,
        },
        walk.flight.weight,
      ),
    );
  }

  private async resolveRole(ctx: ChainContext, role: RoleProfile, walk: Walk, purpose: Purpose): Promise<Resolved> {
    const item = roleSessionItem(role.id);
    const fingerprint = sessionFingerprint(ctx, role);
    const force = walk.forceRoles || walk.forceTargetId === role.id;
    const acceptable = this.acceptable(ctx, fingerprint, purpose);
    const prepare: AccessStep = { profileName: role.name, operation: 'Prepare', roleArn: role.roleArn };
    if (!force) {
      const cached = await attempt(prepare, () => this.deps.cache.read(item, acceptable));
      if (cached) return { credentials: credentialsOf(cached), kind: 'role', mfaContext: cached.mfaContext };
    }
    const session = await this.inFlight(`role/${role.id}`, walk.flight, (flight) =>
      this.assume(ctx, role, { ...walk, flight }, { item, fingerprint, force, acceptable }),
    );
    return { credentials: credentialsOf(session), kind: 'role', mfaContext: session.mfaContext };
  }

  private async assume(
    ctx: ChainContext,
    role: RoleProfile,
    walk: Walk,
    cache: { item: string; fingerprint: string; force: boolean; acceptable: (session: CachedSession) => boolean },
  ): Promise<CachedSession> {
    const { broker, board } = this.deps;
    const prepare: AccessStep = { profileName: role.name, operation: 'Prepare', roleArn: role.roleArn };
    const allowed = checkRoleAllowed(role.roleArn, ctx.allowList);
    if (!allowed.ok) throw new ChainFailure(prepare, new RoledeckError('VALIDATION', allowed.message), 'ROLE_NOT_ALLOWED');
    const source = ctx.byId.get(role.sourceId);
    if (!source) {
      throw new ChainFailure(prepare, new RoledeckError('NOT_FOUND', `The source profile of "${role.name}" no longer exists. Edit the role and pick its source again.`));
    }
    const from = await this.resolveLink(ctx, source, walk, 'source');
    const duration = roleDurationFor({ profileName: role.name, requested: role.durationSeconds, source: from.kind });
    const directMfa = role.mfaSerial !== undefined && !from.mfaContext;
    const sessionName = roleSessionName(ctx.profiles, role);
    const durationSeconds = duration.seconds ?? role.durationSeconds;
    const step: AccessStep = {
      profileName: role.name,
      operation: 'AssumeRole',
      roleArn: role.roleArn,
      hasExternalId: role.externalId !== undefined,
      source: from.kind,
      signedBy: source.name,
      mfa: directMfa ? 'code' : from.mfaContext ? 'inherited' : 'none',
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    };
    const arn = parseRoleArn(role.roleArn);

    const call = (code?: string): Promise<CachedSession> => this.audited(AUDIT_ACTION.assume, role, `AssumeRole ${role.roleArn}`, () => callWith(code));
    const callWith = async (code?: string): Promise<CachedSession> => {
      const credentials = await this.deps.sts.assumeRole(from.credentials, callRegion(ctx.profiles, role), {
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
        plan: planOf(chainOf(ctx.profiles, role)),
        ...(arn ? { arn: assumedRoleArn(arn, sessionName), accountId: arn.accountId } : {}),
        ...(duration.note ? { notes: [duration.note] } : {}),
      });
      await this.deps.cache.write(cache.item, session);
      board.obtained(role.id, false);
      return session;
    };

    if (!directMfa || !role.mfaSerial) return attempt(step, () => call());
    if (!walk.interactive) {
      throw new ChainFailure(
        step,
        new RoledeckError('MFA_REQUIRED', `${role.name} needs an MFA code for every new session. Open Roledeck, or run \`roledeck whoami ${walk.requestedBy}\` in a terminal.`),
      );
    }
    const operationKey = `assume/${role.id}`;
    walk.flight.forward = (added) => broker.join(operationKey, added);
    return attempt(step, () =>
      broker.run(
        {
          operationKey,
          deviceSerial: role.mfaSerial!,
          profileName: walk.requestedBy,
          reason: `to assume ${role.name}`,
          onPrompting: () => board.markNeedsMfa(walk.targetId),
        },
        {
          ...(cache.force ? {} : { reuse: async () => (await this.deps.cache.read(cache.item, cache.acceptable)) ?? undefined }),
          use: (code) => call(code),
        },
        walk.flight.weight,
      ),
    );
  }

  /** One operation per key: a caller arriving while it runs joins it, and its weight is counted. */
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

  /** One audit entry per STS call: who it was for, the identity it gave, or why it failed. */
  private audited(action: string, profile: Profile, detail: string, obtain: () => Promise<CachedSession>): Promise<CachedSession> {
    const audit = this.deps.audit;
    if (!audit) return obtain();
    return audit.outcomeOf(action, profile, obtain, (session) => ({ detail, ...(session.arn ? { identity: session.arn } : {}) }));
  }
}
