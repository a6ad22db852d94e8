/**
 * Issue 16, item 2, the web host's WebSocket bridge (the browser preview's stand-in for Electron
 * IPC): upgrade requests from senders that are not the app's page (foreign Host or Origin, wrong
 * or missing token, wrong path) are refused before any request is read, and random messages on an
 * accepted connection get a validation error as data or a policy close — never a service call.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { IpcRouter, type Handlers } from '../../../electron/node/ipc/router';
import { BRIDGE_SOCKET_PATH, BridgeSocket } from '../../../electron/web-host/bridge-socket';
import { channels } from '../../../shared/contract';
import { adversarialPayload, brokenUnicode, prototypeSnapshot } from '../../fixtures/adversarial-payloads';
import { recordFigure } from '../../fixtures/figures';
import { guardedHandlers } from '../../fakes/guarded.handlers';
import { recordingLogger } from '../../fakes/recording.logger';
import { rawExchange } from './socket-client';

const TOKEN = 'fuzz-token-0123456789abcdefghijklmnopqrstu';
const names = Object.keys(channels);
const guard = guardedHandlers(channels);
const prototypeBefore = prototypeSnapshot();
let server: Server;
let bridge: BridgeSocket;
let port = 0;
let fuzzed = 0;

beforeAll(async () => {
  const router = new IpcRouter(guard.handlers as unknown as Handlers, recordingLogger().logger);
  bridge = new BridgeSocket({ router, token: TOKEN, port: () => port, logger: recordingLogger().logger });
  server = createServer((_request, response) => response.end());
  server.on('upgrade', bridge.handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  bridge.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  recordFigure('payloads fuzzed', fuzzed);
});

/** A value with whether the app's own page would send it. */
interface Tagged {
  value: string | null;
  own: boolean;
}
const own = (...values: string[]): fc.Arbitrary<Tagged> => fc.constantFrom(...values).map((value) => ({ value, own: true }));
const foreign = (values: fc.Arbitrary<string | null>): fc.Arbitrary<Tagged> => values.map((value) => ({ value, own: false }));
const mostlyOwn = (right: fc.Arbitrary<Tagged>, wrong: fc.Arbitrary<Tagged>) => fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: wrong });

function upgradeRequest(target: string, host: string | null, origin: string | null): string {
  const lines = [`GET ${target} HTTP/1.1`];
  if (host !== null) lines.push(`Host: ${host}`);
  if (origin !== null) lines.push(`Origin: ${origin}`);
  lines.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', '');
  return lines.join('\r\n');
}

function openSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${BRIDGE_SOCKET_PATH}?token=${TOKEN}`, { origin: `http://127.0.0.1:${port}` });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

type Answer = { kind: 'reply'; id: number; result: { ok: boolean; error?: { code: string; message: string } } } | { kind: 'closed'; code: number };

/** Sends one frame on a fresh connection and waits for its reply or the close. */
async function answerTo(frame: string | Buffer, binary = false): Promise<Answer> {
  const socket = await openSocket();
  return new Promise((resolve) => {
    socket.once('message', (data) => {
      const reply = JSON.parse(data.toString()) as { id: number; result: { ok: boolean; error?: { code: string; message: string } } };
      socket.close();
      resolve({ kind: 'reply', id: reply.id, result: reply.result });
    });
    socket.once('close', (code) => resolve({ kind: 'closed', code }));
    socket.send(frame, { binary });
  });
}

