import type { Partition } from '../domain/aws-rules';
import type { Profile } from '../domain/profile';
import { CONSOLE_HOSTS } from '../domain/console-signin';

/**
 * The console sign-in URL, as the IAM User Guide's "Enable custom identity broker access to the AWS
 * console" describes it: `getSigninToken` with the session's credentials as JSON, then `login`
 * with the token, an issuer and a destination. Pure: the HTTP call is the federation gateway's.
 */

/** The console session AWS allows for an AssumeRole session: 15 minutes to 12 hours. */
export const CONSOLE_SESSION_MIN_SECONDS = 900;
export const CONSOLE_SESSION_MAX_SECONDS = 43_200;

/** Who the console names as the sign-in's issuer (and where its sign-out link leads). */
export const CONSOLE_ISSUER = 'https://github.com/roledeck';

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/**
 * SessionDuration for getSigninToken, or undefined to leave it out. A role-chained session (a role
 * assumed with another role's credentials) is limited to one hour, and the federation endpoint
 * refuses a SessionDuration for one: the console session then lasts as long as the credentials.
 */
export function consoleSessionSeconds(roleChained: boolean, requested: number | undefined): number | undefined {
  if (roleChained) return undefined;
  const wanted = requested ?? 3600;
  return Math.min(CONSOLE_SESSION_MAX_SECONDS, Math.max(CONSOLE_SESSION_MIN_SECONDS, Math.round(wanted)));
}

/** The getSigninToken request: the endpoint with Action, SessionDuration (when allowed) and Session. */
export function signinTokenUrl(endpoint: string, credentials: SessionCredentials, sessionSeconds: number | undefined): string {
  // The field names AWS expects in the Session JSON: sessionId, sessionKey, sessionToken.
  const session = JSON.stringify({ sessionId: credentials.accessKeyId, sessionKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken });
  const duration = sessionSeconds === undefined ? '' : `&SessionDuration=${sessionSeconds}`;
  return `${endpoint}?Action=getSigninToken${duration}&Session=${encodeURIComponent(session)}`;
}

/** The URL that signs the browser in: the token from getSigninToken, sent to `destination`. */
export function loginUrl(endpoint: string, signinToken: string, destination: string): string {
  return `${endpoint}?Action=login&Issuer=${encodeURIComponent(CONSOLE_ISSUER)}&Destination=${encodeURIComponent(destination)}&SigninToken=${encodeURIComponent(signinToken)}`;
}

export type DestinationResult = { ok: true; url: string } | { ok: false; problem: string };

const SERVICE_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Where the browser lands: the console home without a destination, `<console>/<service>/home?region=…`
 * for a service name, or a full URL on the partition's console (including its regional hosts such
 * as eu-west-1.console.aws.amazon.com). Anything else is refused: the login action would send the
 * signed-in browser wherever Destination points.
 */
export function consoleDestination(input: string | undefined, region: string, partition: Partition): DestinationResult {
  const host = CONSOLE_HOSTS[partition];
  const where = encodeURIComponent(region);
  if (input === undefined || input === '') return { ok: true, url: `https://${host}/console/home?region=${where}` };
  if (SERVICE_NAME.test(input)) return { ok: true, url: `https://${host}/${input}/home?region=${where}` };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, problem: `"${input}" is neither a service name (letters, digits and -, e.g. s3) nor a URL` };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'A console URL starts with https://' };
  if (url.hostname !== host && !url.hostname.endsWith(`.${host}`)) {
    return { ok: false, problem: `A console URL of this profile's partition (${partition}) is on ${host}, not ${url.hostname}` };
  }
  return { ok: true, url: url.href };
}

/**
 * Whether the role's session was assumed with temporary credentials: another role's session (role
 * chaining), or the MFA session (GetSessionToken) of an IAM user with an MFA device. The federation
 * endpoint refuses a SessionDuration for such a session (the IAM User Guide: a session assumed
 * with DurationSeconds must come from an IAM user's long-term keys, or step 3 fails), and AWS caps
 * it at one hour anyway.
 */
export function assumedFromTemporaryCredentials(source: Profile | undefined): boolean {
  if (!source) return false;
  return source.kind === 'role' || source.mfaSerial !== undefined;
}
