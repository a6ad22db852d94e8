import type { AwsCredentials } from '../../../shared/domain/aws';
import { ENDPOINT_FIELD, toAwsCallError } from './sdk-error.mapping';

/** The one thing the pool needs of an SDK v3 client besides what the gateway does with it. */
export interface SdkClient {
  destroy(): void;
}

/**
 * The configuration every Roledeck client is built with; each SDK v3 client's config accepts it.
 * There is deliberately no `endpoint`: the SDK resolves it itself and honours AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_<SERVICE> and `endpoint_url` in the shared config file (@smithy/core
 * getEndpointUrlConfig), the way every other AWS tool does. That is also how tests reach moto.
 */
export interface SdkClientConfig {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts: number;
  retryMode: 'standard';
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true };
}

export interface SdkClientSpec<Sdk, Client extends SdkClient> {
  /** `() => import('@aws-sdk/client-xxx')`: the module loads on the first call, never at import. */
  load(): Promise<Sdk>;
  create(sdk: Sdk, config: SdkClientConfig): Client;
}

export interface AwsClientSettings {
  /** Attempts per call including the first (SDK standard retry: backoff with jitter, throttles included). */
  maxAttempts?: number;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** A client nobody used for this long is destroyed (its keep-alive sockets closed). */
  idleMs?: number;
  /** Clients kept at once; the least recently used one goes first. */
  maxClients?: number;
}

interface Entry<Client> {
  client: Client;
  credentials: AwsCredentials;
  inFlight: number;
  retired: boolean;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

type Handler = (args: { request?: unknown }) => Promise<unknown>;
/** The part of an SDK v3 client's middleware stack the recorder below uses. */
interface MiddlewareStackLike {
  add(middleware: (next: Handler) => Handler, options: { step: 'build'; name: string }): void;
}

/** `https://sts.us-east-1.amazonaws.com`, from the HTTP request the SDK built (its endpoint resolved). */
function endpointOf(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const { protocol, hostname, port } = request as { protocol?: unknown; hostname?: unknown; port?: unknown };
  if (typeof protocol !== 'string' || typeof hostname !== 'string') return undefined;
  return `${protocol.replace(/:?$/, ':')}//${hostname}${typeof port === 'number' ? `:${port}` : ''}`;
}

/**
 * When a call gets no answer, "NetworkError" alone does not say where it tried: the endpoint is
 * resolved inside the SDK (AWS_ENDPOINT_URL, the region, a partition). A build-step middleware sees
 * the request with its endpoint and marks a failure with it, for the message that names it.
 */
function recordEndpoints(client: SdkClient): void {
  const stack = (client as { middlewareStack?: Partial<MiddlewareStackLike> }).middlewareStack;
  if (typeof stack?.add !== 'function') return;
  stack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const endpoint = endpointOf(args.request);
        if (endpoint && typeof error === 'object' && error !== null && Object.isExtensible(error)) {
          Object.defineProperty(error, ENDPOINT_FIELD, { value: endpoint });
        }
        throw error;
      }
    },
    { step: 'build', name: 'roledeckEndpointRecorder' },
  );
}

const DEFAULTS: Required<AwsClientSettings> = {
  maxAttempts: 3,
  // A hung connection would hold every caller waiting on it, so fail after a bound a person
  // notices and can retry. Requests that legitimately run long (none of ours do) would need more.
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 20_000,
  idleMs: 60_000,
  maxClients: 8,
};

/**
 * One AWS SDK client per (credentials, region), shared by the calls that use them: a deploy that
 * polls CloudFormation every second reuses one client and its keep-alive TLS connection instead
 * of a handshake per poll. Every call goes through `call`, which turns any failure into a redacted
 * AwsCallError. The SDK module is imported on the first call only, so a gateway can be constructed
 * on paths (the CLI's cached credential_process) that must never load an SDK (DESIGN.md budget).
 */
