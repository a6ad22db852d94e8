import type { SessionCredentials } from '../logic/console-signin';

/**
 * The AWS federation endpoint's getSigninToken call (IAM User Guide, "Enable custom identity broker
 * access to the AWS console"). The credentials are sent to the endpoint and nowhere else: never
 * logged, never in an error message.
 */
export interface FederationGateway {
  /**
   * The sign-in token for the session. Rejects with FederationRefusal when the endpoint answers
   * with anything but a token (long-term keys, an expired or unknown session).
   */
  signinToken(endpoint: string, credentials: SessionCredentials, sessionSeconds: number | undefined): Promise<string>;
}

/** The endpoint said no (HTTP status), or was unreachable (status 0). Its words, if any, hold no secret of ours. */
export class FederationRefusal extends Error {
  override name = 'FederationRefusal';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
