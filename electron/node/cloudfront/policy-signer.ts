import { sign, verify, type KeyObject } from 'node:crypto';
import { toCloudFrontBase64 } from '../../../shared/logic/cloudfront-base64';

/**
 * The one step of signing that needs Node: an RSA PKCS#1 v1.5 signature over the SHA-1 of the
 * policy's UTF-8 bytes, what CloudFront verifies unless told otherwise. The key is a KeyObject
 * parsed once (SigningKeyCache): handing a PEM string to crypto re-parses it on every call,
 * which is why @aws-sdk/cloudfront-signer signs at about a third of OpenSSL's rate.
 */
export function signPolicy(privateKey: KeyObject, policy: string): string {
  return toCloudFrontBase64(sign('sha1', Buffer.from(policy, 'utf8'), privateKey).toString('base64'));
}

export function verifyPolicy(publicKey: KeyObject, text: string, signature: Uint8Array, hash: 'sha1' | 'sha256' = 'sha1'): boolean {
  return verify(hash, Buffer.from(text, 'utf8'), publicKey, signature);
}

/** Signs many policies with one key; the answer is in the order of `policies`, CloudFront-safe base64. */
export interface BatchSigner {
  sign(privateKey: KeyObject, policies: readonly string[]): Promise<string[]>;
}

/** Signs on the calling thread: right for a handful of policies, and the one-core baseline. */
export const inThreadSigner: BatchSigner = {
  async sign(privateKey, policies) {
    return policies.map((policy) => signPolicy(privateKey, policy));
  },
};
