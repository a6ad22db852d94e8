import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { AgentChannelName, AgentRequestOf, AgentResponseOf } from '../../../shared/contract/agent';
import { RoledeckError, type Result } from '../../../shared/contract/errors';
import { readAgentEndpoint } from './agent-endpoint';

export interface AgentClient {
  call<C extends AgentChannelName>(channel: C, request: AgentRequestOf<C>): Promise<AgentResponseOf<C>>;
}

/**
 * Connects to the running desktop app, or resolves null when it is not running (no endpoint
 * file, or nobody listening): the CLI then uses the keychain itself.
 */
export async function connectAgent(home: string, options: { timeoutMs?: number } = {}): Promise<AgentClient | null> {
  const endpoint = await readAgentEndpoint(home);
  if (!endpoint) return null;
  const reachable = await new Promise<boolean>((resolve) => {
    const probe = net.connect(endpoint.socket);
    probe.once('connect', () => {
      probe.end();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (!reachable) return null;
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;

  return {
    call: (channel, request) =>
      new Promise((resolve, reject) => {
        const id = randomUUID();
        const connection = net.connect(endpoint.socket);
        let buffer = '';
        // A call may wait for the user to answer an MFA prompt in the app: minutes, not seconds.
        const timer = setTimeout(() => {
          connection.destroy();
          reject(new RoledeckError('INTERNAL', 'The Roledeck app did not answer in time. Is an MFA prompt waiting in the app?'));
        }, timeoutMs);
        connection.setEncoding('utf8');
        connection.once('connect', () => connection.write(`${JSON.stringify({ id, token: endpoint.token, channel, payload: request })}\n`));
        connection.on('data', (chunk: string) => {
          buffer += chunk;
          const newline = buffer.indexOf('\n');
          if (newline < 0) return;
          clearTimeout(timer);
          connection.end();
          const reply = JSON.parse(buffer.slice(0, newline)) as { id: string; result: Result<AgentResponseOf<typeof channel>> };
          if (reply.result.ok) resolve(reply.result.value);
          else reject(new RoledeckError(reply.result.error.code, reply.result.error.message));
        });
        connection.once('error', (error) => {
          clearTimeout(timer);
          reject(new RoledeckError('INTERNAL', `Lost the connection to the Roledeck app: ${error.message}`));
        });
      }),
  };
}
