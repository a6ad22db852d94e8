import { z } from 'zod';
import { CloudFrontKeyIdSchema, CloudFrontKeyPairIdSchema } from './cloudfront-key';

/**
 * Requests and results of CloudFront signing and inspection, shaped for the IPC contract.
 * Signed URLs and cookies are what the user asked for and may be shown; the private key never is.
 */

/** At most this many URLs in one batch: enough for a catalogue, small enough for one IPC message. */
export const MAX_BATCH_URLS = 10_000;

const UrlText = z.string().min(1, 'No URL given').max(8192, 'A URL is at most 8,192 characters');

const PolicyOptions = {
  /** The stored key to sign with (its Roledeck id). */
  key: CloudFrontKeyIdSchema,
  /** "2h", "30m", "7d", an ISO time with a zone, or epoch seconds. */
  expires: z.string().min(1).max(64),
  notBefore: z.string().max(64).optional(),
  /** One IPv4 address or CIDR range. */
  ipRange: z.string().max(64).optional(),
  /** The policy's Resource when it is not the URL itself, usually with a `*` wildcard. */
  resource: z.string().max(8192).optional(),
};

export const SignUrlInputSchema = z.object({ ...PolicyOptions, url: UrlText });
export type SignUrlInput = z.infer<typeof SignUrlInputSchema>;

export const SignUrlsInputSchema = z.object({ ...PolicyOptions, urls: z.array(UrlText).min(1).max(MAX_BATCH_URLS) });
export type SignUrlsInput = z.infer<typeof SignUrlsInputSchema>;

/** `url` is the file to fetch (for the curl line and the cookie Domain); `resource` what the cookies unlock. */
export const SignCookiesInputSchema = z.object({ ...PolicyOptions, url: UrlText });
export type SignCookiesInput = z.infer<typeof SignCookiesInputSchema>;

export const PolicyKindSchema = z.enum(['canned', 'custom']);

const PolicySummary = {
  policyKind: PolicyKindSchema,
  /** Why this kind: a wildcard, a start time or an IP range force a custom policy. */
  reason: z.string(),
  /** The Resource shared by every URL; absent in a batch where each URL is its own resource. */
  resource: z.string().optional(),
  expiresAt: z.number().int(),
  notBefore: z.number().int().optional(),
  ipRange: z.string().optional(),
  keyPairId: CloudFrontKeyPairIdSchema,
  /** Things worth knowing: a URL that was percent-encoded, the IPv6 caveat of an IP range. */
  notes: z.array(z.string()),
};

export const SignedUrlSchema = z.object({
  /** The URL as signed (percent-encoded), without signature parameters. */
  url: z.string(),
  signedUrl: z.string(),
});
export type SignedUrl = z.infer<typeof SignedUrlSchema>;

export const SignedUrlResultSchema = z.object({ ...PolicySummary, ...SignedUrlSchema.shape, curl: z.string() });
export type SignedUrlResult = z.infer<typeof SignedUrlResultSchema>;

export const SignedUrlsResultSchema = z.object({ ...PolicySummary, items: z.array(SignedUrlSchema) });
export type SignedUrlsResult = z.infer<typeof SignedUrlsResultSchema>;

export const CloudFrontCookieSchema = z.object({
  name: z.enum(['CloudFront-Policy', 'CloudFront-Expires', 'CloudFront-Signature', 'CloudFront-Key-Pair-Id']),
  value: z.string(),
});

export const SignedCookiesResultSchema = z.object({
  ...PolicySummary,
  url: z.string(),
  cookies: z.array(CloudFrontCookieSchema),
  setCookieHeaders: z.array(z.string()),
  domain: z.string(),
  path: z.string(),
  advice: z.array(z.string()),
  curl: z.string(),
});
export type SignedCookiesResult = z.infer<typeof SignedCookiesResultSchema>;

/** A signed URL, or cookies (Cookie header, Set-Cookie lines, a curl command) with the URL they were sent to. */
export const InspectInputSchema = z.object({
  text: z.string().min(1, 'Paste a signed URL or signed cookies').max(65536),
  url: z.string().max(8192).optional(),
  /** The viewer's IPv4 address, to check against the policy's IP range. */
  clientIp: z.string().max(64).optional(),
});
export type InspectInput = z.infer<typeof InspectInputSchema>;

export const INSPECT_PROBLEM_CODES = [
  'malformed',
  'expired',
  'not-yet-valid',
  'wrong-key',
  'tampered',
  'resource-mismatch',
  'ip-outside-range',
] as const;
export const InspectProblemSchema = z.object({ code: z.enum(INSPECT_PROBLEM_CODES), message: z.string() });
export type InspectProblem = z.infer<typeof InspectProblemSchema>;

export const InspectResultSchema = z.object({
  form: z.enum(['url', 'cookies']),
  /** refused: CloudFront would answer 403; unverified: nothing wrong found, but no stored key could check the signature. */
  verdict: z.enum(['accepted', 'refused', 'unverified']),
  summary: z.string(),
  policyKind: PolicyKindSchema.optional(),
  /** The policy statement, pretty-printed (for a canned policy: the one CloudFront rebuilds). */
  policy: z.string().optional(),
  resource: z.string().optional(),
  expiresAt: z.number().int().optional(),
  notBefore: z.number().int().optional(),
  ipRange: z.string().optional(),
  keyPairId: z.string().optional(),
  signature: z.enum(['valid', 'invalid', 'unchecked']),
  /** The stored key whose public half verifies the signature. */
  signedBy: z.object({ id: CloudFrontKeyIdSchema, label: z.string(), keyPairId: z.string().optional() }).optional(),
  problems: z.array(InspectProblemSchema),
  notes: z.array(z.string()),
});
export type InspectResult = z.infer<typeof InspectResultSchema>;
