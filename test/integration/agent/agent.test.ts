import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectAgent } from '../../../electron/node/agent/agent.client';
import { agentEndpointFile, readAgentEndpoint } from '../../../electron/node/agent/agent-endpoint';
import { exchange } from '../../../electron/node/agent/agent-exchange';
import { sealRequest } from '../../../electron/node/agent/agent-protocol';
import { startAgentServer, type AgentHandlers } from '../../../electron/node/agent/agent.server';
import { RoledeckError } from '../../../shared/contract/errors';
import { recordingLogger } from '../../fakes/recording.logger';
import { rawExchange, startFakeAgent } from './fake-agent';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const handlers: AgentHandlers = {
  'agent.hello': () => ({ app: 'roledeck', version: 'test', pid: process.pid }),
  'agent.credentials': ({ profile }) => {
    if (profile !== 'acme-prod') throw new RoledeckError('NOT_FOUND', `No profile named "${profile}".`);
    return { profileName: profile, accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: 'token', expiresAt: 1, region: 'eu-west-1' };
  },
  'agent.sessions': () => ({ activeProfileId: null, sessions: [] }),
};

const credentialsRequest = { profile: 'acme-prod', purpose: 'export' };
const newHome = () => mkdtempSync(path.join(tmpdir(), 'roledeck-agent-'));

