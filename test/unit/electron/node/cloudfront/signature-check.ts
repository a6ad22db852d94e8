import { verify, type KeyObject } from 'node:crypto';

/**
 * Checks a CloudFront signature the way the documentation describes it, without any of
 * Roledeck's signing or parsing code: rebuild the signed policy text from what was handed out
 * (the canned policy from the URL and Expires, or the decoded Policy) and verify RSA-SHA1 with
 * the public key.
 */
const standardBase64 = (value: string) => Buffer.from(value.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');

export function cannedPolicyText(resource: string, expires: string | number): string {
  return `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
}

export function signedTextOfUrl(signedUrl: string): string {
  const params = new URL(signedUrl).searchParams;
  const policy = params.get('Policy');
  if (policy) return standardBase64(policy).toString('utf8');
  const base = signedUrl.slice(0, signedUrl.search(/[?&]Expires=/));
  return cannedPolicyText(base, params.get('Expires')!);
}

export function urlSignatureVerifies(signedUrl: string, publicKey: KeyObject): boolean {
  const signature = new URL(signedUrl).searchParams.get('Signature')!;
  return verify('sha1', Buffer.from(signedTextOfUrl(signedUrl), 'utf8'), publicKey, standardBase64(signature));
}

export function cookieSignatureVerifies(cookies: Record<string, string>, url: string, publicKey: KeyObject): boolean {
  const text = cookies['CloudFront-Policy'] ? standardBase64(cookies['CloudFront-Policy']).toString('utf8') : cannedPolicyText(url, cookies['CloudFront-Expires']!);
  return verify('sha1', Buffer.from(text, 'utf8'), publicKey, standardBase64(cookies['CloudFront-Signature']!));
}
