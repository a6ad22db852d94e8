import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVE_COMMAND, startChildHost, type ChildHost } from '../host/child-host';
import { expect, screenshot, test } from '../fixtures';

/*
 * The keychain states other than "ready", produced for real: a host process with no Secret
 * Service on its bus, and a host in a private D-Bus session whose gnome-keyring collection is
 * locked. Each runs as a child process so the suite's own keyring session is never touched.
 */

function baseEnv(runtimeDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_DATA_HOME: path.join(runtimeDir, 'data'),
    ROLEDECK_HOME: path.join(runtimeDir, 'home'),
  };
  delete env['DISPLAY'];
  delete env['GNOME_KEYRING_CONTROL'];
  return env;
}

let runtimeDir = '';
let child: ChildHost | undefined;

test.beforeEach(async () => {
  runtimeDir = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-keychain-'));
});

test.afterEach(async () => {
  await child?.close();
  child = undefined;
  await rm(runtimeDir, { recursive: true, force: true });
});

test('with no Secret Service on the bus, the app says the keychain is unavailable and why', async ({ page }) => {
  child = await startChildHost(SERVE_COMMAND, {
    ...baseEnv(runtimeDir),
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(runtimeDir, 'no-such-bus')}`,
  });
  await page.goto(child.url);
  const status = page.getByTestId('keychain-status');
  await expect(status).toHaveAttribute('data-state', 'unavailable');
  await expect(status).toHaveText('Keychain unavailable');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Your keychain is unavailable');
  await expect(banner).toContainText('The OS keychain cannot be reached.');
  await expect(banner).toContainText('Nothing was written anywhere else.');
  await screenshot(page, 'keychain-unavailable');
});

test('with the keyring locked, the app says so and checks again on request', async ({ page }) => {
  test.skip(!existsSync('/usr/bin/gdbus'), 'gdbus (libglib2.0-bin) is needed to lock the keyring');
  test.skip(!existsSync('/usr/bin/gnome-keyring-daemon'), 'gnome-keyring is not installed');
  const script = [
    'set -e',
    'eval "$(printf %s "$ROLEDECK_E2E_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets --replace --daemonize)"',
    'export GNOME_KEYRING_CONTROL',
    `gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null`,
    'exec "$@"',
  ].join('\n');
  child = await startChildHost(['dbus-run-session', '--', 'bash', '-c', script, 'locked-keyring-host', ...SERVE_COMMAND], {
    ...baseEnv(runtimeDir),
    ROLEDECK_E2E_KEYRING_PASSWORD: randomBytes(16).toString('hex'),
  });
  await page.goto(child.url);
  const status = page.getByTestId('keychain-status');
  await expect(status).toHaveAttribute('data-state', 'locked');
  await expect(status).toHaveText('Keychain locked');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Your keychain is locked');
  await expect(banner).toContainText('Unlock it (log in again or open your keyring manager) and try again.');
  await screenshot(page, 'keychain-locked');

  await banner.getByRole('button', { name: 'Check again' }).click();
  await expect(status).toHaveAttribute('data-state', 'locked');
});