describe('the web host bridge under foreign senders and adversarial messages', () => {
  it('refuses an upgrade unless path, Host, Origin and token all name the app’s own page', async () => {
    const hosts = mostlyOwn(
      own(`127.0.0.1:${port}`, `localhost:${port}`),
      foreign(fc.oneof(fc.constantFrom(null, 'evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.2:${port}`), fc.domain())),
    );
    const origins = mostlyOwn(
      own(`http://127.0.0.1:${port}`, `http://localhost:${port}`),
      foreign(
        fc.oneof(
          fc.constantFrom(null, 'null', `https://127.0.0.1:${port}`, `http://evil.example:${port}`, 'file://', `http://127.0.0.1:${port + 1}`, 'app://roledeck'),
          fc.webUrl().map((url) => new URL(url).origin),
        ),
      ),
    );
    // Tokens as they appear in the query: every byte percent-encoded, or invalid UTF-8 sequences.
    const percentEncoded = (text: string) => [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    const tokens = mostlyOwn(
      own(TOKEN),
      foreign(
        fc.oneof(
          fc.constantFrom(null, '', TOKEN.slice(1), `${TOKEN}x`, TOKEN.toUpperCase(), '%FF%FE%C3%28', `${TOKEN}%00`),
          fc.oneof(fc.string({ maxLength: 60 }), brokenUnicode()).map(percentEncoded),
        ),
      ),
    );
    const paths = mostlyOwn(own(BRIDGE_SOCKET_PATH), foreign(fc.constantFrom('/', `${BRIDGE_SOCKET_PATH}/`, '/__roledeck/WS', '/__roledeck')));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(paths, hosts, origins, tokens, async (path, host, origin, token) => {
        fuzzed += 1;
        const query = token.value === null ? '' : `?token=${token.value}`;
        const outcome = await rawExchange({ port }, [upgradeRequest(`${path.value}${query}`, host.value, origin.value)], { expectLines: 1 });
        const status = /^HTTP\/1\.1 (\d{3}) /.exec(outcome.received)?.[1];
        if (path.own && host.own && origin.own && token.own) {
          accepted += 1;
          expect(status).toBe('101');
        } else {
          expect(status).toMatch(/^4\d\d$/);
        }
      }),
      { numRuns: 250 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(guard.reached()).toBe(0);
  });

  it('answers adversarial payloads on every channel with a validation error as data, and no service sees them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat(), async (channel, id) => {
        const keys = Object.keys((channels[channel as keyof typeof channels].request as unknown as { shape?: object }).shape ?? {});
        const [payload] = fc.sample(adversarialPayload(keys), { numRuns: 1, seed: id });
        fuzzed += 1;
        const frame = JSON.stringify({ id, channel, payload });
        const wire = (JSON.parse(frame) as { payload?: unknown }).payload;
        guard.sent.channel = channel;
        guard.sent.payload = wire;
        const answer = await answerTo(frame);
        if (Buffer.byteLength(frame) > 1024 * 1024) {
          // Beyond the bridge's message cap, ws closes with 1009 (message too big) before parsing.
          expect(answer).toEqual({ kind: 'closed', code: 1009 });
          return;
        }
        const valid = channels[channel as keyof typeof channels].request.safeParse(wire ?? {}).success;
        expect(answer).toMatchObject({ kind: 'reply', id, result: { ok: false, error: { code: valid ? 'NOT_FOUND' : 'INVALID_REQUEST' } } });
      }),
      { numRuns: 250 },
    );
    expect(guard.violations).toEqual([]);
    expect(prototypeSnapshot()).toEqual(prototypeBefore);
  });

  it('closes the connection on frames that are not requests (binary, invalid UTF-8, not JSON, no integer id), and keeps serving', async () => {
    const reachedBefore = guard.reached();
    const malformed = fc.oneof(
      fc.string({ maxLength: 200 }).filter((text) => !text.trimStart().startsWith('{')),
      fc.constantFrom('{"channel":"app.info"}', '{"id":1.5,"channel":"app.info"}', '{"id":"1","channel":"app.info"}', `{"id":${2 ** 60},"channel":"app.info"}`, '{"id":1,', 'null'),
      brokenUnicode().filter((text) => !text.trimStart().startsWith('{')),
    );
    await fc.assert(
      fc.asyncProperty(malformed, async (frame) => {
        fuzzed += 1;
        expect(await answerTo(frame)).toEqual({ kind: 'closed', code: 1008 });
      }),
      { numRuns: 120 },
    );
    fuzzed += 2;
    expect(await answerTo(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), true)).toEqual({ kind: 'closed', code: 1008 });
    // Invalid UTF-8 in a text frame: ws refuses it before the bridge sees it (1007, RFC 6455 section 8.1).
    const invalidText = Buffer.concat([Buffer.from('{"id":1,"channel":"app.info","payload":{"x":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}}')]);
    expect(await answerTo(invalidText, false)).toEqual({ kind: 'closed', code: 1007 });
    // Over the bridge's 1 MiB cap: 1009 (message too big), and the host lives on.
    fuzzed += 1;
    expect(await answerTo(JSON.stringify({ id: 2, channel: 'app.info', payload: { x: 'A'.repeat(1_500_000) } }))).toEqual({ kind: 'closed', code: 1009 });
    expect(guard.reached()).toBe(reachedBefore);
    guard.sent.channel = 'app.info';
    guard.sent.payload = {};
    expect(await answerTo(JSON.stringify({ id: 7, channel: 'app.info', payload: {} }))).toMatchObject({ kind: 'reply', id: 7, result: { ok: false, error: { code: 'NOT_FOUND' } } });
  });
});
