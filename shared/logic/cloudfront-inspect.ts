import type { InspectInput, InspectProblem, InspectResult } from '../domain/cloudfront-signing';
import { bytesOfCloudFrontBase64, textOfCloudFrontBase64 } from './cloudfront-base64';
import { ipv4InCidr, parseIpv4, parseIpv4Cidr } from './cloudfront-cidr';
import { readCookies, type CookieName } from './cloudfront-cookies';
import { parsePolicy, policyJson, type PolicyKind, type PolicyStatement } from './cloudfront-policy';
import { formatEpoch } from './cloudfront-time';
import { asSent, matchesResource, splitSignedUrl, type SignatureParam } from './cloudfront-url';
import { formatSpan } from './time-left';

/**
 * Why CloudFront would refuse a signed URL or cookie set, in two pure steps around the one
 * thing that needs Node (checking the RSA signature against stored public keys):
 * `readSignedRequest` takes the pasted text apart and rebuilds the exact bytes that were signed;
 * `judgeSignedRequest` weighs the result of the signature check, the clock and the viewer's IP.
 */

export interface SignedRequest {
  form: 'url' | 'cookies';
  /** The URL the request is for (a signed URL without its signature parameters, or the URL the cookies go to). */
  requestUrl: string | undefined;
  keyPairId: string | undefined;
  kind: PolicyKind | undefined;
  statement: PolicyStatement | undefined;
  /** The exact text whose signature is checked; undefined when it cannot be rebuilt. */
  signedText: string | undefined;
  signature: Uint8Array | undefined;
  hashAlgorithm: 'sha1' | 'sha256';
  problems: InspectProblem[];
  notes: string[];
}

interface KeyRef {
  id: string;
  label: string;
  keyPairId?: string | undefined;
}

/** What checking the signature against every stored public key found. */
export type SignatureCheck =
  | { kind: 'valid'; key: KeyRef }
  /** A stored key verifies it, but not the one Key-Pair-Id names. */
  | { kind: 'other-key'; key: KeyRef }
  /** The key Key-Pair-Id names is stored, and neither it nor any other stored key verifies it. */
  | { kind: 'invalid'; key: KeyRef }
  /** No stored key has that ID and none verifies it: nothing to check against. */
  | { kind: 'unknown-key' }
  | { kind: 'not-checked' };

