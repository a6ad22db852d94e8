import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import { agentChannels, type AgentChannels } from '../../../shared/contract/agent';
import type { Result } from '../../../shared/contract/errors';
import type { Logger } from '../../../shared/ports/logger';
import { createContractDispatcher, type ContractHandlers } from '../ipc/contract-dispatch';
import { agentSocketPath, removeAgentEndpoint, writeAgentEndpoint } from './agent-endpoint';

export type AgentHandlers = ContractHandlers<AgentChannels, { transport: 'socket' }>;

/** One request a line: {id, token, channel, payload}; one answer a line: {id, result}. */
const MAX_LINE_BYTES = 64 * 1024;

export interface AgentServer {
  socket: string;
  close(): Promise<void>;
}

/**
 * The desktop app's end of the CLI socket. One keychain owner: the CLI asks the app for sessions
 * instead of opening the keychain itself, and the app's MFA broker shows the one prompt.
 */
export async function startAgentServer(options: { home: string; handlers: AgentHandlers; logger: Logger }): Promise<AgentServer> {
  const { home, handlers, logger } = options;
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  const dispatch = createContractDispatcher(agentChannels, handlers, logger);
  const socketPath = agentSocketPath(home);
  await mkdir(home, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await rm(socketPath, { force: true });

  const answer = async (line: string): Promise<object> => {
    let message: { id?: unknown; token?: unknown; channel?: unknown; payload?: unknown };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return { id: null, result: { ok: false, error: { code: 'INVALID_REQUEST', message: 'Not JSON.' } } satisfies Result<never> };
    }
    const given = typeof message.token === 'string' ? Buffer.from(message.token) : Buffer.alloc(0);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      logger.warn('agent refused a request without the right token');
      return { id: message.id ?? null, result: { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Missing or wrong agent token.' } } };
    }
    return { id: message.id ?? null, result: await dispatch(message.channel, message.payload, { transport: 'socket' }) };
  };

  const server = net.createServer((connection) => {
    let buffer = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      buffer += chunk;
      if (Buffer.byteLength(buffer) > MAX_LINE_BYTES) {
        connection.destroy();
        return;
      }
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        void answer(line).then((reply) => {
          if (!connection.destroyed) connection.write(`${JSON.stringify(reply)}\n`);
        });
      }
    });
    connection.on('error', () => connection.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  if (process.platform !== 'win32') await chmod(socketPath, 0o600);
  await writeAgentEndpoint(home, { socket: socketPath, token, pid: process.pid });

  return {
    socket: socketPath,
    close: async () => {
      await removeAgentEndpoint(home);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (process.platform !== 'win32') await rm(socketPath, { force: true });
    },
  };
}
