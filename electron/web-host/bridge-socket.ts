import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { IpcRouter } from '../node/ipc/router';
import type { Logger } from '../../shared/ports/logger';
import { isOwnAuthority, tokenMatches } from './loopback';

export const BRIDGE_SOCKET_PATH = '/__roledeck/ws';

/** Requests larger than this are refused; nothing in the contract comes close. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

interface BridgeRequest {
  id: number;
  channel: unknown;
  payload: unknown;
}

function parseRequest(data: string): BridgeRequest | null {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { id, channel, payload } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
  return { id, channel, payload };
}

function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export interface BridgeSocketOptions {
  router: IpcRouter;
  token: string;
  /** The port the HTTP server listens on; Host and Origin must name it. */
  port: () => number;
  logger: Logger;
}

/**
 * The WebSocket transport of the IPC router, the web host's stand-in for Electron's ipcMain.
 * Protocol: the page sends `{id, channel, payload}` and gets `{id, result}` back, where `result`
 * is the router's Result; events arrive as `{event, payload}`. A connection is accepted only on
 * this path, from a loopback Origin naming this port, with the host's token.
 */
export class BridgeSocket {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  constructor(private readonly options: BridgeSocketOptions) {
    this.server.on('connection', (socket) => this.serve(socket));
  }

  /** Hand every HTTP `upgrade` here. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const port = this.options.port();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== BRIDGE_SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    if (!isOwnAuthority(request.headers.host, port) || !isOwnAuthority(request.headers.origin, port)) {
      this.options.logger.warn('bridge connection refused: foreign host or origin', {
        host: request.headers.host,
        origin: request.headers.origin,
      });
      return refuse(socket, 403, 'Forbidden');
    }
    if (!tokenMatches(url.searchParams.get('token'), this.options.token)) {
      this.options.logger.warn('bridge connection refused: wrong or missing token');
      return refuse(socket, 401, 'Unauthorized');
    }
    this.server.handleUpgrade(request, socket, head, (client) => this.server.emit('connection', client, request));
  };

  private serve(socket: WebSocket): void {
    const unsubscribe = this.options.router.subscribe((event, payload) => {
      socket.send(JSON.stringify({ event, payload }));
    });
    socket.on('close', unsubscribe);
    // ws reports a frame it refuses (invalid UTF-8 in a text frame, one over maxPayload, a bad
    // opcode) as an 'error' on the socket and then closes it with the matching code (1007, 1009,
    // 1002). Without a listener that error is thrown and ends the whole host.
    socket.on('error', (error: Error & { code?: unknown }) => {
      this.options.logger.warn('bridge connection closed on a malformed frame', { code: typeof error.code === 'string' ? error.code : 'unknown' });
    });
    socket.on('message', (data, isBinary) => {
      const request = isBinary ? null : parseRequest(data.toString());
      if (!request) {
        socket.close(1008, 'Malformed request');
        return;
      }
      this.options.router
        .dispatch(request.channel, request.payload, { transport: 'websocket' })
        .then((result) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: request.id, result }));
        })
        .catch((error: unknown) => {
          // dispatch turns handler failures into results; reaching here is a bug in the router.
          this.options.logger.error('bridge dispatch failed', { error });
          socket.close(1011, 'Internal error');
        });
    });
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }
}
