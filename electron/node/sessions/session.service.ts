import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import type { Profile } from '../../../shared/domain/profile';
import type { SessionsSnapshot, SessionView, TestAccessResult } from '../../../shared/domain/session';
import { callRegion } from '../../../shared/logic/profile-chain';
import type { SessionStatus } from '../../../shared/logic/session-state';
import type { ExportableSession } from '../../../shared/logic/shell-export';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { AccessTester } from './access.tester';
import { chainContextOf, profileIn, type ChainContext } from './chain-context';
import { explainedError, statusErrorOf } from './chain-failure';
import type { ChainResolver, Resolved } from './chain.resolver';
import type { ScheduledSession, SessionBoard } from './session.board';

export interface ObtainOptions {
  /** Whether a person can be asked for an MFA code now. Background refreshes pass false. */
  interactive?: boolean;
}

export interface SessionServiceDeps {
  /** Profiles and the IAM users' keys, through the port ProfileService implements. */
  profiles: ProfileDirectory;
  /** Only for the one setting sessions own: the active profile. */
  store: DocumentStore;
  resolver: ChainResolver;
  board: SessionBoard;
  tester: AccessTester;
}

/**
 * Sessions, as the window, the tray, the CLI and other features use them. A thin façade over the
 * three jobs behind it: the ChainResolver obtains credentials (single-flight, one MFA prompt per
 * device), the SessionBoard keeps the live sessions and their views, the AccessTester runs and
 * explains Test access. Views never carry credentials; `credentials` and `exportable` hand them
 * out to main-side callers only, never over IPC.
 */
export class SessionService implements SessionAccess {
  constructor(private readonly deps: SessionServiceDeps) {}

