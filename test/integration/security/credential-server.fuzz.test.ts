/**
 * Issue 16, item 2, the container-credentials server of `roledeck exec --server`: raw HTTP over a
 * real loopback socket — random methods, paths, Host and Authorization headers, invalid bytes,
 * huge headers, slow and partial writes. Only the exact request (GET, its path, its Host, its
 * token) may reach the credentials; every other gets a 4xx or a closed connection, and the server
 * keeps serving.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContainerCredentialsServer, type ContainerCredentialsServer } from '../../../electron/node/credential-server/container-credentials.server';
import { brokenUnicode } from '../../fixtures/adversarial-payloads';
import { recordFigure } from '../../fixtures/figures';
import { recordingLogger } from '../../fakes/recording.logger';
import { rawExchange, splitBytes } from './socket-client';

const SECRET = 'CANARYcredServerSecret0123456789abcdefXY';
let server: ContainerCredentialsServer;
let asked = 0;
let fuzzed = 0;
let path = '';
let token = '';
let host = '';

beforeAll(async () => {
  server = await startContainerCredentialsServer(async () => {
    asked += 1;
    return { accessKeyId: 'ASIACANARY', secretAccessKey: SECRET, sessionToken: 'CANARYtoken', expiresAt: Date.now() + 3_600_000 };
  }, recordingLogger().logger);
  const url = new URL(server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
  path = url.pathname;
  token = server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  host = `127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  recordFigure('payloads fuzzed', fuzzed);
});

interface Parts {
  method: string;
  target: string;
  host: string | null;
  authorization: string | null;
  extra: string;
}

function requestText(parts: Parts): string {
  const lines = [`${parts.method} ${parts.target} HTTP/1.1`];
  if (parts.host !== null) lines.push(`Host: ${parts.host}`);
  if (parts.authorization !== null) lines.push(`Authorization: ${parts.authorization}`);
  if (parts.extra) lines.push(parts.extra);
  lines.push('Connection: close', '', '');
  return lines.join('\r\n');
}

function status(received: string): number | null {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(received);
  return match ? Number(match[1]) : null;
}

async function stillServes(): Promise<void> {
  const before = asked;
  const response = await fetch(server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { Authorization: token } });
  expect(response.status).toBe(200);
  expect(asked).toBe(before + 1);
}

/** The right value most of the time, so single wrong fields (and the exact request) are common. */
const mostly = <T,>(right: T, wrong: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ weight: 2, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: wrong });

const parts = (): fc.Arbitrary<Parts> =>
  fc.record({
    method: mostly('GET', fc.oneof(fc.constantFrom('POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT', 'get', 'GÉT'), fc.stringMatching(/^[A-Z]{1,12}$/))),
    target: mostly(
      path,
      fc.oneof(fc.constantFrom('/', '*', `${path}/`, `${path}?x=1`, `/..${path}`, `${path.toUpperCase()}`, `http://127.0.0.1${path}`, `/${'a'.repeat(20_000)}`), fc.webPath()),
    ),
    host: mostly<string | null>(host, fc.oneof(fc.constantFrom(null, 'localhost', `localhost:${server.port}`, `127.0.0.1`, `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`), fc.domain())),
    authorization: mostly<string | null>(
      token,
      fc.oneof(fc.constantFrom(null, '', `Bearer ${token}`, `${token} `, token.slice(1), `${token}x`, 'x'.repeat(token.length)), brokenUnicode().map((text) => text.replace(/[\r\n]/g, ''))),
    ),
    extra: mostly('', fc.constantFrom(`X-Filler: ${'f'.repeat(40_000)}`, 'Transfer-Encoding: chunked', 'Content-Length: -1', 'Content-Length: 5\r\nContent-Length: 6')),
  });

/** Method, path, Host and token right: the only requests that may reach the credentials. */
// HTTP drops whitespace around a field value (RFC 9110, section 5.5): "<token> " is the token.
const isAuthorised = (request: Parts) => request.method === 'GET' && request.target === path && request.host === host && request.authorization?.trim() === token;

describe('the container-credentials server under adversarial requests', () => {
  it('reaches the credentials only for the exact request, and answers every other with a 4xx or a closed connection', async () => {
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(parts(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), fc.integer({ min: 0, max: 10 }), async (request, cuts, delayMs) => {
        fuzzed += 1;
        const before = asked;
        const outcome = await rawExchange({ port: server.port }, splitBytes(requestText(request), cuts), { delayMs });
        const code = status(outcome.received);
        if (isAuthorised(request) && (request.extra === '' || code === 200)) {
          // An extra header (chunked, a duplicate length, a huge one) may still be a valid request.
          if (request.extra === '') exact += 1;
          expect(code).toBe(200);
          expect(asked).toBe(before + 1);
          return;
        }
        expect(asked).toBe(before);
        expect(outcome.received).not.toContain(SECRET);
        if (code === null) expect(outcome.closed).toBe(true);
        else expect(code).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 300 },
    );
    // The generator hits the exact request often enough that the 200 branch is exercised too.
    expect(exact).toBeGreaterThan(0);
    await stillServes();
  });

  it('answers raw garbage and invalid UTF-8 with 400 or a closed connection, and keeps serving', async () => {
    const before = asked;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 3_000 }),
          fc.constant(Buffer.from([0x47, 0x45, 0x54, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x31, 0x2e, 0x31, 0x0d, 0x0a, 0x0d, 0x0a])),
          fc.constant(Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:1\r\nAuthorization: \u00ff\u00fe\r\n\r\n`, 'latin1')),
        ),
        async (bytes) => {
          fuzzed += 1;
          const outcome = await rawExchange({ port: server.port }, [bytes], { end: true });
          const code = status(outcome.received);
          if (code !== null) expect(code).toBeGreaterThanOrEqual(400);
          expect(outcome.received).not.toContain(SECRET);
        },
      ),
      { numRuns: 150 },
    );
    expect(asked).toBe(before);
    await stillServes();
  });

  it('serves many pipelined requests on one connection without reaching the credentials for any wrong one', async () => {
    const before = asked;
    const wrong = Array.from({ length: 100 }, (_, i) => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: wrong-${i}\r\n\r\n`).join('');
    fuzzed += 100;
    const outcome = await rawExchange({ port: server.port }, [wrong], { quietMs: 3_000 });
    expect(outcome.received.match(/^HTTP\/1\.1 401 /gm)?.length).toBe(100);
    expect(asked).toBe(before);
    await stillServes();
  });
});
