import { CHAINED_ROLE_MAX_SECONDS } from '../domain/aws-rules';

/**
 * When sessions count as fresh, when to refresh them, how long to ask for, and how to back off.
 * Pure: every function takes `now` (epoch ms) instead of reading a clock.
 */

/** botocore treats the last 15 minutes of a session as expired; Roledeck refreshes before that. */
export const DEFAULT_REFRESH_LEAD_SECONDS = 900;

/** GetSessionToken's default, and Roledeck's default MFA session: 12 hours. */
export const DEFAULT_MFA_SESSION_SECONDS = 43_200;

/**
 * A source session (the MFA session, an intermediate role) only has to outlive the one call that
 * uses it: a role session does not end when the session that assumed it does.
 */
export const SOURCE_MARGIN_MS = 60_000;

/** A code AWS accepted cannot be used again while it is current; TOTP steps are 30 s, AWS allows drift. */
export const MFA_CODE_REUSE_WINDOW_MS = 90_000;

/**
 * When to refresh: `lead` before expiry, or at half-life when the session is shorter than two leads
 * (a 15-minute session refreshed 15 minutes early would be refreshed at once, forever).
 */
export function refreshAtFor(obtainedAt: number, expiresAt: number, leadMs: number): number {
  const lifetime = expiresAt - obtainedAt;
  if (lifetime < 2 * leadMs) return obtainedAt + Math.floor(lifetime / 2);
  return expiresAt - leadMs;
}

/** Whether a cached session can still be handed out: valid and not yet due for refresh. */
export function isFresh(session: { obtainedAt: number; expiresAt: number }, leadMs: number, now: number): boolean {
  return now < refreshAtFor(session.obtainedAt, session.expiresAt, leadMs) && now < session.expiresAt;
}

/** Whether a session can sign one more call (as the source of an AssumeRole) at `at`. */
export function usableAsSource(session: { expiresAt: number }, at: number): boolean {
  return session.expiresAt - SOURCE_MARGIN_MS > at;
}

export interface BackoffOptions {
  baseMs: number;
  factor: number;
  capMs: number;
  /** ±fraction applied to each delay, so many sessions that failed together do not retry together. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 30_000, factor: 2, capMs: 600_000, jitter: 0.2 };

/** Delay before retry number `attempt` (1 after the first failure); `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const raw = Math.min(options.capMs, options.baseMs * options.factor ** Math.max(0, attempt - 1));
  const spread = raw * options.jitter * (2 * random - 1);
  return Math.max(1000, Math.round(raw + spread));
}

export type RoleSource = 'user-keys' | 'mfa-session' | 'role';

export interface RoleDuration {
  /** What to send as DurationSeconds; absent leaves it to AWS (one hour). */
  seconds?: number;
  /** Set when Roledeck asks for less than the profile does, saying why. */
  note?: string;
}

/** A duration as the MFA prompt and notes say it: "12 h", or "90 min" when not whole hours. */
export function durationText(seconds: number): string {
  const value = seconds / 3600;
  return Number.isInteger(value) ? `${value} h` : `${Math.round(seconds / 60)} min`;
}

/**
 * DurationSeconds for AssumeRole. AWS refuses more than one hour for a session assumed with
 * temporary credentials — another role's session, and also an MFA session from GetSessionToken
 * ("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role
 * chaining"; STS AssumeRole reference, DurationSeconds). Roledeck asks for one hour there and says
 * so, instead of failing: the role session is then refreshed from its source without a prompt.
 */
export function roleDurationFor(input: { profileName: string; requested?: number | undefined; source: RoleSource }): RoleDuration {
  const { requested, source } = input;
  if (source === 'user-keys' || requested === undefined || requested <= CHAINED_ROLE_MAX_SECONDS) {
    return requested === undefined ? {} : { seconds: requested };
  }
  const via = source === 'role' ? 'another role’s session (role chaining)' : 'an MFA session';
  const refresh =
    source === 'role'
      ? 'Roledeck renews it every hour while the session it comes from lasts.'
      : 'Roledeck renews it every hour from the MFA session, without asking for another code.';
  return {
    seconds: CHAINED_ROLE_MAX_SECONDS,
    note: `${input.profileName} asks for ${durationText(requested)}, but AWS allows at most 1 h for a role assumed from ${via}; Roledeck asked for 1 h. ${refresh}`,
  };
}

/** The default RoleSessionName: `roledeck-<user>`, within AWS's [\w+=,.@-]{2,64}. */
export function defaultSessionName(userName: string): string {
  const cleaned = userName.replace(/[^\w+=,.@-]/g, '-');
  return `roledeck-${cleaned}`.slice(0, 64);
}

/** The identity an AssumeRole session acts as: arn:aws:sts::<account>:assumed-role/<role>/<session>. */
export function assumedRoleArn(roleArn: { partition: string; accountId: string; roleName: string }, sessionName: string): string {
  return `arn:${roleArn.partition}:sts::${roleArn.accountId}:assumed-role/${roleArn.roleName}/${sessionName}`;
}
