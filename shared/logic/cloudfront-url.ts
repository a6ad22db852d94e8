/**
 * URLs as CloudFront compares them. CloudFront rebuilds the policy's Resource from the request
 * line it receives (the URL minus its own Expires/Policy/Signature/Key-Pair-Id parameters), so
 * the URL that is signed must be exactly the URL that is sent: Roledeck percent-encodes a URL
 * once, signs that spelling and hands out that spelling. Two URLs that differ only in
 * encoding (`é` vs `%C3%A9`, `%2b` vs `%2B`) are different resources to CloudFront.
 *
 * The spelling is the one @aws-sdk/cloudfront-signer settled on after aws-sdk-js-v3 #7571,
 * #8033, #8113 and #8277 (each a 403 from a URL whose signed and sent spellings differed):
 * every path segment decoded and re-encoded with encodeURIComponent; in the query, existing
 * `%XX` escapes (uppercased) and `+` kept as they are, everything else encodeURIComponent'd
 * and `'` written %27, as browsers send it. Signed URLs therefore match the SDK's byte for byte.
 */

/** CloudFront's own query parameters; Hash-Algorithm appears only when a signer chose SHA-256. */
export const SIGNATURE_PARAMS = ['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm'] as const;
export type SignatureParam = (typeof SIGNATURE_PARAMS)[number];
const SIGNATURE_PARAM_SET = new Set<string>(SIGNATURE_PARAMS);

export type CanonicalUrl = { ok: true; url: string; fragment: string; changed: boolean } | { ok: false; message: string };
export type CanonicalResource = { ok: true; resource: string; wildcard: boolean } | { ok: false; message: string };

const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^#]*)(#.*)?$/s;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function encodePath(path: string): string {
  return path.replace(/[^/]+/g, (segment) => {
    try {
      return encodeURIComponent(decodeURIComponent(segment));
    } catch {
      // A stray "%" that starts no escape: encode it, as a browser would send it.
      return encodeURIComponent(segment);
    }
  });
}

