import { signinTokenUrl, type SessionCredentials } from '../../../shared/logic/console-signin';
import { FederationRefusal, type FederationGateway } from '../../../shared/ports/federation-gateway';

const TIMEOUT_MS = 15_000;

/**
 * getSigninToken over HTTPS with Node's fetch. The request URL holds the session's secret key and
 * token (as AWS's own examples send them), so neither the URL nor the request appears in any
 * error or log: a failure says only the status.
 */
export class HttpFederationGateway implements FederationGateway {
  async signinToken(endpoint: string, credentials: SessionCredentials, sessionSeconds: number | undefined): Promise<string> {
    let response: Response;
    try {
      response = await fetch(signinTokenUrl(endpoint, credentials, sessionSeconds), { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'connection failed';
      throw new FederationRefusal(0, reason);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FederationRefusal(response.status, `HTTP ${response.status}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    const token = typeof body === 'object' && body !== null && 'SigninToken' in body ? body.SigninToken : undefined;
    if (typeof token !== 'string' || token.length === 0 || token.length > 8192) throw new FederationRefusal(502, 'no SigninToken in the answer');
    return token;
  }
}
