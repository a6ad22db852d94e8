import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RUN_MARKER_ENV, findMarked, newRunMarker, sweepMarked, type ProcessInfo } from '../../tooling/process-sweep.mjs';

/**
 * The suite ends what it starts, however a tier ends: each starter owns its children (the keyring
 * session its bus and daemon, moto its parent's life), and the runner's sweep finds whatever still
 * carries the run's marker. Each test gives its children a marker of their own.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const KEYRING_SESSION = path.join(root, 'test/integration/fixtures/keyring-session.sh');

function envWith(marker: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [RUN_MARKER_ENV]: marker };
  // A fresh private session, not the one this tier already runs in.
  delete env.ROLEDECK_TEST_KEYRING;
  return env;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitFor(marker: string, command: string): Promise<ProcessInfo[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = findMarked(marker);
    if (found.some((info) => info.command === command)) return found;
    if (Date.now() > deadline) throw new Error(`${command} did not start: ${found.map((info) => info.command).join(', ')}`);
    await sleep(100);
  }
}

const names = (found: ProcessInfo[]) => found.map((info) => info.command);

describe('the suite cleans up after itself', () => {
  it('a keyring session whose command fails ends its bus, its keyring daemon and what the command left running', async () => {
    const marker = newRunMarker();
    const session = spawn('bash', [KEYRING_SESSION, 'bash', '-c', 'sleep 300 & exit 3'], { env: envWith(marker), stdio: 'ignore' });
    expect(await exited(session)).toBe(3);
    const sweep = await sweepMarked(marker, { graceMs: 3000 });
    expect(names(sweep.leftovers)).toEqual([]);
  });

  it('a keyring session stopped with SIGTERM mid-run leaves nothing behind', async () => {
    const marker = newRunMarker();
    const session = spawn('bash', [KEYRING_SESSION, 'sleep', '300'], { env: envWith(marker), stdio: 'ignore' });
    const running = await waitFor(marker, 'sleep');
    expect(names(running)).toEqual(expect.arrayContaining(['dbus-daemon', 'gnome-keyring-d']));
    session.kill('SIGTERM');
    expect(await exited(session)).toBe(143);
    const sweep = await sweepMarked(marker, { graceMs: 3000 });
    expect(names(sweep.leftovers)).toEqual([]);
  });

  it('moto dies with the process that started it, even when that process is killed with SIGKILL', async () => {
    const marker = newRunMarker();
    const starter = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'start-moto.script.ts')], {
      env: envWith(marker),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await waitFor(marker, 'moto_server');
    starter.kill('SIGKILL');
    await exited(starter);
    const sweep = await sweepMarked(marker, { graceMs: 5000 });
    expect(names(sweep.leftovers)).toEqual([]);
  });

  it('the sweep reports what a run left running, with its descendants, and ends it', async () => {
    const marker = newRunMarker();
    const orphan = spawn('bash', ['-c', 'sleep 300 & wait'], { env: envWith(marker), stdio: 'ignore', detached: true });
    orphan.unref();
    await waitFor(marker, 'sleep');
    const sweep = await sweepMarked(marker, { graceMs: 200 });
    expect(names(sweep.leftovers).sort()).toEqual(['bash', 'sleep']);
    expect(sweep.survivors).toEqual([]);
    expect(findMarked(marker)).toEqual([]);
  });
});
