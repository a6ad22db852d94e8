import type { PolicyKind } from './cloudfront-policy';
import { hostAndPath } from './cloudfront-url';

/**
 * Signed cookies: the same policy and signature as a signed URL, carried in three cookies
 * (CloudFront-Policy or CloudFront-Expires, CloudFront-Signature, CloudFront-Key-Pair-Id). What
 * goes wrong in practice is where the cookies are set, so the output says Domain and Path and
 * why ("Set signed cookies using a custom policy", "Prevent misuse of signed cookies").
 */

export const COOKIE_NAMES = ['CloudFront-Policy', 'CloudFront-Expires', 'CloudFront-Signature', 'CloudFront-Key-Pair-Id'] as const;
export type CookieName = (typeof COOKIE_NAMES)[number];

export interface CloudFrontCookie {
  name: CookieName;
  value: string;
}

/** The three cookies, in the order CloudFront's documentation lists them. */
export function signedCookies(options: {
  kind: PolicyKind;
  /** CloudFront-safe base64 of the policy JSON (custom) — ignored for canned. */
  encodedPolicy: string;
  expiresAt: number;
  signature: string;
  keyPairId: string;
}): CloudFrontCookie[] {
  return [
    options.kind === 'custom'
      ? { name: 'CloudFront-Policy', value: options.encodedPolicy }
      : { name: 'CloudFront-Expires', value: String(options.expiresAt) },
    { name: 'CloudFront-Signature', value: options.signature },
    { name: 'CloudFront-Key-Pair-Id', value: options.keyPairId },
  ];
}

export interface CookieScope {
  domain: string;
  path: string;
  secure: boolean;
  /** Sentences a person needs to put the cookies where a browser will send them. */
  advice: string[];
}

/** The literal part of a resource before its first wildcard, cut back to the last "/". */
function pathPrefix(resource: string): string {
  const parts = hostAndPath(resource);
  if (!parts || /[*?]/.test(parts.host)) return '/';
  const literal = parts.path.split(/[*?]/)[0]!;
  return literal.slice(0, literal.lastIndexOf('/') + 1) || '/';
}

/** Domain and Path for the cookies that let `url` through a policy on `resource`. */
export function cookieScope(url: string, resource: string, kind: PolicyKind): CookieScope {
  const target = hostAndPath(url);
  const domain = target?.host ?? '';
  const path = pathPrefix(resource);
  const secure = url.startsWith('https://');
  const advice = [
    domain.endsWith('.cloudfront.net')
      ? `Domain=${domain}: the page that sets these cookies must itself come from ${domain}, because browsers refuse cookies for another site and CloudFront does not accept Domain=*.cloudfront.net. To set them from your own site, give the distribution an alternate domain name (say cdn.example.com) and set Domain=example.com from app.example.com.`
      : `Domain=${domain}: set them from a page on ${domain}, or from another subdomain of the same site with Domain set to the shared parent (Domain=example.com covers app.example.com and cdn.example.com).`,
    `Path=${path}: the browser sends them only with requests under ${path}; the policy's Resource decides what they unlock.`,
    'Leave out Expires and Max-Age: session cookies disappear when the browser closes, and the policy still ends access at its expiry.',
  ];
  if (!secure) advice.push('This URL is http://, so the cookies go without Secure and travel unencrypted. Prefer https://.');
  if (kind === 'canned') {
    advice.push(`A canned policy unlocks only ${url}. Sign with a wildcard resource (for example ${url.replace(/^(https?:\/\/[^/]+\/).*$/, '$1')}*) to unlock more with one set of cookies.`);
  }
  return { domain, path, secure, advice };
}

/** One `Set-Cookie` header value per cookie, with the scope's attributes. */
export function setCookieHeaders(cookies: readonly CloudFrontCookie[], scope: CookieScope): string[] {
  const attributes = `; Domain=${scope.domain}; Path=${scope.path}${scope.secure ? '; Secure' : ''}; HttpOnly`;
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}${attributes}`);
}

/** The `Cookie` request header a browser would send with them. */
export function cookieHeader(cookies: readonly CloudFrontCookie[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/**
 * CloudFront cookies found in pasted text: a Cookie header, Set-Cookie lines, a curl command or
 * name=value lines. Every value of each name, so a repeat can be reported.
 */
export function readCookies(text: string): Partial<Record<CookieName, string[]>> {
  const found: Partial<Record<CookieName, string[]>> = {};
  for (const [, name, value] of text.matchAll(/(CloudFront-(?:Policy|Expires|Signature|Key-Pair-Id))=([^;\s'"&]*)/g)) {
    (found[name as CookieName] ??= []).push(value!);
  }
  return found;
}
