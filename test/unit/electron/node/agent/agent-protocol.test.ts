import { describe, expect, it } from 'vitest';
import {
  AGENT_REQUEST_TIMEOUT_MS,
  REQUEST_MAX_AGE_MS,
  newRequestId,
  openReply,
  openRequest,
  sealReply,
  sealRequest,
} from '../../../../../electron/node/agent/agent-protocol';
import { MFA_PROMPT_TIMEOUT_MS } from '../../../../../electron/node/sessions/sessions.factory';

const TOKEN = 'k'.repeat(43);
const NOW = 1_700_000_000_000;
const request = { id: 'req-1', at: NOW, channel: 'agent.credentials', payload: { profile: 'acme-prod', purpose: 'export' } };

describe('agent handshake (protocol 2)', () => {
  it('never puts the token on the wire', () => {
    const line = sealRequest(TOKEN, request);
    expect(line).not.toContain(TOKEN);
    expect(sealReply(TOKEN, 'req-1', { ok: true, value: { secret: 'x' } })).not.toContain(TOKEN);
  });

  it('opens a request sealed with the same token, within its age', () => {
    const opened = openRequest(TOKEN, sealRequest(TOKEN, request), NOW + REQUEST_MAX_AGE_MS);
    expect(opened).toEqual({ kind: 'ok', request });
  });

  it('refuses a request sealed with another token, altered on the way, or too old', () => {
    const forged = openRequest(TOKEN, sealRequest('x'.repeat(43), request), NOW);
    const line = JSON.parse(sealRequest(TOKEN, request)) as { body: string };
    const altered = openRequest(TOKEN, JSON.stringify({ ...line, body: line.body.replace('acme-prod', 'acme-test') }), NOW);
    const stale = openRequest(TOKEN, sealRequest(TOKEN, request), NOW + REQUEST_MAX_AGE_MS + 1);
    for (const [opened, why] of [
      [forged, 'missing or wrong proof'],
      [altered, 'missing or wrong proof'],
      [stale, 'a request too old'],
    ] as const) {
      expect(opened.kind).toBe('refused');
      expect(opened.kind === 'refused' && opened.why).toBe(why);
    }
  });

  it('answers a CLI from before the handshake in its own format, telling it to update, without looking at its token', () => {
    const opened = openRequest(TOKEN, JSON.stringify({ id: 7, token: TOKEN, channel: 'agent.credentials', payload: {} }), NOW);
    expect(opened.kind).toBe('refused');
    const reply = JSON.parse(opened.kind === 'refused' ? opened.reply : '{}') as { id: number; result: { error: { code: string; message: string } } };
    expect(reply.id).toBe(7);
    expect(reply.result.error.code).toBe('FORBIDDEN_SENDER');
    expect(reply.result.error.message).toContain('older than the Roledeck app');
  });

  it('trusts a reply only with the proof of the same token and the id of this request', () => {
    const reply = sealReply(TOKEN, 'req-1', { ok: true, value: { accessKeyId: 'ASIA' } });
    expect(openReply(TOKEN, 'req-1', reply)).toEqual({ kind: 'ok', result: { ok: true, value: { accessKeyId: 'ASIA' } } });
    expect(openReply('x'.repeat(43), 'req-1', reply)).toEqual({ kind: 'untrusted', why: 'it could not prove it is the Roledeck app' });
    expect(openReply(TOKEN, 'req-2', reply)).toEqual({ kind: 'untrusted', why: 'it answered another request' });
    expect(openReply(TOKEN, 'req-1', '{"id":"req-1","result":{"ok":true,"value":{}}}').kind).toBe('untrusted');
    expect(openReply(TOKEN, 'req-1', 'not json').kind).toBe('untrusted');
  });

  it('draws a new 128-bit request id every time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  });

  it('waits for an answer longer than the app keeps an MFA prompt open', () => {
    expect(AGENT_REQUEST_TIMEOUT_MS).toBeGreaterThan(MFA_PROMPT_TIMEOUT_MS);
  });
});