  /** Live sessions, including ones another process (the CLI) cached in the keychain. */
  async list(): Promise<SessionsSnapshot> {
    await this.deps.board.hydrate(await this.context());
    return this.deps.board.snapshot();
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
   * The background refresh: adopts a fresher session another process cached, else obtains one
   * without asking anybody. Throws MFA_REQUIRED when only a code would do.
   */
  async renew(profileRef: string): Promise<void> {
    await this.obtainQuietly(profileRef, { interactive: false, force: false });
  }

  /**
   * A profile's session credentials, for features that call AWS themselves (deploys, CloudFront
   * key uploads, onboarding checks): the cached session while it is fresh, else a new one, with
   * the one shared MFA prompt if a code is needed. Main side only: never for IPC, logs or errors.
   */
  async credentials(profileRef: string, options: ObtainOptions = {}): Promise<AwsCredentials> {
    const { resolved } = await this.obtainQuietly(profileRef, { interactive: options.interactive ?? true, force: false });
    return resolved.credentials;
  }

  /**
   * Credentials with what an export or credential_process needs besides them: the profile's name
   * and region. Main side and CLI only; never for IPC.
   */
  async exportable(profileRef: string, options: ObtainOptions = {}): Promise<ExportableSession> {
    // The store read that found the profile serves for its name and region too.
    const { profile, resolved, ctx } = await this.obtainQuietly(profileRef, { interactive: options.interactive ?? true, force: false });
    const { credentials } = resolved;
    return {
      profileName: profile.name,
      region: callRegion(ctx.profiles, profile),
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
      ...(credentials.expiresAt !== undefined ? { expiresAt: credentials.expiresAt } : {}),
    };
  }

  /** Forgets the session in memory and in the keychain. */
  async end(profileRef: string): Promise<void> {
    await this.deps.board.end(profileIn(await this.context(), profileRef));
  }

  async setActive(profileRef: string | null): Promise<SessionsSnapshot> {
    const id = profileRef === null ? null : profileIn(await this.context(), profileRef).id;
    await this.deps.store.update((doc) => {
      if (id === null) delete doc.settings.activeProfileId;
      else doc.settings.activeProfileId = id;
    });
    this.deps.board.setActiveProfile(id);
    this.deps.board.changed();
    return this.deps.board.snapshot();
  }

  /** Runs the chain afresh and GetCallerIdentity; a failure comes back explained, not thrown. */
  async testAccess(profileRef: string): Promise<TestAccessResult> {
    const ctx = await this.context();
    return this.deps.tester.test(ctx, profileIn(ctx, profileRef));
  }

  // ---- what the refresh scheduler drives (RefreshTarget) ----------------------------------------

  /** The current state from memory, without touching the store or the keychain. */
  snapshotNow(): SessionsSnapshot {
    return this.deps.board.snapshot();
  }

  scheduled(): ScheduledSession[] {
    return this.deps.board.scheduled();
  }

  setStatus(profileId: string, status: SessionStatus | null): void {
    this.deps.board.setStatus(profileId, status);
    this.deps.board.changed();
  }

  /** Announces the current state again (the scheduler calls it when a session crosses its expiry). */
  notifyChanged(): void {
    this.deps.board.changed();
  }

  /** Called after every change, before 'sessions.changed' is emitted. */
  onChange(listener: () => void): () => void {
    return this.deps.board.onChange(listener);
  }

  /** Loads what the keychain index lists and memory does not hold yet (sessions the CLI or an earlier run cached). */
  async hydrate(): Promise<void> {
    await this.deps.board.hydrate(await this.context());
  }

  // ---- internals ----------------------------------------------------------------------------------

  /**
   * start/refresh: a live session reads 'refreshing' meanwhile (refresh only), then 'active', or
   * 'failed' with the reason. A cancelled prompt puts it back as it was.
   */
  private async obtainAndShow(profileRef: string, options: { interactive: boolean; force: boolean }): Promise<SessionView> {
    const { board } = this.deps;
    const ctx = await this.context();
    const profile = profileIn(ctx, profileRef);
    const previous = board.statusOf(profile.id);
    const live = board.isLive(profile.id);
    if (live && options.force) this.setStatus(profile.id, { state: 'refreshing' });
    try {
      await this.obtain(ctx, profile, options);
      board.changed();
      return board.viewOf(profile.id);
    } catch (error) {
      const shown = explainedError(error);
      if (live) {
        const code = shown instanceof RoledeckError ? shown.code : undefined;
        if (code === 'MFA_REQUIRED') board.setStatus(profile.id, { state: 'needs-mfa' });
        else if (code === 'MFA_CANCELLED') board.setStatus(profile.id, previous ?? null);
        else board.setStatus(profile.id, { state: 'failed', error: statusErrorOf(shown) });
      }
      board.changed();
      throw shown;
    }
  }

  /** Obtains without touching the session's shown state on failure; the error comes out explained. */
  private async obtainQuietly(
    profileRef: string,
    options: { interactive: boolean; force: boolean },
  ): Promise<{ profile: Profile; resolved: Resolved; ctx: ChainContext }> {
    try {
      const ctx = await this.context();
      const profile = profileIn(ctx, profileRef);
      const resolved = await this.obtain(ctx, profile, options);
      this.deps.board.changed();
      return { profile, resolved, ctx };
    } catch (error) {
      throw explainedError(error);
    }
  }

  private async obtain(ctx: ChainContext, profile: Profile, options: { interactive: boolean; force: boolean }): Promise<Resolved> {
    const resolved = await this.deps.resolver.resolve(ctx, profile, { ...options, forceRoles: false });
    this.deps.board.obtained(profile.id, resolved.kind === 'user-keys');
    if (resolved.kind === 'user-keys') await this.deps.board.keysUsed(profile.id);
    return resolved;
  }

  /** One read of the profiles; the board learns names, the refresh lead and the active profile from it. */
  private async context(): Promise<ChainContext> {
    const ctx = chainContextOf(await this.deps.profiles.read());
    this.deps.board.learn(ctx);
    return ctx;
  }
}

