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
  // The terminal says what the window says: no keychain, why, and how to get one on this platform.
  await expect.poll(() => child!.stdout()).toContain('Data:');
  const terminal = child.stdout();
  expect(terminal).toContain('Roledeck is running in your browser WITHOUT a keychain (none can be reached)');
  expect(terminal).not.toContain('with its services');
  expect(terminal).not.toMatch(/one-time/i);
  expect(terminal).toMatch(/\n {2}Fix: Install and unlock a Secret Service provider: GNOME Keyring .* KeePassXC .*dbus-run-session/);
  // A start without a keychain creates no data folder.
  expect(existsSync(path.join(runtimeDir, 'home'))).toBe(false);
  expect(terminal).toContain(`Data: ${path.join(runtimeDir, 'home')} (created when Roledeck first saves something)`);

  await page.goto(child.url);
  const status = page.getByTestId('keychain-status');
  await expect(status).toHaveAttribute('data-state', 'unavailable');
  await expect(status).toHaveText('Keychain unavailable');
  const banner = page.getByRole('alert').filter({ hasText: 'Your keychain is unavailable' });
  await expect(banner).toContainText('The OS keychain cannot be reached.');
  await expect(banner).toContainText('Nothing was written anywhere else.');
  await expect(banner.getByTestId('keychain-fix')).toContainText('Install and unlock a Secret Service provider: GNOME Keyring');
  await screenshot(page, 'keychain-unavailable');

  // Nothing that takes a secret can be started while no keychain can keep it; the reason is beside it.
  await page.goto(`${child.url}#/accounts`);
  const addUser = page.getByRole('button', { name: 'Add IAM user' });
  await expect(addUser).toHaveAttribute('aria-disabled', 'true');
  await expect(addUser).toHaveAccessibleDescription(/^Adding an IAM user or importing keys waits for the keychain\. Your keychain cannot be reached, so Roledeck cannot save a secret now\./);
  // A click (aria-disabled keeps it focusable and in the tab order) opens no form.
  await addUser.dispatchEvent('click');
  await expect(page.getByRole('dialog', { name: 'Add IAM user' })).toHaveCount(0);
  await screenshot(page, 'keychain-unavailable-accounts');
  expect(existsSync(path.join(runtimeDir, 'home'))).toBe(false);
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
  await expect.poll(() => child!.stdout()).toContain('Data:');
  expect(child.stdout()).toContain('Roledeck is running in your browser WITHOUT a keychain (it is locked)');
  expect(child.stdout()).toContain('  Fix: Unlock your login keyring');
  await page.goto(child.url);
  const status = page.getByTestId('keychain-status');
  await expect(status).toHaveAttribute('data-state', 'locked');
  await expect(status).toHaveText('Keychain locked');
  const banner = page.getByRole('alert').filter({ hasText: 'Your keychain is locked' });
  await expect(banner).toContainText('Your keychain is locked');
  await expect(banner).toContainText('Unlock it (log in again or open your keyring manager) and try again.');
  await screenshot(page, 'keychain-locked');

  await banner.getByRole('button', { name: 'Check again' }).click();
  await expect(status).toHaveAttribute('data-state', 'locked');
});
