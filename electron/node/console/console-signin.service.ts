import { RoledeckError } from '../../../shared/contract/errors';
import { parseRoleArn, RegionSchema } from '../../../shared/domain/aws-rules';
import { FEDERATION_ENDPOINTS, type OpenConsoleResult } from '../../../shared/domain/console-signin';
import type { RoleProfile } from '../../../shared/domain/profile';
import { assumedFromTemporaryCredentials, consoleDestination, consoleSessionSeconds, loginUrl } from '../../../shared/logic/console-signin';
import { callRegion } from '../../../shared/logic/profile-chain';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import { FederationRefusal, type FederationGateway } from '../../../shared/ports/federation-gateway';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { UrlOpener } from '../../../shared/ports/url-opener';
import { recordAudit } from '../audit/record-audit';
import { AUDIT_ACTION, auditEntry } from '../../../shared/logic/audit-entry';

export interface ConsoleRequest {
  /** A service name (`s3`) or a console URL; the console home without one. */
  destination?: string | undefined;
  /** The console's region; the profile's region without one. */
  region?: string | undefined;
}

/** The login URL (it holds a sign-in token: main side only, never logged) and what it leads to. */
export interface ConsoleSignin {
  url: string;
  destination: string;
  sessionSeconds: number | undefined;
  profileName: string;
}

export interface ConsoleSigninDeps {
  profiles: ProfileDirectory;
  /** The role session's credentials, through the one MFA prompt per device. */
  sessions: Pick<SessionAccess, 'credentials'>;
  federation: FederationGateway;
  opener: UrlOpener;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

/**
 * Opens the AWS console as a role profile: the role session's credentials go to the federation
 * endpoint of the role's partition (or the one the settings name) for a sign-in token, and the
 * login URL goes to the browser. Every attempt is recorded as an 'console' audit entry.
 */
export class ConsoleSigninService {
  constructor(private readonly deps: ConsoleSigninDeps) {}

  /** The login URL for `roledeck console --print`, and what `open` sends to the browser. */
  async signin(profileRef: string, request: ConsoleRequest = {}): Promise<ConsoleSignin> {
    const snapshot = await this.deps.profiles.read();
    const profile = requireProfile(snapshot.profiles, profileRef);
    if (profile.kind !== 'role') {
      // The federation endpoint takes temporary credentials from AssumeRole or GetFederationToken
      // only: an IAM user's keys, or its GetSessionToken session, are refused.
      throw new RoledeckError(
        'VALIDATION',
        `${profile.name} is an IAM user with long-term keys, and AWS signs in to the console only with a role's session. Add a role profile with ${profile.name} as its source (roledeck profile add-role) and open the console with that.`,
      );
    }
    const role: RoleProfile = profile;
    const arn = parseRoleArn(role.roleArn);
    if (!arn) throw new RoledeckError('VALIDATION', `${role.name}'s role ARN is not one AWS accepts; edit the profile.`);
    if (request.region !== undefined) {
      const region = RegionSchema.safeParse(request.region);
      if (!region.success) throw new RoledeckError('VALIDATION', `--region: ${region.error.issues[0]?.message ?? 'not a region'}`);
    }
    const region = request.region ?? callRegion(snapshot.profiles, role);
    const destination = consoleDestination(request.destination, region, arn.partition);
    if (!destination.ok) throw new RoledeckError('VALIDATION', `--destination: ${destination.problem}`);

    const endpoint = snapshot.settings.federationEndpoint ?? FEDERATION_ENDPOINTS[arn.partition];
    const source = snapshot.profiles.find((entry) => entry.id === role.sourceId);
    const temporarySource = assumedFromTemporaryCredentials(source);
    const sessionSeconds = consoleSessionSeconds(temporarySource, role.durationSeconds);
    const credentials = await this.deps.sessions.credentials(role.id);
    if (!credentials.sessionToken) throw new RoledeckError('INTERNAL', `${role.name}'s session has no session token; refresh it and try again.`);
    // The IAM User Guide: a role session assumed with DurationSeconds by anything but an IAM user's
    // long-term keys is refused at the federation endpoint. Said with the refusal, not guessed at first.
    const hint =
      temporarySource && role.durationSeconds !== undefined
        ? ` AWS also refuses a session assumed with a set duration from temporary credentials (a role chain or an MFA session): remove the session duration from ${role.name} and try again.`
        : '';
    const token = await this.signinToken(role.name, endpoint, { ...credentials, sessionToken: credentials.sessionToken }, sessionSeconds, hint);
    return { url: loginUrl(endpoint, token, destination.url), destination: destination.url, sessionSeconds, profileName: role.name };
  }

  /** Signs in and opens the browser there; the token never leaves this process but to the browser. */
  async open(profileRef: string, request: ConsoleRequest = {}, how: 'opened' | 'printed' = 'opened'): Promise<OpenConsoleResult & { url: string }> {
    let signin: ConsoleSignin;
    try {
      signin = await this.signin(profileRef, request);
      if (how === 'opened') await this.deps.opener.open(signin.url);
    } catch (error) {
      await this.record(profileRef, 'failed', error instanceof Error ? error.message : 'console sign-in failed', request.destination);
      throw error;
    }
    await this.record(profileRef, 'ok', `console ${how}: ${signin.destination}`, signin.destination);
    return { opened: true, destination: signin.destination, url: signin.url, ...(signin.sessionSeconds !== undefined ? { sessionSeconds: signin.sessionSeconds } : {}) };
  }

  private async signinToken(
    profileName: string,
    endpoint: string,
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
    seconds: number | undefined,
    hint: string,
  ): Promise<string> {
    try {
      return await this.deps.federation.signinToken(endpoint, credentials, seconds);
    } catch (error) {
      if (!(error instanceof FederationRefusal)) throw error;
      const host = new URL(endpoint).host;
      if (error.status === 0) {
        throw new RoledeckError('AWS_ERROR', `Could not reach the sign-in endpoint ${host} (${error.message}). Check the network, or the federation endpoint in Settings.`);
      }
      throw new RoledeckError(
        'AWS_ERROR',
        `The sign-in endpoint ${host} refused ${profileName}'s session (HTTP ${error.status}). A session that expired or was revoked is refused: run \`roledeck sessions\` to see it, end it (or Refresh in the app) and try again.${hint}`,
      );
    }
  }

  private async record(profileRef: string, result: 'ok' | 'failed', detail: string, destination: string | undefined): Promise<void> {
    const snapshot = await this.deps.profiles.read().catch(() => undefined);
    const profile = snapshot?.profiles.find((entry) => entry.id === profileRef || entry.name === profileRef);
    const subject = profile ? { id: profile.id, name: profile.name, label: profile.label } : { name: profileRef };
    const identity = profile?.kind === 'role' ? profile.roleArn : undefined;
    await recordAudit(
      this.deps.audit,
      this.deps.logger,
      auditEntry(AUDIT_ACTION.console, this.deps.clock.now(), subject, {
        identity,
        ...(result === 'failed' ? { error: new Error(detail) } : { detail }),
        ...(destination ? { facts: { destination } } : {}),
      }),
    );
  }
}
