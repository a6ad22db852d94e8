/**
 * The agent socket's wire format, version 2: one request line from the CLI, one reply line from
 * the app, each proven with the token from `agent.json` — which itself never crosses the socket.
 *
 *   request  {"v":2,"body":"{\"id\":…,\"at\":…,\"channel\":…,\"payload\":…}","proof":P1}
 *   reply    {"body":"{\"id\":…,\"result\":…}","proof":P2}
 *   P1 = HMAC-SHA256(token, "roledeck-agent/2 request\n" + body)
 *   P2 = HMAC-SHA256(token, "roledeck-agent/2 reply\n" + body)
 *
 * `id` is 16 random bytes the CLI draws for each request. The reply's body carries it back, so P2
 * is fresh: only a process holding the token can answer this request, and the CLI trusts (and
 * prints) nothing until P2 checks out and the id is its own. A squatter on the socket name (see
 * agent-endpoint.ts) learns neither the token nor anything it can use: P1 is bound to one request
 * body, is refused by the app after REQUEST_MAX_AGE_MS or a second use (agent.server.ts), and the
 * request itself is not secret (a profile name, which ~/.aws/config shows anyway).
 *
 * Why not nonce first, proof after (four messages): a squatter cannot reach the real app in either
 * design — on Unix the CLI checks the socket's owner before connecting and the app's socket is
 * owner-only; on Windows the default pipe DACL lets no other user open the app's pipe for writing,
 * and a squatter holding the name keeps the app from listening on it at all — so the extra round
 * trip would buy nothing, and credential_process pays every round trip on every AWS CLI command.
 *
 * Imported by the CLI's quick path: no zod, no node:crypto (see hmac-sha256.ts for why).
 */
import { constantTimeEqual, hmacSha256 } from '../../../shared/logic/hmac-sha256';

export const AGENT_PROTOCOL_VERSION = 2;

/**
 * How long a CLI waits for an answer, and the app for a request in flight: longer than the app's
 * MFA prompt stays open (MFA_PROMPT_TIMEOUT_MS, 5 minutes, in node/sessions/sessions.factory.ts),
 * so a person answering the prompt at the last second still gets their credentials.
 */
export const AGENT_REQUEST_TIMEOUT_MS = 6 * 60_000;

/** A request older (or newer) than this is refused: same machine, same clock; lenient for a loaded one. */
export const REQUEST_MAX_AGE_MS = 30_000;

const REQUEST_LABEL = 'roledeck-agent/2 request\n';
const REPLY_LABEL = 'roledeck-agent/2 reply\n';

export interface AgentRequest {
  id: string;
  /** The CLI's clock, epoch ms. */
  at: number;
  channel: string;
  payload: unknown;
}

export type AgentResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function proofOf(token: string, label: string, body: string): Buffer {
  return Buffer.from(Buffer.from(hmacSha256(Buffer.from(token, 'utf8'), Buffer.from(label + body, 'utf8'))).toString('base64url'));
}