const URL_IN_TEXT = /https?:\/\/[^\s'"<>]+/;

type Fields = { [field in 'expires' | 'policy' | 'signature' | 'keyPairId' | 'hashAlgorithm']?: string[] | undefined };

function fieldsOfUrl(params: Partial<Record<SignatureParam, string[]>>): Fields {
  return { expires: params.Expires, policy: params.Policy, signature: params.Signature, keyPairId: params['Key-Pair-Id'], hashAlgorithm: params['Hash-Algorithm'] };
}

function fieldsOfCookies(cookies: Partial<Record<CookieName, string[]>>): Fields {
  return { expires: cookies['CloudFront-Expires'], policy: cookies['CloudFront-Policy'], signature: cookies['CloudFront-Signature'], keyPairId: cookies['CloudFront-Key-Pair-Id'] };
}

/** Takes pasted text apart; malformed parts become problems, never exceptions. */
export function readSignedRequest(input: InspectInput): SignedRequest {
  const text = input.text.trim();
  const cookies = readCookies(text);
  const form = Object.keys(cookies).length > 0 ? 'cookies' : 'url';
  const problems: InspectProblem[] = [];
  const notes: string[] = [];
  const malformed = (message: string) => problems.push({ code: 'malformed', message });
  const name = (field: string) => (form === 'url' ? field : `CloudFront-${field}`);

  let requestUrl: string | undefined;
  let fields: Fields;
  const pasted = form === 'url' ? text : (input.url?.trim() || text.match(URL_IN_TEXT)?.[0]);
  if (pasted !== undefined && asSent(pasted) !== pasted) notes.push('Read with its non-ASCII characters and spaces percent-encoded, as a browser sends them.');
  if (form === 'url') {
    const parts = splitSignedUrl(asSent(text));
    if (!parts) malformed('This is neither a signed URL (https://…) nor CloudFront cookies (CloudFront-Signature=…).');
    requestUrl = parts?.base;
    fields = parts ? fieldsOfUrl(parts.params) : {};
  } else {
    requestUrl = pasted === undefined ? undefined : asSent(pasted);
    fields = fieldsOfCookies(cookies);
  }
  const one = (values: string[] | undefined, field: string): string | undefined => {
    if (values && values.length > 1) malformed(`${name(field)} appears ${values.length} times; CloudFront expects it once.`);
    return values?.[0];
  };
  const expires = one(fields.expires, 'Expires');
  const policyParam = one(fields.policy, 'Policy');
  const signatureParam = one(fields.signature, 'Signature');
  const keyPairId = one(fields.keyPairId, 'Key-Pair-Id');
  const hash = one(fields.hashAlgorithm, 'Hash-Algorithm');

  if (problems.length === 0 && form === 'url' && !signatureParam && !keyPairId && expires === undefined && policyParam === undefined) {
    malformed('This URL carries no CloudFront signature at all (no Expires or Policy, Signature, Key-Pair-Id): CloudFront answers 403 "Missing Key-Pair-Id query parameter or cookie value".');
  } else {
    if (!keyPairId) malformed(`${name('Key-Pair-Id')} is missing: CloudFront cannot tell which public key to check the signature with.`);
    if (!signatureParam) malformed(`${name('Signature')} is missing.`);
    if (expires !== undefined && policyParam !== undefined) malformed(`Both ${name('Expires')} and ${name('Policy')} are present: a canned policy has one, a custom policy the other.`);
    if (expires === undefined && policyParam === undefined) malformed(`Neither ${name('Expires')} nor ${name('Policy')} is present, so there is no policy to check.`);
  }
  if (hash !== undefined && hash !== 'SHA256' && hash !== 'SHA1') malformed(`Hash-Algorithm is "${hash}"; CloudFront knows SHA1 and SHA256.`);
  const signature = signatureParam ? bytesOfCloudFrontBase64(signatureParam) : undefined;
  if (signatureParam && !signature) malformed(`${name('Signature')} is not CloudFront's URL-safe base64 (it uses - _ ~ where base64 has + = /).`);

  let kind: PolicyKind | undefined;
  let statement: PolicyStatement | undefined;
  let signedText: string | undefined;
  if (policyParam !== undefined && expires === undefined) {
    kind = 'custom';
    const json = textOfCloudFrontBase64(policyParam);
    const parsed = json === null ? null : parsePolicy(json);
    if (json === null) malformed(`${name('Policy')} is not CloudFront's URL-safe base64 of a JSON policy.`);
    else if (parsed && !parsed.ok) malformed(parsed.message);
    else if (parsed?.ok) {
      statement = parsed.statement;
      signedText = json;
    }
  } else if (expires !== undefined && policyParam === undefined) {
    kind = 'canned';
    if (!/^\d{1,12}$/.test(expires)) malformed(`${name('Expires')} is "${expires}", not a time in epoch seconds.`);
    else if (requestUrl === undefined) notes.push('A canned policy is rebuilt from the URL the cookies are sent to: give that URL to check the signature and the resource.');
    else {
      statement = { resource: requestUrl, expiresAt: Number(expires) };
      signedText = policyJson(statement);
    }
  }
  if (statement?.ipRange !== undefined && !parseIpv4Cidr(statement.ipRange).ok) {
    malformed(`The policy's IP range "${statement.ipRange}" is not one IPv4 address or CIDR range, so CloudFront refuses every request.`);
  }
  return { form, requestUrl, keyPairId, kind, statement, signedText, signature: signature ?? undefined, hashAlgorithm: hash === 'SHA256' ? 'sha256' : 'sha1', problems, notes };
}

function relative(epochSeconds: number, nowMs: number): string {
  const delta = epochSeconds * 1000 - nowMs;
  return delta >= 0 ? `in ${formatSpan(delta)}` : `${formatSpan(-delta)} ago`;
}

function keyName(key: KeyRef): string {
  return key.keyPairId ? `"${key.label}" (${key.keyPairId})` : `"${key.label}" (no CloudFront key ID yet)`;
}

function signatureProblem(request: SignedRequest, check: SignatureCheck): InspectProblem | undefined {
  const what = request.form === 'url' ? 'URL' : 'cookies';
  if (check.kind === 'other-key') {
    return {
      code: 'wrong-key',
      message: `Signed with the private key of ${keyName(check.key)}, but Key-Pair-Id says ${request.keyPairId}: CloudFront checks it with the public key ${request.keyPairId} and refuses it. Sign again with the key that ID names, or correct Key-Pair-Id.`,
    };
  }
  if (check.kind === 'invalid') {
    const signed = request.kind === 'canned' ? `the ${what === 'URL' ? 'URL and its Expires' : 'URL and CloudFront-Expires'}` : 'the policy';
    return {
      code: 'tampered',
      message: `The signature does not match ${signed} under ${keyName(check.key)}: something was changed after signing, or it was signed with a private key Roledeck does not have.`,
    };
  }
  return undefined;
}

/** The verdict a person reads: what CloudFront would do, and each reason it would refuse. */
export function judgeSignedRequest(request: SignedRequest, check: SignatureCheck, context: { nowMs: number; clientIp?: string | undefined }): InspectResult {
  const problems = [...request.problems];
  const notes = [...request.notes];
  const statement = request.statement;
  const nowSeconds = Math.floor(context.nowMs / 1000);
  const signatureIssue = signatureProblem(request, check);
  if (signatureIssue) problems.push(signatureIssue);
  if (statement) {
    if (nowSeconds >= statement.expiresAt) problems.push({ code: 'expired', message: `Expired at ${formatEpoch(statement.expiresAt)} (${relative(statement.expiresAt, context.nowMs)}).` });
    if (statement.notBefore !== undefined && nowSeconds <= statement.notBefore) {
      problems.push({ code: 'not-yet-valid', message: `Not valid before ${formatEpoch(statement.notBefore)} (${relative(statement.notBefore, context.nowMs)}).` });
    }
    if (request.kind === 'custom' && statement.resource !== undefined && request.requestUrl !== undefined && !matchesResource(statement.resource, request.requestUrl)) {
      problems.push({ code: 'resource-mismatch', message: `The policy allows ${statement.resource}, but the request is for ${request.requestUrl}.` });
    }
    if (request.kind === 'custom' && statement.resource === undefined) notes.push('The policy has no Resource: it unlocks every file this key may sign for.');
    const cidr = statement.ipRange === undefined ? undefined : parseIpv4Cidr(statement.ipRange);
    const clientIp = context.clientIp?.trim();
    if (cidr?.ok && clientIp) {
      if (parseIpv4(clientIp) === null) problems.push({ code: 'ip-outside-range', message: `${clientIp} is not an IPv4 address; a policy with an IP range lets only IPv4 viewers in ${cidr.cidr} through.` });
      else if (!ipv4InCidr(clientIp, cidr)) problems.push({ code: 'ip-outside-range', message: `${clientIp} is outside the policy's range ${cidr.cidr}.` });
    } else if (cidr?.ok) {
      notes.push(`Only viewers in ${cidr.cidr} get through (and none over IPv6). Give your IP address to check yours.`);
    }
  }
  if (check.kind === 'unknown-key' && request.keyPairId) notes.push(`No stored key has the ID ${request.keyPairId}, so the signature could not be checked. Import that key to check it.`);

  const signature = check.kind === 'valid' ? 'valid' : check.kind === 'other-key' || check.kind === 'invalid' ? 'invalid' : 'unchecked';
  const verdict = problems.length > 0 ? 'refused' : signature === 'valid' ? 'accepted' : 'unverified';
  const what = request.form === 'url' ? 'this URL' : 'these cookies';
  const summary =
    verdict === 'refused'
      ? `CloudFront would refuse ${what}: ${problems[0]!.message}`
      : verdict === 'accepted'
        ? `CloudFront would accept ${what} until ${formatEpoch(statement!.expiresAt)} (${relative(statement!.expiresAt, context.nowMs)}).`
        : `Nothing wrong found, but the signature was not checked: ${notes[notes.length - 1] ?? 'there was nothing to check it against.'}`;
  return {
    form: request.form,
    verdict,
    summary,
    ...(request.kind ? { policyKind: request.kind } : {}),
    ...(request.signedText ? { policy: JSON.stringify(JSON.parse(request.signedText), null, 2) } : {}),
    ...(statement?.resource !== undefined ? { resource: statement.resource } : {}),
    ...(statement ? { expiresAt: statement.expiresAt } : {}),
    ...(statement?.notBefore !== undefined ? { notBefore: statement.notBefore } : {}),
    ...(statement?.ipRange !== undefined ? { ipRange: statement.ipRange } : {}),
    ...(request.keyPairId ? { keyPairId: request.keyPairId } : {}),
    signature,
    ...(check.kind === 'valid' || check.kind === 'other-key' ? { signedBy: { id: check.key.id, label: check.key.label, ...(check.key.keyPairId ? { keyPairId: check.key.keyPairId } : {}) } } : {}),
    problems,
    notes,
  };
}
