import WebSocket from 'ws';
import type { ChannelName, Result } from '../../../shared/contract';
import { BRIDGE_SOCKET_PATH } from '../../../electron/web-host/bridge-socket';

export interface BridgeConnection {
  invoke(channel: ChannelName | string, payload?: unknown): Promise<Result<unknown>>;
  close(): void;
}

/** Thrown when the host refuses the WebSocket upgrade; `status` is the HTTP status it answered. */
export class BridgeRefusedError extends Error {
  constructor(readonly status: number) {
    super(`the web host refused the bridge connection with HTTP ${status}`);
    this.name = 'BridgeRefusedError';
  }
}

export interface ConnectOptions {
  /** http://127.0.0.1:<port> of the host. */
  origin: string;
  token: string;
  /** The Origin header to present; the page's own origin unless a test wants another. */
  originHeader?: string;
  timeoutMs?: number;
}

/**
 * A Node client of the web host's bridge, speaking the same protocol as the page. For tests of the
 * transport itself and for benches that measure a round trip through the real router.
 */
export async function connectBridge(options: ConnectOptions): Promise<BridgeConnection> {
  const url = new URL(BRIDGE_SOCKET_PATH, options.origin.replace(/^http/, 'ws'));
  url.searchParams.set('token', options.token);
  const socket = new WebSocket(url, { origin: options.originHeader ?? options.origin, handshakeTimeout: options.timeoutMs ?? 5000 });

  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => {
      reject(new BridgeRefusedError(response.statusCode ?? 0));
      response.resume();
      socket.terminate();
    });
    socket.once('error', reject);
  });

  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Result<unknown> };
    if (typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  socket.on('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: 'bridge closed' } });
    pending.clear();
  });

  return {
    invoke: (channel, payload = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, payload }));
      }),
    close: () => socket.close(),
  };
}