function encodeQueryPart(part: string): string {
  return part
    .split(/(%[0-9A-Fa-f]{2}|\+)/g)
    .map((piece, index) => (index % 2 === 1 ? piece.toUpperCase() : encodeURIComponent(piece).replace(/'/g, '%27')))
    .join('');
}

function encodeQuery(query: string): string {
  const pairs = query
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? `${encodeQueryPart(pair)}=` : `${encodeQueryPart(pair.slice(0, equals))}=${encodeQueryPart(pair.slice(equals + 1))}`;
    });
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function checkText(text: string, what: string): string | null {
  if (text === '') return `No ${what} given.`;
  if (/\p{Cc}/u.test(text)) return `The ${what} contains a line break or control character: paste one ${what} per line.`;
  if (LONE_SURROGATE.test(text)) return `The ${what} contains a broken character (an unpaired UTF-16 surrogate). Copy it again from its source.`;
  return null;
}

function checkHost(host: string, allowWildcards: boolean): string | null {
  if (host.includes('@')) return 'The URL contains a user name or password before the host; CloudFront URLs never do. Remove it.';
  if (/[\u0080-\uffff]/.test(host)) return `The host "${host}" is not ASCII. Use its xn-- (punycode) form, as browsers send it.`;
  const name = allowWildcards ? /^[A-Za-z0-9*?]([A-Za-z0-9.*?-]*[A-Za-z0-9*?])?(:\d{1,5})?$/ : /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;
  if (!name.test(host) || host.includes('..')) return `"${host}" is not a valid host name.`;
  return null;
}

function split(text: string, allowWildcardHost: boolean): { scheme: string; host: string; path: string; query: string | null; fragment: string } | string {
  const parts = text.match(URL_PARTS);
  if (!parts) {
    return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !/^[^:]+:\d/.test(text)
      ? `"${text.slice(0, 80)}" is not a web address. CloudFront URLs start with https:// or http://.`
      : `The URL has no scheme: add https:// in front (for example https://${text.replace(/^\/+/, '').slice(0, 60)}).`;
  }
  const scheme = parts[1]!.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return `CloudFront signs http:// and https:// URLs, not ${scheme}://.`;
  const host = parts[2]!;
  const hostProblem = checkHost(host, allowWildcardHost);
  if (hostProblem) return hostProblem;
  const rest = parts[3]!;
  const question = rest.indexOf('?');
  return {
    scheme,
    host: host.toLowerCase(),
    // Browsers and curl request "/" for a URL with no path, so the signed Resource must say so.
    path: (question === -1 ? rest : rest.slice(0, question)) || '/',
    query: question === -1 ? null : rest.slice(question + 1),
    fragment: parts[4] ?? '',
  };
}

/**
 * The spelling of `input` that is signed and handed out. The fragment (`#…`) is never sent to
 * CloudFront, so it is kept apart and goes back after the signature parameters.
 */
export function canonicalizeUrl(input: string): CanonicalUrl {
  const text = input.trim();
  const problem = checkText(text, 'URL');
  if (problem) return { ok: false, message: problem };
  const parts = split(text, false);
  if (typeof parts === 'string') return { ok: false, message: parts };
  const query = parts.query === null ? '' : encodeQuery(parts.query);
  const signed = query
    .slice(1)
    .split('&')
    .map((pair) => pair.slice(0, pair.indexOf('=')))
    .filter((name) => SIGNATURE_PARAM_SET.has(name));
  if (signed.length > 0) {
    return {
      ok: false,
      message: `This URL already carries CloudFront signature parameters (${signed.join(', ')}). Inspect it to see why it fails, or remove them to sign it again.`,
    };
  }
  const url = `${parts.scheme}://${parts.host}${encodePath(parts.path)}${query}`;
  return { ok: true, url, fragment: parts.fragment, changed: `${url}${parts.fragment}` !== text };
}

/**
 * A policy Resource: a URL, possibly with `*` wildcards, spelled like canonicalizeUrl spells the
 * URLs it must match. A pattern that starts with `*` (any scheme and host) is taken as written.
 */
export function canonicalizeResource(input: string): CanonicalResource {
  const text = input.trim();
  const problem = checkText(text, 'resource');
  if (problem) return { ok: false, message: problem };
  if (text.startsWith('*')) {
    return /^[\u0021-\u007e]+$/.test(text) && !/["\\]/.test(text)
      ? { ok: true, resource: text, wildcard: true }
      : { ok: false, message: 'A resource that starts with * may contain only printable ASCII without quotes or backslashes: percent-encode the rest.' };
  }
  const parts = split(text, true);
  if (typeof parts === 'string') return { ok: false, message: parts.replace('The URL', 'The resource') };
  if (parts.fragment) return { ok: false, message: 'A resource has no #fragment: browsers never send it to CloudFront. Remove it.' };
  const resource = `${parts.scheme}://${parts.host}${encodePath(parts.path)}${parts.query === null ? '' : encodeQuery(parts.query)}`;
  return { ok: true, resource, wildcard: resource.includes('*') };
}

/**
 * CloudFront's Resource matching: `*` matches any run of characters (none included), `?`
 * exactly one. Iterative, so a pattern full of stars cannot make it take exponential time.
 */
export function matchesResource(pattern: string, url: string): boolean {
  let p = 0;
  let u = 0;
  let star = -1;
  let resume = 0;
  while (u < url.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === url[u])) {
      p += 1;
      u += 1;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p;
      p += 1;
      resume = u;
    } else if (star !== -1) {
      p = star + 1;
      resume += 1;
      u = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/** Appends parameters to a URL that may already have a query string ("&" then, as CloudFront documents). */
export function appendParams(url: string, params: ReadonlyArray<readonly [string, string]>): string {
  return `${url}${url.includes('?') ? '&' : '?'}${params.map(([name, value]) => `${name}=${value}`).join('&')}`;
}

export interface SignedUrlParts {
  /** The URL CloudFront signs against: the request URL minus its signature parameters. */
  base: string;
  /** Each signature parameter found, with every value it was given (a repeat is a problem). */
  params: Partial<Record<SignatureParam, string[]>>;
}

/** Splits a signed URL exactly as given (no re-encoding: CloudFront sees this spelling). */
export function splitSignedUrl(url: string): SignedUrlParts | null {
  const text = url.trim().replace(/#.*$/s, '');
  const question = text.indexOf('?');
  if (!URL_PARTS.test(text)) return null;
  if (question === -1) return { base: text, params: {} };
  const params: SignedUrlParts['params'] = {};
  const kept: string[] = [];
  for (const pair of text.slice(question + 1).split('&')) {
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    if (SIGNATURE_PARAM_SET.has(name)) {
      (params[name as SignatureParam] ??= []).push(equals === -1 ? '' : pair.slice(equals + 1));
    } else if (pair !== '') {
      kept.push(pair);
    }
  }
  return { base: kept.length > 0 ? `${text.slice(0, question)}?${kept.join('&')}` : text.slice(0, question), params };
}

/**
 * A URL as a browser sends it when it was pasted with readable characters (address bars show
 * paths decoded): non-ASCII characters and spaces percent-encoded as UTF-8, the rest as written.
 */
export function asSent(url: string): string {
  return url.replace(/[^\u0021-\u007e]+/g, (run) => {
    try {
      return encodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Host without port, and path, of an http(s) URL or resource; null when it has none. */
export function hostAndPath(url: string): { host: string; path: string } | null {
  const parts = url.match(URL_PARTS);
  if (!parts) return null;
  const rest = parts[3]!;
  const question = rest.indexOf('?');
  return { host: parts[2]!.replace(/:\d+$/, '').toLowerCase(), path: (question === -1 ? rest : rest.slice(0, question)) || '/' };
}
