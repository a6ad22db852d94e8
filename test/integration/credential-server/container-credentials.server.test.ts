import { execFile } from 'node:child_process';
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
});