describe('CLI agent socket', () => {
  it('answers the CLI through the owner-only socket and token file', async () => {
    const home = newHome();
    const server = await startAgentServer({ home, handlers, logger: recordingLogger().logger });
    try {
      expect(statSync(server.socket).mode & 0o777).toBe(0o600);
      expect(statSync(agentEndpointFile(home)).mode & 0o777).toBe(0o600);
      const client = await connectAgent(home);
      expect(client).not.toBeNull();
      expect(await client!.call('agent.credentials', { profile: 'acme-prod', purpose: 'export' })).toMatchObject({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET });
      await expect(client!.call('agent.credentials', { profile: 'nobody', purpose: 'export' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await server.close();
    }
    expect(await readAgentEndpoint(home)).toBeNull();
    expect(await connectAgent(home)).toBeNull();
  });

  it('refuses a request without the proof, with a wrong one, in the old format, outside its contract, or used twice', async () => {
    const home = newHome();
    const server = await startAgentServer({ home, handlers, logger: recordingLogger().logger });
    try {
      const { token } = (await readAgentEndpoint(home))!;
      const at = Date.now();
      const send = (line: string) => rawExchange(server.socket, line);
      const body = (reply: string) => JSON.parse((JSON.parse(reply) as { body: string }).body) as { result: { ok: boolean; error?: { code: string } } };

      const wrongToken = await send(sealRequest('x'.repeat(43), { id: 'a', at, channel: 'agent.credentials', payload: credentialsRequest }));
      const noProof = await send(`${JSON.stringify({ v: 2, body: JSON.stringify({ id: 'b', at, channel: 'agent.credentials', payload: credentialsRequest }) })}\n`);
      // A CLI from before the handshake sent the raw token: it is refused, whatever it holds.
      const oldFormat = await send(`${JSON.stringify({ id: 3, token, channel: 'agent.credentials', payload: credentialsRequest })}\n`);
      for (const reply of [wrongToken, noProof]) {
        expect(body(reply).result.error?.code).toBe('FORBIDDEN_SENDER');
        expect(reply).not.toContain(SECRET);
      }
      expect((JSON.parse(oldFormat) as { result: { error: { code: string } } }).result.error.code).toBe('FORBIDDEN_SENDER');
      expect(oldFormat).not.toContain(SECRET);

      expect(body(await send(sealRequest(token, { id: 'c', at, channel: 'profiles.list', payload: {} }))).result.error?.code).toBe('UNKNOWN_CHANNEL');
      expect(body(await send(sealRequest(token, { id: 'd', at, channel: 'agent.credentials', payload: { profile: 'acme prod', purpose: 'export' } }))).result.error?.code).toBe(
        'INVALID_REQUEST',
      );
      expect(body(await send('hello\n')).result.error?.code).toBe('INVALID_REQUEST');

      // The same proven line twice: a replay, answered once.
      const line = sealRequest(token, { id: 'e', at, channel: 'agent.credentials', payload: credentialsRequest });
      expect(body(await send(line)).result.ok).toBe(true);
      expect(body(await send(line)).result.error?.code).toBe('FORBIDDEN_SENDER');
    } finally {
      await server.close();
    }
  });

  it('is not trusted by the CLI when it cannot prove the token: nothing is used, and the CLI is told why', async () => {
    const home = newHome();
    const fake = await startFakeAgent(home, (line) => {
      const { body } = JSON.parse(line) as { body: string };
      const { id } = JSON.parse(body) as { id: string };
      // Knows the protocol, not the token: hands out credentials of its choosing.
      const reply = JSON.stringify({ id, result: { ok: true, value: { app: 'roledeck', version: 'evil', pid: 1 } } });
      return `${JSON.stringify({ body: reply, proof: 'A'.repeat(43) })}\n`;
    });
    try {
      const reasons: string[] = [];
      expect(await connectAgent(home, { onUntrusted: (why) => reasons.push(why) })).toBeNull();
      expect(reasons).toEqual(['it could not prove it is the Roledeck app']);
      // What the fake received proves nothing it could replay elsewhere, and never the token.
      const { token } = (await readAgentEndpoint(home))!;
      expect(fake.received.join('\n')).not.toContain(token);
    } finally {
      await fake.close();
    }
  });

  it('talks to no socket that belongs to another user', async () => {
    const home = newHome();
    const server = await startAgentServer({ home, handlers, logger: recordingLogger().logger });
    try {
      const endpoint = (await readAgentEndpoint(home))!;
      const otherUser = statSync(server.socket).uid + 1;
      expect(await exchange(endpoint, 'agent.hello', {}, { ownerUid: otherUser })).toEqual({ kind: 'untrusted', why: 'its socket belongs to another user' });
      expect((await exchange(endpoint, 'agent.hello', {})).kind).toBe('answered');
      const notASocket = path.join(home, 'plain-file');
      writeFileSync(notASocket, '');
      expect(await exchange({ ...endpoint, socket: notASocket }, 'agent.hello', {})).toEqual({ kind: 'untrusted', why: 'its socket path is not a socket' });
      expect(await exchange({ ...endpoint, socket: path.join(home, 'gone.sock') }, 'agent.hello', {})).toEqual({ kind: 'absent' });
    } finally {
      await server.close();
    }
  });

  it('guards the client against an answer that never ends or is not JSON', async () => {
    const home = newHome();
    const endless = await startFakeAgent(home, () => 'x'.repeat(200_000));
    try {
      const endpoint = (await readAgentEndpoint(home))!;
      expect(await exchange(endpoint, 'agent.hello', {})).toEqual({ kind: 'untrusted', why: 'its answer is far too long' });
    } finally {
      await endless.close();
    }
    const garbage = await startFakeAgent(home, () => '{not json\n');
    try {
      const endpoint = (await readAgentEndpoint(home))!;
      expect(await exchange(endpoint, 'agent.hello', {})).toEqual({ kind: 'untrusted', why: 'it sent an answer that is not in the agent format' });
    } finally {
      await garbage.close();
    }
  });

  it('gives up on a socket that never answers once the request timeout has passed', async () => {
    const home = newHome();
    const silent = await startFakeAgent(home, () => null);
    try {
      const endpoint = (await readAgentEndpoint(home))!;
      expect(await exchange(endpoint, 'agent.hello', {}, { timeoutMs: 300 })).toEqual({ kind: 'timeout' });
    } finally {
      await silent.close();
    }
  });

  it('answers the CLI of a data folder whose socket path is too long for the folder, from a private runtime folder', async () => {
    const home = path.join(newHome(), 'a'.repeat(120));
    const server = await startAgentServer({ home, handlers, logger: recordingLogger().logger });
    try {
      expect(path.dirname(server.socket)).not.toBe(home);
      expect(statSync(path.dirname(server.socket)).mode & 0o077).toBe(0);
      expect((await connectAgent(home)) !== null).toBe(true);
    } finally {
      await server.close();
    }
  });
});