function proofHolds(token: string, label: string, body: string, given: unknown): boolean {
  return typeof given === 'string' && constantTimeEqual(proofOf(token, label, body), Buffer.from(given));
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * 16 random bytes, base64url. From /dev/urandom where there is one: node:crypto would cost the
 * quick path its OpenSSL start-up (hmac-sha256.ts).
 */
export function newRequestId(): string {
  const bytes = Buffer.alloc(16);
  if (process.platform !== 'win32') {
    const fs = process.getBuiltinModule('node:fs');
    try {
      const fd = fs.openSync('/dev/urandom', 'r');
      try {
        if (fs.readSync(fd, bytes, 0, bytes.length, null) === bytes.length) return bytes.toString('base64url');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // no /dev/urandom (a sandbox): node:crypto below
    }
  }
  return process.getBuiltinModule('node:crypto').randomBytes(16).toString('base64url');
}

export function sealRequest(token: string, request: AgentRequest): string {
  const body = JSON.stringify({ id: request.id, at: request.at, channel: request.channel, payload: request.payload });
  return `${JSON.stringify({ v: AGENT_PROTOCOL_VERSION, body, proof: proofOf(token, REQUEST_LABEL, body).toString() })}\n`;
}

export type OpenedRequest =
  | { kind: 'ok'; request: AgentRequest }
  | {
      kind: 'refused';
      /** The reply line to send (already sealed, or in the old format for an old CLI). */
      reply: string;
      /** For the (throttled) log: why, never what was sent. */
      why: string;
    };

function refusal(token: string, id: string | null, code: string, message: string): string {
  return sealReply(token, id, { ok: false, error: { code, message } });
}

/** Checks a request line's proof and age; the caller still checks the id was not used before. */
export function openRequest(token: string, line: string, now: number): OpenedRequest {
  const outer = parseObject(line);
  if (!outer) return { kind: 'refused', reply: refusal(token, null, 'INVALID_REQUEST', 'Not JSON.'), why: 'not JSON' };
  if (outer.v !== AGENT_PROTOCOL_VERSION) {
    // A CLI from before the handshake sends {id, token, channel, payload}: answer in its format so
    // it shows the person what to do. Its token is never looked at.
    const id = typeof outer.id === 'string' || typeof outer.id === 'number' ? outer.id : null;
    const result: AgentResult = {
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'This roledeck CLI is older than the Roledeck app that is running. Install the CLI that came with the app.' },
    };
    return { kind: 'refused', reply: `${JSON.stringify({ id, result })}\n`, why: 'an old protocol version' };
  }
  const body = typeof outer.body === 'string' ? outer.body : '';
  if (!proofHolds(token, REQUEST_LABEL, body, outer.proof)) {
    return { kind: 'refused', reply: refusal(token, null, 'FORBIDDEN_SENDER', 'Missing or wrong agent proof.'), why: 'missing or wrong proof' };
  }
  const inner = parseObject(body);
  const id = inner && typeof inner.id === 'string' ? inner.id : null;
  if (!inner || !id || typeof inner.at !== 'number' || typeof inner.channel !== 'string') {
    return { kind: 'refused', reply: refusal(token, id, 'INVALID_REQUEST', 'The request lacks its id, time or channel.'), why: 'incomplete request' };
  }
  if (Math.abs(now - inner.at) > REQUEST_MAX_AGE_MS) {
    return { kind: 'refused', reply: refusal(token, id, 'FORBIDDEN_SENDER', 'The request is too old.'), why: 'a request too old' };
  }
  return { kind: 'ok', request: { id, at: inner.at, channel: inner.channel, payload: inner.payload } };
}

export function sealReply(token: string, id: string | null, result: AgentResult): string {
  const body = JSON.stringify({ id, result });
  return `${JSON.stringify({ body, proof: proofOf(token, REPLY_LABEL, body).toString() })}\n`;
}

export type OpenedReply = { kind: 'ok'; result: AgentResult } | { kind: 'untrusted'; why: string };

/** Trusts a reply line only if it proves the token and answers this very request. */
export function openReply(token: string, id: string, line: string): OpenedReply {
  const outer = parseObject(line);
  // An app from before the handshake answers in its old format, which lands here too.
  if (!outer || typeof outer.body !== 'string') return { kind: 'untrusted', why: 'it sent an answer that is not in the agent format' };
  if (!proofHolds(token, REPLY_LABEL, outer.body, outer.proof)) return { kind: 'untrusted', why: 'it could not prove it is the Roledeck app' };
  const inner = parseObject(outer.body);
  if (!inner || inner.id !== id) return { kind: 'untrusted', why: 'it answered another request' };
  const result = inner.result as Partial<AgentResult> | undefined;
  if (result?.ok === true && 'value' in result) return { kind: 'ok', result: { ok: true, value: result.value } };
  const error = result?.ok === false ? (result.error as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof error?.code === 'string' && typeof error.message === 'string') return { kind: 'ok', result: { ok: false, error: { code: error.code, message: error.message } } };
  return { kind: 'untrusted', why: 'it sent an answer that is not in the agent format' };
}
