import { RoledeckError } from '../contract/errors';
import type { SignedCookiesResult, SignedUrl, SignedUrlResult, SignedUrlsResult } from '../domain/cloudfront-signing';
import { cloudFrontBase64OfText } from './cloudfront-base64';
import { parseIpv4Cidr } from './cloudfront-cidr';
import { cookieHeader, cookieScope, setCookieHeaders, signedCookies } from './cloudfront-cookies';
import { curlCommand } from './cloudfront-curl';
import { choosePolicyKind, policyJson, type PolicyKind } from './cloudfront-policy';
import { resolveValidity } from './cloudfront-time';
import { appendParams, canonicalizeResource, canonicalizeUrl, matchesResource } from './cloudfront-url';

/**
 * Everything about signing except the signature itself: which policy, which bytes to sign, and
 * how URLs and cookies are put together once the signatures are back. The Node side only signs
 * `plan.policies` (one RSA signature each) and hands the signatures to `signedUrls` or
 * `signedCookieSet`. With a wildcard resource every URL shares one policy, so a batch of any
 * size costs one signature.
 */

export interface SignOptions {
  expires: string;
  notBefore?: string | undefined;
  ipRange?: string | undefined;
  resource?: string | undefined;
}

export interface PlannedUrl {
  /** The URL as signed: percent-encoded, no fragment. */
  url: string;
  fragment: string;
  /** Index into `SignPlan.policies` of the policy this URL is signed with. */
  policy: number;
}

export interface SignPlan {
  kind: PolicyKind;
  reason: string;
  /** The Resource every URL shares; undefined when each URL is its own Resource. */
  resource: string | undefined;
  expiresAt: number;
  notBefore: number | undefined;
  ipRange: string | undefined;
  /** The exact JSON texts to sign, one signature each. */
  policies: string[];
  items: PlannedUrl[];
  notes: string[];
}

const SHOWN_PROBLEMS = 5;

function fail(messages: string[]): never {
  const shown = messages.slice(0, SHOWN_PROBLEMS);
  if (messages.length > SHOWN_PROBLEMS) shown.push(`…and ${messages.length - SHOWN_PROBLEMS} more.`);
  throw new RoledeckError('VALIDATION', shown.join('\n'));
}

