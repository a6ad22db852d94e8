import { createPublicKey, type KeyObject } from 'node:crypto';
import type { CloudFrontKey } from '../../../shared/domain/cloudfront-key';
import type { InspectInput, InspectResult } from '../../../shared/domain/cloudfront-signing';
import { judgeSignedRequest, readSignedRequest, type SignatureCheck, type SignedRequest } from '../../../shared/logic/cloudfront-inspect';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFrontKeyRepository } from '../../../shared/ports/cloudfront-key-repository';
import { verifyPolicy } from './policy-signer';

/**
 * "Why does CloudFront refuse this?" for a signed URL or a cookie set. The signature is checked
 * against the public halves of the stored keys (kept in the store, so this works with the
 * keychain locked): first the key Key-Pair-Id names, then the others, which is how a URL signed
 * with one customer's key but labelled with another's is told apart from a tampered one.
 */
export interface CloudFrontInspectServiceDeps {
  keys: CloudFrontKeyRepository;
  clock: Clock;
}

export class CloudFrontInspectService {
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(private readonly deps: CloudFrontInspectServiceDeps) {}

  async inspect(input: InspectInput): Promise<InspectResult> {
    const request = readSignedRequest(input);
    const check = this.check(request, await this.deps.keys.list());
    return judgeSignedRequest(request, check, { nowMs: this.deps.clock.now(), clientIp: input.clientIp });
  }

  private publicKey(key: CloudFrontKey): KeyObject {
    let publicKey = this.publicKeys.get(key.fingerprint);
    if (!publicKey) {
      publicKey = createPublicKey(key.publicKeyPem);
      this.publicKeys.set(key.fingerprint, publicKey);
    }
    return publicKey;
  }

  private check(request: SignedRequest, keys: readonly CloudFrontKey[]): SignatureCheck {
    const { signedText, signature } = request;
    if (signedText === undefined || signature === undefined) return { kind: 'not-checked' };
    const verifies = (key: CloudFrontKey) => verifyPolicy(this.publicKey(key), signedText, signature, request.hashAlgorithm);
    const named = keys.find((key) => key.keyPairId !== undefined && key.keyPairId === request.keyPairId);
    if (named && verifies(named)) return { kind: 'valid', key: named };
    const other = keys.find((key) => key !== named && verifies(key));
    if (other) return { kind: 'other-key', key: other };
    return named ? { kind: 'invalid', key: named } : { kind: 'unknown-key' };
  }
}
