import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import { agentChannels, type AgentChannels } from '../../../shared/contract/agent';
import { createLogThrottle } from '../../../shared/logic/log-throttle';
import type { Logger } from '../../../shared/ports/logger';
import { createContractDispatcher, type ContractHandlers } from '../ipc/contract-dispatch';
import { agentSocketPath, removeAgentEndpoint, writeAgentEndpoint } from './agent-endpoint';
import { AGENT_REQUEST_TIMEOUT_MS, REQUEST_MAX_AGE_MS, openRequest, sealReply } from './agent-protocol';

export type AgentHandlers = ContractHandlers<AgentChannels, { transport: 'socket' }>;

/**
 * What one local process can take from the app. Only this user can connect at all (an owner-only
 * socket; the default pipe DACL), but a runaway script of theirs must not exhaust the app either.
 */
export interface AgentLimits {
  /** Open connections at once; more are closed as they arrive (net.Server maxConnections). */
  maxConnections: number;
  /** A request line longer than this closes the connection. */
  maxLineBytes: number;
  /** A connection with no request in flight and nothing arriving is closed after this. */
  idleMs: number;
  /** A request in flight (waiting for an MFA prompt) is given this long before the connection closes. */
  requestMs: number;
  /** At most one "refused" log line per window, with the count it stands for. */
  refusalLogWindowMs: number;
}

export const DEFAULT_AGENT_LIMITS: AgentLimits = {
  maxConnections: 32,
  maxLineBytes: 64 * 1024,
  // The CLI writes its request as soon as it connects: a silent connection is not a CLI.
  idleMs: 30_000,
  requestMs: AGENT_REQUEST_TIMEOUT_MS + 30_000,
  refusalLogWindowMs: 10_000,
};

export interface AgentServer {
  socket: string;
  close(): Promise<void>;
}

/**
 * Request ids (the CLI's nonces) seen within the age a request may have: a proven request line
 * is answered once. Only requests that proved the token get here, so only the token's holder can
 * make it grow, and it forgets what is older than twice the allowed age.
 */
function replayGuard(): (id: string, now: number) => boolean {
  const seen = new Map<string, number>();
  return (id, now) => {
    for (const [old, at] of seen) {
      if (now - at <= 2 * REQUEST_MAX_AGE_MS) break;
      seen.delete(old);
    }
    if (seen.has(id)) return false;
    seen.set(id, now);
    return true;
  };
}

/**
 * The desktop app's end of the CLI socket. One keychain owner: the CLI asks the app for sessions
 * instead of opening the keychain itself, and the app's MFA broker shows the one prompt.
 * Wire format and handshake: agent-protocol.ts.
 */
export async function startAgentServer(options: {
  home: string;
  handlers: AgentHandlers;
  logger: Logger;
  limits?: Partial<AgentLimits>;
  now?: () => number;
}): Promise<AgentServer> {
  const { home, handlers, logger } = options;
  const limits = { ...DEFAULT_AGENT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const token = randomBytes(32).toString('base64url');
  const dispatch = createContractDispatcher(agentChannels, handlers, logger);
  const firstUse = replayGuard();
  const refusals = createLogThrottle(limits.refusalLogWindowMs);
  const refused = (why: string) => {
    const count = refusals.admit(now());
    if (count !== null) logger.warn(`agent refused a request: ${why}`, { refusedSinceLastLine: count });
  };
  // A stale endpoint from a crashed run must not outlive a start that fails below.
  await removeAgentEndpoint(home);
  const socketPath = await agentSocketPath(home);
  await mkdir(home, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await rm(socketPath, { force: true });

  const answer = async (line: string): Promise<string> => {
    const opened = openRequest(token, line, now());
    if (opened.kind === 'refused') {
      refused(opened.why);
      return opened.reply;
    }
    const { id, channel, payload } = opened.request;
    if (!firstUse(id, now())) {
      refused('a request used twice');
      return sealReply(token, id, { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This request was already answered.' } });
    }
    return sealReply(token, id, await dispatch(channel, payload, { transport: 'socket' }));
  };

  const open = new Set<net.Socket>();
  const server = net.createServer((connection) => {
    open.add(connection);
    connection.once('close', () => open.delete(connection));
    let buffer = '';
    let inFlight = false;
    connection.setEncoding('utf8');
    connection.setTimeout(limits.idleMs, () => connection.destroy());
    // One request in flight per connection: the next line waits, unread, until this one is answered.
    const next = () => {
      const newline = buffer.indexOf('\n');
      if (inFlight || newline < 0 || connection.destroyed) return;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      inFlight = true;
      connection.pause();
      connection.setTimeout(limits.requestMs);
      answer(line).then(
        (reply) => {
          inFlight = false;
          if (connection.destroyed) return;
          connection.write(reply);
          connection.setTimeout(limits.idleMs);
          connection.resume();
          next();
        },
        (error: unknown) => {
          logger.error('agent could not answer a request', { error });
          connection.destroy();
        },
      );
    };
    connection.on('data', (chunk: string) => {
      buffer += chunk;
      if (Buffer.byteLength(buffer) > limits.maxLineBytes) {
        refused('a request too long');
        connection.destroy();
        return;
      }
      next();
    });
    connection.on('error', () => connection.destroy());
  });
  server.maxConnections = limits.maxConnections;
  server.on('drop', () => refused('too many connections at once'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      server.on('error', (error) => logger.warn('the CLI agent socket failed', { error }));
      resolve();
    });
  });
  if (process.platform !== 'win32') await chmod(socketPath, 0o600);
  await writeAgentEndpoint(home, { socket: socketPath, token, pid: process.pid });

  return {
    socket: socketPath,
    close: async () => {
      await removeAgentEndpoint(home);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A CLI waiting on an MFA prompt gets a closed connection (and reads the keychain), not a hang.
      for (const connection of open) connection.destroy();
      await closed;
      if (process.platform !== 'win32') await rm(socketPath, { force: true });
    },
  };
}
