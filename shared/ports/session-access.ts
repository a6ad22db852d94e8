import type { AwsCredentials } from '../domain/aws';
import type { TestAccessResult } from '../domain/session';

/**
 * What features that call AWS need of the sessions: a profile's session credentials, and Test
 * access. SessionService implements it; both go through its one MFA prompt per device, so any
 * number of concurrent callers waiting on the same device see a single prompt.
 */
export interface SessionAccess {
  /** Main side only: never for IPC, logs or error messages. May prompt for an MFA code. */
  credentials(profileRef: string, options?: { interactive?: boolean }): Promise<AwsCredentials>;
  /** Runs the chain afresh and GetCallerIdentity; a failure comes back explained, not thrown. */
  testAccess(profileRef: string): Promise<TestAccessResult>;
}