function optional(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** Validates everything and decides the policy; throws VALIDATION naming each bad line (up to five). */
export function planSigning(urls: readonly string[], options: SignOptions, nowMs: number): SignPlan {
  const single = urls.length === 1;
  const line = (index: number, message: string) => (single ? message : `Line ${index + 1}: ${message}`);
  const validity = resolveValidity(options.expires, optional(options.notBefore), nowMs);
  if (!validity.ok) fail([validity.message]);
  const ipText = optional(options.ipRange);
  const cidr = ipText === undefined ? undefined : parseIpv4Cidr(ipText);
  if (cidr && !cidr.ok) fail([`IP range: ${cidr.message}`]);
  const resourceText = optional(options.resource);
  const pattern = resourceText === undefined ? undefined : canonicalizeResource(resourceText);
  if (pattern && !pattern.ok) fail([`Resource: ${pattern.message}`]);

  const problems: string[] = [];
  const encoded: string[] = [];
  const canonical = urls.map((input, index) => {
    const result = canonicalizeUrl(input);
    if (!result.ok) {
      problems.push(line(index, result.message));
      return { url: '', fragment: '' };
    }
    if (pattern?.ok && !matchesResource(pattern.resource, result.url)) {
      problems.push(line(index, `${result.url} is outside the resource ${pattern.resource}: CloudFront would refuse it. Widen the resource or drop the URL.`));
    }
    if (result.changed) encoded.push(line(index, `signed as ${result.url}${result.fragment} — the spelling CloudFront will see; hand out this one.`));
    return { url: result.url, fragment: result.fragment };
  });
  if (problems.length > 0) fail(problems);

  const { expiresAt, notBefore } = validity.validity;
  const ipRange = cidr?.ok ? cidr.cidr : undefined;
  const shared = pattern?.ok ? pattern.resource : undefined;
  const choice = choosePolicyKind({
    resource: shared ?? canonical[0]!.url,
    wildcard: pattern?.ok === true && pattern.wildcard,
    resourceIsUrl: shared === undefined || (single && shared === canonical[0]!.url),
    notBefore,
    ipRange,
  });
  const statement = { expiresAt, ...(notBefore !== undefined ? { notBefore } : {}), ...(ipRange !== undefined ? { ipRange } : {}) };

  const policies: string[] = [];
  const indexOf = new Map<string, number>();
  const items = canonical.map(({ url, fragment }) => {
    const resource = shared ?? url;
    let policy = indexOf.get(resource);
    if (policy === undefined) {
      policy = policies.push(policyJson({ resource, ...statement })) - 1;
      indexOf.set(resource, policy);
    }
    return { url, fragment, policy };
  });

  const notes = encoded.length > SHOWN_PROBLEMS ? [...encoded.slice(0, SHOWN_PROBLEMS), `…and ${encoded.length - SHOWN_PROBLEMS} more URLs were percent-encoded.`] : encoded;
  if (ipRange !== undefined) {
    notes.push('An IP condition refuses every viewer that reaches CloudFront over IPv6 (policies take IPv4 ranges only): keep IPv6 off on this distribution.');
  }
  return { ...choice, resource: shared ?? (single ? canonical[0]!.url : undefined), expiresAt, notBefore, ipRange, policies, items, notes };
}

/** Query parameters in the order @aws-sdk/cloudfront-signer writes them (CloudFront accepts any order). */
function signatureParams(plan: SignPlan, policy: number, signature: string, keyPairId: string, encodedPolicies: Map<number, string>) {
  if (plan.kind === 'canned') return [['Expires', String(plan.expiresAt)], ['Key-Pair-Id', keyPairId], ['Signature', signature]] as const;
  let encoded = encodedPolicies.get(policy);
  if (encoded === undefined) {
    encoded = cloudFrontBase64OfText(plan.policies[policy]!);
    encodedPolicies.set(policy, encoded);
  }
  return [['Policy', encoded], ['Key-Pair-Id', keyPairId], ['Signature', signature]] as const;
}

function summary(plan: SignPlan, keyPairId: string) {
  return {
    policyKind: plan.kind,
    reason: plan.reason,
    ...(plan.resource !== undefined ? { resource: plan.resource } : {}),
    expiresAt: plan.expiresAt,
    ...(plan.notBefore !== undefined ? { notBefore: plan.notBefore } : {}),
    ...(plan.ipRange !== undefined ? { ipRange: plan.ipRange } : {}),
    keyPairId,
    notes: plan.notes,
  };
}

/** `signatures[i]` is the CloudFront-safe base64 signature of `plan.policies[i]`. */
export function signedUrls(plan: SignPlan, signatures: readonly string[], keyPairId: string): SignedUrlsResult {
  const encodedPolicies = new Map<number, string>();
  const items: SignedUrl[] = plan.items.map((item) => ({
    url: item.url,
    signedUrl: `${appendParams(item.url, signatureParams(plan, item.policy, signatures[item.policy]!, keyPairId, encodedPolicies))}${item.fragment}`,
  }));
  return { ...summary(plan, keyPairId), items };
}

/** The result for a one-URL plan, with a curl line to try it. */
export function signedUrl(plan: SignPlan, signatures: readonly string[], keyPairId: string): SignedUrlResult {
  const { items, ...rest } = signedUrls(plan, signatures, keyPairId);
  const item = items[0]!;
  return { ...rest, ...item, curl: curlCommand(item.signedUrl) };
}

/** The cookie set for a one-URL plan (the URL is what curl fetches; the Resource what the cookies unlock). */
export function signedCookieSet(plan: SignPlan, signature: string, keyPairId: string): SignedCookiesResult {
  const item = plan.items[0]!;
  const cookies = signedCookies({
    kind: plan.kind,
    encodedPolicy: plan.kind === 'custom' ? cloudFrontBase64OfText(plan.policies[0]!) : '',
    expiresAt: plan.expiresAt,
    signature,
    keyPairId,
  });
  const scope = cookieScope(item.url, plan.resource ?? item.url, plan.kind);
  return {
    ...summary(plan, keyPairId),
    url: item.url,
    cookies,
    setCookieHeaders: setCookieHeaders(cookies, scope),
    domain: scope.domain,
    path: scope.path,
    advice: scope.advice,
    curl: curlCommand(item.url, cookieHeader(cookies)),
  };
}
