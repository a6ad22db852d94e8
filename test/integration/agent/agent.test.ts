import { mkdtempSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectAgent } from '../../../electron/node/agent/agent.client';
import { agentEndpointFile, readAgentEndpoint } from '../../../electron/node/agent/agent-endpoint';
import { startAgentServer, type AgentHandlers } from '../../../electron/node/agent/agent.server';
import { RoledeckError } from '../../../shared/contract/errors';
import { recordingLogger } from '../../fakes/recording.logger';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const handlers: AgentHandlers = {
  'agent.hello': () => ({ app: 'roledeck', version: 'test', pid: process.pid }),
  'agent.credentials': ({ profile }) => {
    if (profile !== 'acme-prod') throw new RoledeckError('NOT_FOUND', `No profile named "${profile}".`);
    return { profileName: profile, accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: 'token', expiresAt: 1, region: 'eu-west-1' };
  },
  'agent.sessions': () => ({ activeProfileId: null, sessions: [] }),
};

function rawRequest(socket: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket, () => connection.write(line));
    let data = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      data += chunk;
      if (data.includes('\n')) {
        connection.end();
        resolve(data);
      }
    });
    connection.on('error', reject);
  });
}

describe('CLI agent socket', () => {
  it('answers the CLI through the owner-only socket and token file', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'roledeck-agent-'));
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

  it('refuses a request without the token, with a wrong one, or outside its contract', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'roledeck-agent-'));
    const server = await startAgentServer({ home, handlers, logger: recordingLogger().logger });
    try {
      const endpoint = (await readAgentEndpoint(home))!;
      const noToken = await rawRequest(server.socket, `${JSON.stringify({ id: 1, channel: 'agent.credentials', payload: { profile: 'acme-prod', purpose: 'export' } })}\n`);
      const wrongToken = await rawRequest(server.socket, `${JSON.stringify({ id: 2, token: 'x'.repeat(43), channel: 'agent.credentials', payload: { profile: 'acme-prod', purpose: 'export' } })}\n`);
      for (const reply of [noToken, wrongToken]) {
        expect(JSON.parse(reply).result.error.code).toBe('FORBIDDEN_SENDER');
        expect(reply).not.toContain(SECRET);
      }
      const unknown = await rawRequest(server.socket, `${JSON.stringify({ id: 3, token: endpoint.token, channel: 'profiles.list', payload: {} })}\n`);
      expect(JSON.parse(unknown).result.error.code).toBe('UNKNOWN_CHANNEL');
      const invalid = await rawRequest(server.socket, `${JSON.stringify({ id: 4, token: endpoint.token, channel: 'agent.credentials', payload: { profile: 'acme prod', purpose: 'export' } })}\n`);
      expect(JSON.parse(invalid).result.error.code).toBe('INVALID_REQUEST');
      const notJson = await rawRequest(server.socket, 'hello\n');
      expect(JSON.parse(notJson).result.error.code).toBe('INVALID_REQUEST');
    } finally {
      await server.close();
    }
  });
});
