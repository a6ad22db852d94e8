/**
 * `roledeck list` and the app agree on which sessions are live, including an IAM user used with its
 * long-term keys (nothing cached in the keychain for it): the built CLI, moto and the real keychain
 * against the app's own services over the same data folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { createRouter } from '../../../electron/node/app/services';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createUserWithKey } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';

describe('roledeck list and the app agree on live sessions', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();

  it('an IAM user the app started with its keys is live in `roledeck list` too, and ended in both', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'roledeck-list-'));
    const ports = createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: process.platform, runtime: { kind: 'node', version: process.versions.node } } });
    const { services } = createRouter(ports);
    try {
      const user = await createUserWithKey('consultant');
      const view = await services.profiles.addUser({ name: 'consultant', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
      await services.sessions.start(view.id);
      const tested = await services.sessions.testAccess(view.id);
      expect(tested.ok).toBe(true);
      const app = await services.sessions.list();
      expect(app.sessions).toEqual([expect.objectContaining({ profileName: 'consultant', kind: 'user-keys', state: 'active', arn: 'arn:aws:iam::123456789012:user/consultant' })]);

      const env = { ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1' };
      const table = await runCli(['list'], { env });
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/consultant\s+user\s+\S+\s+active\n/);
      const json = JSON.parse((await runCli(['list', '--json'], { env })).stdout) as { profiles: Array<{ name: string; session: { kind: string; state: string; arn?: string } | null }> };
      expect(json.profiles.find((entry) => entry.name === 'consultant')?.session).toMatchObject({ kind: 'user-keys', state: 'active', arn: 'arn:aws:iam::123456789012:user/consultant' });

      await services.sessions.end(view.id);
      expect((await runCli(['list'], { env })).stdout).toMatch(/consultant\s+user\s+\S+\s+—\n/);
    } finally {
      services.refresh.stop();
    }
  });
});
