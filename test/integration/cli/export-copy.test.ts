/**
 * `roledeck export --copy` against a real X clipboard: the built CLI, moto, the real keychain, an
 * Xvfb display read with xclip. The copy is proved by reading the clipboard, the clear by reading
 * it again after the delay, and the "still ours" rule by copying something else in between.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { createRouter } from '../../../electron/node/app/services';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, useMoto } from '../fixtures/moto';
import { startXDisplay, waitForClipboard, type XDisplay } from '../fixtures/x-display';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
let home: string;
let x: XDisplay;

const env = (extra: NodeJS.ProcessEnv = {}) => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1', DISPLAY: x.display, ...extra });

async function setupProfiles(): Promise<void> {
  const user = await createUserWithKey('consultant', ASSUME_ANY);
  const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
  expect((await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], { env: env(), input: `${user.credentials.secretAccessKey}\n` })).code).toBe(0);
  expect((await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--role-arn', roleArn, '--external-id', 'ext-1234'], { env: env() })).code).toBe(0);
}

/** Settings → Clipboard, as the app saves it (the CLI reads the same store). */
async function setClearSeconds(seconds: number): Promise<void> {
  const ports = createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: process.platform, runtime: { kind: 'node', version: process.versions.node } } });
  const { router, services } = createRouter(ports);
  const result = await router.dispatch('settings.update', { clipboardClearSeconds: seconds }, { transport: 'direct' });
  services.refresh.stop();
  expect(result.ok).toBe(true);
}

describe('roledeck export --copy (built CLI, moto, keychain, a real X clipboard)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
    x = await startXDisplay();
  });
  afterAll(async () => {
    await x?.stop();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-copy-'));
  });

  it('puts the export on the clipboard instead of stdout, says when it clears, and a detached clearer empties it after the delay', async () => {
    await setupProfiles();
    await setClearSeconds(3);
    await x.copy('before');
    const copied = await runCli(['export', 'acme-prod', '--format', 'bash', '--copy'], { env: env() });
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toBe('');
    expect(copied.stderr).toMatch(/^Copied for bash — clears from the clipboard at \d{1,2}:\d{2}.*\. The credentials work until /);
    const onClipboard = await x.readClipboard();
    expect(onClipboard).toContain('unset AWS_PROFILE');
    expect(onClipboard).toMatch(/export AWS_SESSION_TOKEN='[^']{20,}'/);
    // The secret never appears on the CLI's own output, only on the clipboard.
    const secret = /export AWS_SECRET_ACCESS_KEY='([^']+)'/.exec(onClipboard)?.[1] ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect(copied.stderr).not.toContain(secret);

    // The CLI has exited; its clearer has not.
    const after = await waitForClipboard(() => x.readClipboard(), (text) => text === '', 15_000);
    expect(after).toBe('');
  });

  it('leaves something the user copied since alone', async () => {
    await setupProfiles();
    await setClearSeconds(2);
    const copied = await runCli(['export', 'acme-prod', '--format', 'fish', '--copy'], { env: env() });
    expect(copied.code, copied.stderr).toBe(0);
    expect(await x.readClipboard()).toContain('set -gx AWS_SESSION_TOKEN');
    await x.copy('my own notes');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await x.readClipboard()).toBe('my own notes');
  });

  it('with clearing off (0 s) the copy stays and no clearer is started', async () => {
    await setupProfiles();
    await setClearSeconds(0);
    const copied = await runCli(['export', 'acme-prod', '--format', 'dotenv', '--copy'], { env: env() });
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stderr).toContain('Copied as .env — stays on the clipboard until you copy something else.');
    expect(await x.readClipboard()).toContain('AWS_SESSION_TOKEN=');
  });

  it('without a display it copies nothing, prints nothing secret, and says why', async () => {
    await setupProfiles();
    const result = await runCli(['export', 'acme-prod', '--copy'], { env: { ...env(), DISPLAY: '', WAYLAND_DISPLAY: '' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'roledeck: No clipboard could be reached: this session has no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set), so it has no clipboard. Without --copy, roledeck export prints the export for you to redirect or copy.\n',
    );
  });
});
