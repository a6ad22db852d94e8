import type { SessionCredentials } from '../../shared/logic/console-signin';
import { FederationRefusal, type FederationGateway } from '../../shared/ports/federation-gateway';

/** getSigninToken without a network: records each call, answers a token or the refusal a test set. */
export class ScriptedFederationGateway implements FederationGateway {
  readonly calls: Array<{ endpoint: string; credentials: SessionCredentials; sessionSeconds: number | undefined }> = [];
  refuseWith: number | undefined;

  signinToken(endpoint: string, credentials: SessionCredentials, sessionSeconds: number | undefined): Promise<string> {
    this.calls.push({ endpoint, credentials, sessionSeconds });
    if (this.refuseWith !== undefined) return Promise.reject(new FederationRefusal(this.refuseWith, `HTTP ${this.refuseWith}`));
    return Promise.resolve(`token-${this.calls.length}`);
  }
}
