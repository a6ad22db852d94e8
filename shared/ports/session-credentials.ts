import type { AwsCredentials } from '../domain/aws';

/**
 * A profile's session credentials, for features that call AWS themselves (deploys, CloudFront key
 * uploads, onboarding checks). SessionService implements it: the cached session while it is
 * fresh, else a new one, with the one shared MFA prompt. Main side only: never for IPC, logs or
 * error messages.
 */
export interface SessionCredentialSource {
  credentials(profileRef: string, options?: { interactive?: boolean }): Promise<AwsCredentials>;
}