export class AwsClientPool<Sdk, Client extends SdkClient> {
  private sdk: Promise<Sdk> | undefined;
  private readonly entries = new Map<string, Entry<Client>>();
  private readonly settings: Required<AwsClientSettings>;

  constructor(
    private readonly spec: SdkClientSpec<Sdk, Client>,
    settings: AwsClientSettings = {},
  ) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  /**
   * Runs `fn` with the client for these credentials and region. A failure of any kind comes out as
   * AwsCallError "<operation> failed: <AwsCode>: <AWS's words>", secrets redacted.
   */
  async call<T>(credentials: AwsCredentials, region: string, operation: string, fn: (client: Client, sdk: Sdk) => Promise<T>): Promise<T> {
    const sdk = await this.loadSdk();
    const entry = this.acquire(sdk, credentials, region);
    try {
      return await fn(entry.client, sdk);
    } catch (error) {
      throw toAwsCallError(operation, error);
    } finally {
      this.release(entry);
    }
  }

  /** Closes every client (at once when idle, after its last call otherwise). The pool stays usable. */
  destroy(): void {
    for (const entry of this.entries.values()) this.retire(entry);
    this.entries.clear();
  }

  /** Number of clients currently kept (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private loadSdk(): Promise<Sdk> {
    this.sdk ??= this.spec.load().catch((error: unknown) => {
      this.sdk = undefined;
      throw error;
    });
    return this.sdk;
  }

  private acquire(sdk: Sdk, credentials: AwsCredentials, region: string): Entry<Client> {
    // Keyed without the secret; the secret and token are compared below, so edited keys that keep
    // their access key ID still get a client of their own.
    const key = `${region}\n${credentials.accessKeyId}`;
    let entry = this.entries.get(key);
    if (entry && !sameSecret(entry.credentials, credentials)) {
      this.entries.delete(key);
      this.retire(entry);
      entry = undefined;
    }
    if (entry) {
      this.entries.delete(key); // re-inserted below: Map order is the LRU order
    } else {
      const client = this.spec.create(sdk, this.configFor(credentials, region));
      recordEndpoints(client);
      entry = { client, credentials, inFlight: 0, retired: false, idleTimer: undefined };
    }
    this.entries.set(key, entry);
    this.evictOverflow();
    entry.inFlight += 1;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    return entry;
  }

  private release(entry: Entry<Client>): void {
    entry.inFlight -= 1;
    if (entry.inFlight > 0) return;
    if (entry.retired) {
      entry.client.destroy();
      return;
    }
    entry.idleTimer = setTimeout(() => {
      for (const [key, kept] of this.entries) if (kept === entry) this.entries.delete(key);
      this.retire(entry);
    }, this.settings.idleMs);
    // An idle client must not keep a CLI process alive.
    entry.idleTimer.unref();
  }

  private evictOverflow(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.settings.maxClients) return;
      this.entries.delete(key);
      this.retire(entry);
    }
  }

  private retire(entry: Entry<Client>): void {
    if (entry.retired) return;
    entry.retired = true;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    if (entry.inFlight === 0) entry.client.destroy();
  }

  private configFor(credentials: AwsCredentials, region: string): SdkClientConfig {
    return {
      region,
      credentials: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
      },
      maxAttempts: this.settings.maxAttempts,
      retryMode: 'standard',
      // Without throwOnRequestTimeout, @smithy/node-http-handler only logs a warning when
      // requestTimeout passes and keeps waiting: an endpoint that accepts the request and never
      // answers would hang the call (and the spinner above it) forever. Shown by
      // test/integration/faults/aws-faults.gateways.test.ts ("a hung STS endpoint …").
      requestHandler: { connectionTimeout: this.settings.connectionTimeoutMs, requestTimeout: this.settings.requestTimeoutMs, throwOnRequestTimeout: true },
    };
  }
}

function sameSecret(a: AwsCredentials, b: AwsCredentials): boolean {
  return a.secretAccessKey === b.secretAccessKey && a.sessionToken === b.sessionToken;
}
