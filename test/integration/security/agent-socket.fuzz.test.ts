/**
 * Issue 16, item 2, the CLI agent socket: a real server on a real Unix socket, its production
 * limits, and fake services that record any payload the contract refuses. Proven requests carry
 * adversarial payloads (the token's holder can still send nonsense); garbage lines, invalid UTF-8,
 * slow and partial writes and many lines at once come from a process without the token.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgentEndpoint, type AgentEndpoint } from '../../../electron/node/agent/agent-endpoint';
import { exchange } from '../../../electron/node/agent/agent-exchange';
import { newRequestId, openReply, sealRequest } from '../../../electron/node/agent/agent-protocol';
import { DEFAULT_AGENT_LIMITS, startAgentServer, type AgentHandlers, type AgentServer } from '../../../electron/node/agent/agent.server';
import { agentChannels } from '../../../shared/contract/agent';
import { adversarialPayload, brokenUnicode, deeplyNested, prototypeSnapshot } from '../../fixtures/adversarial-payloads';
import { recordFigure } from '../../fixtures/figures';
import { guardedHandlers } from '../../fakes/guarded.handlers';
import { recordingLogger } from '../../fakes/recording.logger';
import { rawExchange, splitBytes } from './socket-client';

const names = Object.keys(agentChannels) as (keyof typeof agentChannels)[];
const prototypeBefore = prototypeSnapshot();
const guard = guardedHandlers(agentChannels);
let server: AgentServer;
let endpoint: AgentEndpoint;
let fuzzed = 0;

beforeAll(async () => {
  const home = mkdtempSync(path.join(tmpdir(), 'roledeck-agent-fuzz-'));
  server = await startAgentServer({ home, handlers: guard.handlers as unknown as AgentHandlers, logger: recordingLogger().logger });
  endpoint = (await readAgentEndpoint(home))!;
});

afterAll(async () => {
  await server.close();
  recordFigure('payloads fuzzed', fuzzed);
});

function sealed(channel: string, payload: unknown): { id: string; line: string } {
  const id = newRequestId();
  return { id, line: sealRequest(endpoint.token, { id, at: Date.now(), channel, payload }) };
}

function codeOf(id: string, line: string): string {
  const opened = openReply(endpoint.token, id, line);
  if (opened.kind !== 'ok') throw new Error(`the app's reply did not open: ${opened.why}`);
  if (opened.result.ok) throw new Error('a fuzzed request was answered with a value');
  return opened.result.error.code;
}

async function stillServes(): Promise<void> {
  guard.sent.channel = 'agent.hello';
  guard.sent.payload = {};
  const hello = await exchange(endpoint, 'agent.hello', {});
  // The fake answers a valid call with NOT_FOUND: reaching it proves the host is still serving.
  expect(hello).toMatchObject({ kind: 'answered', result: { ok: false, error: { code: 'NOT_FOUND' } } });
}

describe('the agent socket under adversarial payloads', () => {
  it.each(names)('%s: a proven request with an invalid payload gets a sealed validation error, and no service sees it', async (name) => {
    const keys = Object.keys(agentChannels[name].request.shape);
    await fc.assert(
      fc.asyncProperty(adversarialPayload(keys), async (payload) => {
        fuzzed += 1;
        const { id, line } = sealed(name, payload);
        // What the server parses: JSON drops undefined fields and turns String objects into strings.
        const wire = JSON.parse(JSON.stringify(payload ?? null)) as unknown;
        guard.sent.channel = name;
        guard.sent.payload = wire;
        const valid = agentChannels[name].request.safeParse(wire ?? {}).success;
        const outcome = await rawExchange({ path: server.socket }, [line], { expectLines: 1 });
        if (Buffer.byteLength(line) > DEFAULT_AGENT_LIMITS.maxLineBytes) {
          // Beyond the line cap the socket hangs up without reading on: the documented limit.
          expect(outcome).toEqual({ received: '', closed: true });
          return;
        }
        expect(codeOf(id, outcome.received.split('\n')[0]!)).toBe(valid ? 'NOT_FOUND' : 'INVALID_REQUEST');
      }),
      { numRuns: 60 },
    );
    expect(guard.violations).toEqual([]);
    await stillServes();
  });

  it('refuses channel names outside the agent contract, prototype names among them', async () => {
    const channel = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'profiles.list', 'agent.', 'agent.credentials '), fc.string({ maxLength: 30 }), brokenUnicode());
    await fc.assert(
      fc.asyncProperty(channel.filter((text) => !Object.hasOwn(agentChannels, text)), fc.anything({ maxDepth: 2 }), async (name, payload) => {
        fuzzed += 1;
        // No channel is expected: any service reached is a violation.
        guard.sent.channel = '';
        const { id, line } = sealed(name, payload);
        const outcome = await rawExchange({ path: server.socket }, [line], { expectLines: 1 });
        expect(codeOf(id, outcome.received.split('\n')[0]!)).toBe('UNKNOWN_CHANNEL');
      }),
      { numRuns: 100 },
    );
    expect(guard.violations).toEqual([]);
  });

  it('answers garbage lines and invalid UTF-8 from a process without the token with refusals only', async () => {
    const reachedBefore = guard.reached();
    const garbage = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 4_000 }),
      fc.constantFrom(deeplyNested(20_000, 'array'), deeplyNested(10_000, 'object'), '{"v":2}', '{"v":2,"body":"{}","proof":""}', 'null', '[]').map((text) => Buffer.from(text)),
      fc.constant(Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (bytes) => {
        fuzzed += 1;
        const line = Buffer.concat([Buffer.from(bytes).filter((byte) => byte !== 0x0a), Buffer.from('\n')]);
        const outcome = await rawExchange({ path: server.socket }, [line], { expectLines: 1 });
        const reply = JSON.parse(outcome.received.split('\n')[0]!) as { result?: { ok: boolean }; body?: string };
        const result = reply.result ?? (JSON.parse(reply.body!) as { result: { ok: boolean } }).result;
        expect(result.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
    expect(guard.reached()).toBe(reachedBefore);
    await stillServes();
  });

  it('reassembles a request sent slowly in partial writes, split inside multi-byte characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 15 }), async (cuts, delayMs) => {
        fuzzed += 1;
        const payload = { profile: 'prøfile-€-😀', purpose: 'export' };
        guard.sent.channel = 'agent.credentials';
        guard.sent.payload = payload;
        const { id, line } = sealed('agent.credentials', payload);
        const outcome = await rawExchange({ path: server.socket }, splitBytes(line, cuts), { delayMs, expectLines: 1 });
        // The proof held (the bytes arrived whole) and the contract refused the name's characters.
        expect(codeOf(id, outcome.received.split('\n')[0]!)).toBe('INVALID_REQUEST');
      }),
      { numRuns: 40 },
    );
    expect(guard.violations).toEqual([]);
  });

  it('answers many lines sent at once, each in order, none dropped', async () => {
    const requests = Array.from({ length: 300 }, (_, i) => sealed(names[i % names.length]!, { junk: i, __proto__: { polluted: 'yes' } }));
    fuzzed += requests.length;
    guard.sent.channel = '';
    const outcome = await rawExchange({ path: server.socket }, [requests.map((request) => request.line).join('')], { expectLines: requests.length, quietMs: 10_000 });
    const lines = outcome.received.split('\n').filter(Boolean);
    expect(lines).toHaveLength(requests.length);
    lines.forEach((line, i) => expect(codeOf(requests[i]!.id, line)).toBe('INVALID_REQUEST'));
    expect(prototypeSnapshot()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await stillServes();
  });
});
