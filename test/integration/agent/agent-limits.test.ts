/** The agent socket under a local flood: real sockets, a real server, limits made small. */
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { readAgentEndpoint } from '../../../electron/node/agent/agent-endpoint';
import { exchange } from '../../../electron/node/agent/agent-exchange';
import { sealRequest } from '../../../electron/node/agent/agent-protocol';
import { startAgentServer, type AgentHandlers, type AgentLimits } from '../../../electron/node/agent/agent.server';
import { recordingLogger } from '../../fakes/recording.logger';

const credentials = { profileName: 'acme-prod', accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiresAt: 1 };

function handlersWith(onCredentials: () => Promise<void> = async () => undefined): AgentHandlers {
  return {
    'agent.hello': () => ({ app: 'roledeck', version: 'test', pid: process.pid }),
    'agent.credentials': async () => {
      await onCredentials();
      return credentials;
    },
    'agent.sessions': () => ({ activeProfileId: null, sessions: [] }),
  };
}

async function started(limits: Partial<AgentLimits>, handlers = handlersWith(), now?: () => number) {
  const home = mkdtempSync(path.join(tmpdir(), 'roledeck-agent-limits-'));
  const log = recordingLogger();
  const server = await startAgentServer({ home, handlers, logger: log.logger, limits, ...(now ? { now } : {}) });
  const endpoint = (await readAgentEndpoint(home))!;
  return { server, endpoint, lines: log.lines };
}

function connect(socket: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket, () => resolve(connection));
    connection.once('error', reject);
  });
}

function closed(connection: net.Socket): Promise<void> {
  return new Promise((resolve) => (connection.destroyed ? resolve() : connection.once('close', () => resolve())));
}

/** Resolves with the lines received until the connection closes or `count` lines arrived. */
function linesFrom(connection: net.Socket, count: number): Promise<string[]> {
  return new Promise((resolve) => {
    let data = '';
    connection.setEncoding('utf8');
    const done = () => resolve(data.split('\n').filter(Boolean));
    connection.on('data', (chunk: string) => {
      data += chunk;
      if (data.split('\n').length > count) done();
    });
    connection.once('close', done);
  });
}

const refusals = (lines: string[]) => lines.map((line) => JSON.parse(line) as { message: string; refusedSinceLastLine?: number }).filter((entry) => entry.message.startsWith('agent refused'));

describe('the agent socket under a local flood', () => {
  it('closes connections beyond the cap as they arrive, and serves again once they are gone', async () => {
    const { server, endpoint, lines } = await started({ maxConnections: 4 });
    const held = await Promise.all(Array.from({ length: 4 }, () => connect(server.socket)));
    try {
      expect(await exchange(endpoint, 'agent.hello', {})).toEqual({ kind: 'untrusted', why: 'it hung up without an answer' });
      expect(refusals(lines).map((entry) => entry.message)).toContain('agent refused a request: too many connections at once');
    } finally {
      for (const connection of held) connection.destroy();
      await Promise.all(held.map(closed));
    }
    expect((await exchange(endpoint, 'agent.hello', {})).kind).toBe('answered');
    await server.close();
  });

  it('closes a connection that sends nothing, but waits for a request in flight (an MFA prompt) past that', async () => {
    const { server, endpoint } = await started({ idleMs: 200 }, handlersWith(() => sleep(700)));
    try {
      const silent = await connect(server.socket);
      const started = Date.now();
      await closed(silent);
      expect(Date.now() - started).toBeLessThan(5_000);
      const slow = await exchange(endpoint, 'agent.credentials', { profile: 'acme-prod', purpose: 'credential-process' });
      expect(slow.kind).toBe('answered');
    } finally {
      await server.close();
    }
  });

  it('keeps one request in flight per connection, answering the next only after the first', async () => {
    let inFlight = 0;
    let most = 0;
    const { server, endpoint } = await started(
      {},
      handlersWith(async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await sleep(100);
        inFlight -= 1;
      }),
    );
    try {
      const connection = await connect(server.socket);
      const replies = linesFrom(connection, 3);
      const at = Date.now();
      const payload = { profile: 'acme-prod', purpose: 'export' };
      connection.write(['a', 'b', 'c'].map((id) => sealRequest(endpoint.token, { id, at, channel: 'agent.credentials', payload })).join(''));
      const ids = (await replies).map((line) => (JSON.parse((JSON.parse(line) as { body: string }).body) as { id: string }).id);
      expect(ids).toEqual(['a', 'b', 'c']);
      expect(most).toBe(1);
      connection.destroy();
    } finally {
      await server.close();
    }
  });

  it('closes a connection whose request line outgrows the cap', async () => {
    const { server, lines } = await started({ maxLineBytes: 1024 });
    try {
      const connection = await connect(server.socket);
      connection.write('x'.repeat(4096));
      await closed(connection);
      expect(refusals(lines).map((entry) => entry.message)).toEqual(['agent refused a request: a request too long']);
    } finally {
      await server.close();
    }
  });

  it('logs refused requests at most once per window, saying how many the line stands for', async () => {
    let now = Date.now();
    const { server, lines } = await started({ refusalLogWindowMs: 10_000 }, handlersWith(), () => now);
    try {
      const forged = (id: string) => sealRequest('x'.repeat(43), { id, at: now, channel: 'agent.hello', payload: {} });
      const flood = await connect(server.socket);
      const floodReplies = linesFrom(flood, 25);
      flood.write(Array.from({ length: 25 }, (_, i) => forged(`f${i}`)).join(''));
      expect(await floodReplies).toHaveLength(25);
      expect(refusals(lines).map((entry) => entry.refusedSinceLastLine)).toEqual([1]);
      flood.destroy();
      now += 10_001;
      const late = await connect(server.socket);
      const lateReply = linesFrom(late, 1);
      late.write(forged('late'));
      expect(await lateReply).toHaveLength(1);
      expect(refusals(lines).map((entry) => entry.refusedSinceLastLine)).toEqual([1, 25]);
      late.destroy();
    } finally {
      await server.close();
    }
  });
});
