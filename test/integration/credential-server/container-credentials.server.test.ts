import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startContainerCredentialsServer } from '../../../electron/node/credential-server/container-credentials.server';
import { SdkStsGateway } from '../../../electron/node/aws/sts.gateway';
import { locateAwsCli } from '../fixtures/aws-cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { motoEndpoint, useMoto } from '../fixtures/moto';
import { recordingLogger } from '../../fakes/recording.logger';

const run = promisify(execFile);

describe('container credentials server', () => {
  useMoto();

  it('serves a role session to the real aws CLI, which acts as the role', async () => {
    const user = await createUserWithKey('consultant');
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn));
    const sts = new SdkStsGateway();
    const role = await sts.assumeRole(user.credentials, 'us-east-1', { roleArn, roleSessionName: 'long-run' });
    let calls = 0;
    const server = await startContainerCredentialsServer(async () => {
      calls += 1;
      return role;
    }, recordingLogger().logger);
    try {
      const cli = locateAwsCli();
      const { stdout } = await run(cli.path, ['sts', 'get-caller-identity', '--endpoint-url', motoEndpoint(), '--output', 'json'], {
        env: { PATH: process.env.PATH, HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_DEFAULT_REGION: 'us-east-1', ...server.env },
      });
      expect(JSON.parse(stdout).Arn).toMatch(/assumed-role\/ExampleRoleName\/long-run$/);
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('refuses a request without the token, or with a wrong one, and answers nothing else', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const server = await startContainerCredentialsServer(async () => ({ accessKeyId: 'ASIAX', secretAccessKey: secret }), recordingLogger().logger);
    try {
      const url = server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
      const none = await fetch(url);
      const wrong = await fetch(url, { headers: { Authorization: 'guess' } });
      const otherPath = await fetch(`http://127.0.0.1:${server.port}/`, { headers: { Authorization: server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } });
      expect([none.status, wrong.status, otherPath.status]).toEqual([401, 401, 404]);
      for (const response of [none, wrong, otherPath]) expect(await response.text()).not.toContain(secret);
      const right = await fetch(url, { headers: { Authorization: server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } });
      expect(await right.json()).toEqual({ AccessKeyId: 'ASIAX', SecretAccessKey: secret });
      expect(server.served()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('refuses a request whose Host header is not the loopback address and port it serves', async () => {
    const server = await startContainerCredentialsServer(async () => ({ accessKeyId: 'ASIAX', secretAccessKey: 'never-served' }), recordingLogger().logger);
    try {
      const url = new URL(server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
      const get = (host: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const call = request(
            { host: '127.0.0.1', port: server.port, path: url.pathname, headers: { Host: host, Authorization: server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } },
            (response) => {
              let body = '';
              response.on('data', (chunk: Buffer) => (body += chunk.toString()));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
            },
          );
          call.on('error', reject);
          call.end();
        });
      // A DNS-rebinding page sends its own name; a scanner may send another port.
      for (const host of ['evil.example:80', `localhost:${server.port}`, '127.0.0.1:1']) {
        const answer = await get(host);
        expect(answer.status).toBe(421);
        expect(answer.body).not.toContain('never-served');
      }
      expect((await get(`127.0.0.1:${server.port}`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers a failure with a generic sentence and keeps the redacted detail in the log', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const log = recordingLogger();
    const server = await startContainerCredentialsServer(async () => {
      throw new Error(`keychain item acme-prod unreadable near ${secret}`);
    }, log.logger);
    try {
      const response = await fetch(server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { Authorization: server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } });
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(body).toContain('Roledeck could not provide credentials');
      expect(body).not.toContain('acme-prod');
      expect(log.lines.join('')).toContain('acme-prod');
      expect(log.lines.join('')).not.toContain(secret);
    } finally {
      await server.close();
    }
  });

  it('writes one log line per ten seconds for a flood of refused tokens, with the count', async () => {
    let clock = 1_000_000;
    const log = recordingLogger();
    const server = await startContainerCredentialsServer(async () => ({ accessKeyId: 'ASIAX', secretAccessKey: 'x' }), log.logger, () => clock);
    try {
      const url = server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
      for (let i = 0; i < 50; i += 1) expect((await fetch(url, { headers: { Authorization: `guess-${i}` } })).status).toBe(401);
      expect(log.lines).toHaveLength(1);
      clock += 10_000;
      expect((await fetch(url)).status).toBe(401);
      expect(log.lines).toHaveLength(2);
      expect(JSON.parse(log.lines[1] ?? '{}').refusedSinceLastLine).toBe(50);
    } finally {
      await server.close();
    }
  });
});
