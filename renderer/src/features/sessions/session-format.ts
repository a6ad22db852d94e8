import type { ProfileView } from '../../../../shared/domain/profile-view';
import type { SessionState, SessionView, TestAccessResult } from '../../../../shared/domain/session';
import { formatClockTime, formatTimeLeft, isExpired, type ClockFormat } from '../../../../shared/logic/time-left';

export type Tone = 'ok' | 'neutral' | 'warn' | 'danger';

export interface Badge {
  label: string;
  tone: Tone;
}

/**
 * The state badge a session wears. The main side's state is the source, but an "active" session
 * whose expiry has passed on this clock reads "expired" until the next snapshot arrives: the
 * countdown and the badge must never disagree.
 */
export function sessionBadge(session: Pick<SessionView, 'state' | 'expiresAt'>, now: number): Badge {
  const state: SessionState =
    session.state === 'active' && session.expiresAt !== undefined && isExpired(session.expiresAt, now) ? 'expired' : session.state;
  switch (state) {
    case 'active':
      return { label: 'Active', tone: 'ok' };
    case 'refreshing':
      return { label: 'Refreshing', tone: 'neutral' };
    case 'needs-mfa':
      return { label: 'Needs MFA', tone: 'warn' };
    case 'expired':
      return { label: 'Expired', tone: 'danger' };
    case 'failed':
      return { label: 'Failed', tone: 'danger' };
  }
}

/** "2 h 14 min left", "expired 3 min ago", or for long-term keys "No expiry (long-term keys)". */
export function timeLeftText(session: Pick<SessionView, 'expiresAt'>, now: number): string {
  return session.expiresAt === undefined ? 'No expiry (long-term keys)' : formatTimeLeft(session.expiresAt, now);
}

export function kindText(kind: SessionView['kind']): string {
  switch (kind) {
    case 'mfa-session':
      return 'MFA session';
    case 'role':
      return 'Assumed role';
    case 'user-keys':
      return 'IAM user keys';
  }
}

/**
 * Whose credentials a session came from, in words: "acme-prod, assumed with consultant’s keys";
 * along a chain, each link ("prod, assumed with hub’s session; hub, assumed with consultant’s MFA
 * session"). `profileNamed` finds a profile of the chain, to tell an IAM user's keys from its MFA
 * session.
 */
export function credentialsText(session: Pick<SessionView, 'kind' | 'chain' | 'profileName'>, profileNamed: (name: string) => ProfileView | undefined): string {
  if (session.kind === 'user-keys') return `${session.profileName}’s long-term keys`;
  if (session.kind === 'mfa-session') return `${session.profileName}’s MFA session (GetSessionToken)`;
  const links: string[] = [];
  for (let index = session.chain.length - 1; index > 0; index -= 1) {
    const source = session.chain[index - 1]!;
    const from = profileNamed(source);
    const what = from?.kind === 'iam-user' ? (from.mfaSerial ? 'MFA session' : 'keys') : 'session';
    links.push(`${session.chain[index]}, assumed with ${source}’s ${what}`);
  }
  return links.length > 0 ? links.join('; ') : kindText(session.kind);
}

/** What is cached where and until when, in plain words (aws-vault users ask exactly this). */
export function cacheText(session: Pick<SessionView, 'cachedIn' | 'expiresAt'>, format: ClockFormat = {}): string {
  const until = session.expiresAt === undefined ? '' : ` until ${formatClockTime(session.expiresAt, format)}`;
  switch (session.cachedIn) {
    case 'keychain':
      return `In the OS keychain${until}; the CLI and credential_process reuse it`;
    case 'memory':
      return `In Roledeck’s memory only${until}; gone when Roledeck quits`;
    case 'none':
      return 'Not cached';
  }
}

/** "At 17:45", "At 17:45 — will ask for an MFA code", or why there is none. */
export function refreshText(session: Pick<SessionView, 'refreshAt' | 'refreshNeedsMfa' | 'kind'>, format: ClockFormat = {}): string {
  if (session.refreshAt === undefined) {
    return session.kind === 'user-keys' ? 'Not needed: long-term keys do not expire' : 'Not scheduled';
  }
  const at = `At ${formatClockTime(session.refreshAt, format)}`;
  return session.refreshNeedsMfa ? `${at} — will ask for an MFA code` : `${at}, without asking you`;
}

/** The role's name from the profile, else from an assumed-role ARN (arn:…:assumed-role/Name/session). */
export function roleNameOf(session: Pick<SessionView, 'arn'>, profile: ProfileView | undefined): string | undefined {
  if (profile?.kind === 'role') return profile.roleName;
  const match = session.arn?.match(/:assumed-role\/([^/]+)\//);
  return match?.[1];
}

export function accountIdOf(session: Pick<SessionView, 'accountId'>, profile: ProfileView | undefined): string | undefined {
  return session.accountId ?? (profile?.kind === 'role' ? profile.accountId : undefined);
}

export interface TestAccessSummary {
  tone: 'ok' | 'danger';
  title: string;
  detail: string;
  /** "AWS said: AccessDenied — User: … is not authorized"; absent when AWS said nothing (no answer). */
  aws?: string;
}

/** A Test access result in words: the identity on success, the likely cause and AWS's own words on failure. */
export function testAccessSummary(result: TestAccessResult): TestAccessSummary {
  if (result.ok) {
    return {
      tone: 'ok',
      title: 'Access works',
      detail: `Signed in as ${result.arn} in account ${result.account} (${Math.round(result.elapsedMs)} ms).`,
    };
  }
  // The step that failed, in words ("Failed while assuming acme-prod with consultant’s keys (AssumeRole)").
  const title = result.cause === 'cancelled' ? 'Test cancelled' : `Failed while ${result.step}`;
  const aws =
    result.awsCode !== undefined
      ? `AWS said: ${result.awsCode}${result.awsMessage ? ` — ${result.awsMessage}` : ''}`
      : result.awsMessage !== undefined
        ? `AWS said: ${result.awsMessage}`
        : undefined;
  return { tone: 'danger', title, detail: result.explanation, ...(aws !== undefined ? { aws } : {}) };
}
