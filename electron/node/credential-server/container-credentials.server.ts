import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogThrottle } from '../../../shared/logic/log-throttle';
import type { ExportableSession } from '../../../shared/logic/shell-export';
import type { Logger } from '../../../shared/ports/logger';

type ServedCredentials = Pick<ExportableSession, 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'expiresAt'>;

/** One "refused" log line per this window at most, however fast a local process knocks. */
const REFUSAL_LOG_WINDOW_MS = 10_000;

/**
 * A loopback endpoint in the shape of the ECS container-credentials provider, for long-running
 * children (`roledeck exec --server`). The SDKs and the AWS CLI call it whenever their cached
 * credentials near expiry, so a two-hour Terraform run keeps getting fresh ones from Roledeck.
 * Children find it through AWS_CONTAINER_CREDENTIALS_FULL_URI and send
 * AWS_CONTAINER_AUTHORIZATION_TOKEN as the Authorization header; anything else is refused.
 * The Host header must name the loopback address and port served: a web page that rebinds a DNS
 * name to 127.0.0.1 sends its own name, and is refused before the token is even looked at.
 */
export interface ContainerCredentialsServer {
  /** The variables to put in the child's environment. */
  env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: string; AWS_CONTAINER_AUTHORIZATION_TOKEN: string };
  port: number;
  /** How many credential requests were answered. */
  served(): number;
  close(): Promise<void>;
}

function tokensMatch(expected: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startContainerCredentialsServer(
  credentials: () => Promise<ServedCredentials>,
  logger: Logger,
  now: () => number = Date.now,
): Promise<ContainerCredentialsServer> {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  const path = `/${randomBytes(12).toString('hex')}`;
  let served = 0;
  let port = 0;
  const refusals = createLogThrottle(REFUSAL_LOG_WINDOW_MS);
  const refuse = (response: ServerResponse, status: number, body: object, why: string): void => {
    const count = refusals.admit(now());
    if (count !== null) logger.warn(`credential server refused a request: ${why}`, { refusedSinceLastLine: count });
    send(response, status, body);
  };

  // Imported here, not at the top: building node:http's ESM facade costs ~14 ms (it pulls in
  // undici), and the CLI bundle would pay it on every credential_process call.
  const { createServer } = await import('node:http');
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      if (request.headers.host !== `127.0.0.1:${port}`) return refuse(response, 421, { message: 'wrong host' }, 'wrong Host header');
      if (request.method !== 'GET' || request.url !== path) return send(response, 404, { message: 'not found' });
      if (!tokensMatch(expected, request.headers.authorization)) {
        return refuse(response, 401, { message: 'missing or wrong authorization token' }, 'missing or wrong token');
      }
      try {
        const current = await credentials();
        served += 1;
        send(response, 200, {
          AccessKeyId: current.accessKeyId,
          SecretAccessKey: current.secretAccessKey,
          ...(current.sessionToken ? { Token: current.sessionToken } : {}),
          ...(current.expiresAt !== undefined ? { Expiration: new Date(current.expiresAt).toISOString() } : {}),
        });
      } catch (error) {
        // The detail goes to the (redacting) log only: the child sees one generic sentence, and
        // nothing about the session, the profile or the keychain leaks to whoever asked.
        logger.error('credential server could not get credentials', { error });
        send(response, 503, { message: 'Roledeck could not provide credentials; see the roledeck output for why.' });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    env: {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}${path}`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: token,
    },
    port,
    served: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
