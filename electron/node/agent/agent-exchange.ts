/**
 * One request to the running app over its socket, as both CLI clients make it: the full client
 * (agent.client.ts) and the credential_process quick path (cli/quick-agent.client.ts). Built-ins
 * are taken with process.getBuiltinModule: the quick path must not pay for ESM facades.
 */
import { AGENT_REQUEST_TIMEOUT_MS, newRequestId, openReply, sealRequest, type AgentResult } from './agent-protocol';

export type ExchangeOutcome =
  /** The app answered, and proved it knows the token. */
  | { kind: 'answered'; result: AgentResult }
  /** Nobody listens there (no app, or a stale endpoint after a crash): the keychain path, quietly. */
  | { kind: 'absent' }
  /** Something answered that is not provably the app, or hung up without an answer: the keychain path, saying why. */
  | { kind: 'untrusted'; why: string }
  /** The app took longer than any MFA prompt stays open. */
  | { kind: 'timeout' };

export interface ExchangeOptions {
  timeoutMs?: number;
  /** A reply longer than this is not read on: the quick path needs a few kilobytes at most. */
  maxReplyBytes?: number;
  now?: () => number;
  /** Who must own the socket: this process's user. */
  ownerUid?: number;
}

/**
 * On Unix, the socket must belong to this user before anything is sent to it: only this user can
 * create a socket owned by this uid, so a socket owned by anyone else is a squatter.
 * Windows has no such check from Node: the handshake alone proves the app there.
 */
function ownerProblem(socket: string, ownerUid: number | undefined): 'absent' | string | null {
  if (process.platform === 'win32') return null;
  let stats;
  try {
    stats = process.getBuiltinModule('node:fs').statSync(socket);
  } catch {
    return 'absent';
  }
  if (!stats.isSocket()) return 'its socket path is not a socket';
  return stats.uid === ownerUid ? null : 'its socket belongs to another user';
}

export function exchange(endpoint: { socket: string; token: string }, channel: string, payload: unknown, options: ExchangeOptions = {}): Promise<ExchangeOutcome> {
  const problem = ownerProblem(endpoint.socket, options.ownerUid ?? process.getuid?.());
  if (problem === 'absent') return Promise.resolve({ kind: 'absent' });
  if (problem) return Promise.resolve({ kind: 'untrusted', why: problem });
  const maxReplyBytes = options.maxReplyBytes ?? 64 * 1024;
  const id = newRequestId();
  const net = process.getBuiltinModule('node:net');
  return new Promise<ExchangeOutcome>((resolve) => {
    let connected = false;
    let settled = false;
    let buffer = '';
    const connection = net.connect(endpoint.socket);
    const settle = (outcome: ExchangeOutcome) => {
      if (settled) return;
      settled = true;
      // Not end(): a graceful close waits for the app to close its side too, one more wake-up of
      // another process before this one may exit. One request per connection: nothing is lost.
      connection.destroy();
      resolve(outcome);
    };
    // A call may wait for the person to answer an MFA prompt in the app: minutes, not seconds.
    connection.setTimeout(options.timeoutMs ?? AGENT_REQUEST_TIMEOUT_MS, () => settle({ kind: 'timeout' }));
    connection.setEncoding('utf8');
    // Written now, sent as soon as the connection is up: no wait for the 'connect' callback.
    connection.write(sealRequest(endpoint.token, { id, at: (options.now ?? Date.now)(), channel, payload }));
    connection.once('connect', () => {
      connected = true;
    });
    connection.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) {
        if (buffer.length > maxReplyBytes) settle({ kind: 'untrusted', why: 'its answer is far too long' });
        return;
      }
      const opened = openReply(endpoint.token, id, buffer.slice(0, newline));
      settle(opened.kind === 'ok' ? { kind: 'answered', result: opened.result } : { kind: 'untrusted', why: opened.why });
    });
    // Hung up without an answer: the app refused the connection (too many open), or is not the app.
    connection.once('close', () => settle(connected ? { kind: 'untrusted', why: 'it hung up without an answer' } : { kind: 'absent' }));
    connection.once('error', () => settle(connected ? { kind: 'untrusted', why: 'it hung up without an answer' } : { kind: 'absent' }));
  });
}
