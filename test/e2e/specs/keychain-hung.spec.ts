import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVE_COMMAND, startChildHost, type ChildHost } from '../host/child-host';
import { expect, screenshot, test } from '../fixtures';

/*
 * A keyring daemon that stops answering (SIGSTOP: it keeps its name on the bus, calls to it wait),
 * in a private D-Bus session of a child host so the suite's own keyring is never touched. The app
 * must say so within a bounded time, not spin, and come back once the daemon answers again.
 */

let runtimeDir = '';
let child: ChildHost | undefined;
let keyringPid = 0;

test.beforeEach(async () => {
  runtimeDir = await mkdtemp(path.join(tmpdir(), 'roledeck-e2e-keychain-hung-'));
});

test.afterEach(async () => {
  if (keyringPid > 0) process.kill(keyringPid, 'SIGCONT');
  keyringPid = 0;
  await child?.close();
  child = undefined;
  await rm(runtimeDir, { recursive: true, force: true });
});

test('a keyring daemon that stops answering: the app says the keychain did not answer, then recovers on "Check again"', async ({ page }) => {
  const pidFile = path.join(runtimeDir, 'keyring.pid');
  const script = [
    'set -e',
    'eval "$(printf %s "$ROLEDECK_E2E_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets --replace --daemonize)"',
    'export GNOME_KEYRING_CONTROL',
    // The daemon takes the Secret Service name a moment after --daemonize returns: wait for it.
    'for _ in $(seq 50); do',
    `  owner="$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets 2>/dev/null || true)"`,
    '  case "$owner" in *uint32*) break ;; esac',
    '  sleep 0.05',
    'done',
    `printf %s "$owner" | sed -n "s/.*uint32 \\([0-9]*\\).*/\\1/p" > "$ROLEDECK_E2E_PID_FILE"`,
    'exec "$@"',
  ].join('\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_DATA_HOME: path.join(runtimeDir, 'data'),
    ROLEDECK_HOME: path.join(runtimeDir, 'home'),
    ROLEDECK_E2E_KEYRING_PASSWORD: randomBytes(16).toString('hex'),
    ROLEDECK_E2E_PID_FILE: pidFile,
  };
  delete env['DISPLAY'];
  delete env['GNOME_KEYRING_CONTROL'];
  child = await startChildHost(['dbus-run-session', '--', 'bash', '-c', script, 'hung-keyring-host', ...SERVE_COMMAND], env);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  expect(pid).toBeGreaterThan(0);
  process.kill(pid, 'SIGSTOP');
  keyringPid = pid;

  const started = Date.now();
  await page.goto(child.url);
  const status = page.getByTestId('keychain-status');
  await expect(status).toHaveAttribute('data-state', 'unavailable', { timeout: 15_000 });
  const waited = Date.now() - started;
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Your keychain is unavailable');
  await expect(banner).toContainText('The OS keychain did not answer');
  await expect(banner).toContainText('Check your keyring service (GNOME Keyring, KeePassXC or KWallet), or restart it, and try again.');
  await expect(banner).not.toContainText('locked');
  // Not the general "install a Secret Service provider" advice: one is installed, it is stuck.
  await expect(banner.getByTestId('keychain-fix')).toHaveCount(0);
  expect(waited).toBeLessThan(15_000);
  await screenshot(page, 'keychain-not-answering');

  process.kill(pid, 'SIGCONT');
  keyringPid = 0;
  await banner.getByRole('button', { name: 'Check again' }).click();
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
