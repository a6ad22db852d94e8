import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withLockFile } from '../../../../../electron/node/store/lock-file';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { recordingLogger } from '../../../../fakes/recording.logger';

let dir: string;
let lock: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roledeck-lock-'));
  lock = path.join(dir, 'profiles.rdk.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

const holder = (pid: number, at: number) => JSON.stringify({ pid, host: hostname(), at, token: 'someone-else' });

describe('cross-process lock file', () => {
  it('runs the work and removes the lock, also when the work fails', async () => {
    expect(await withLockFile(lock, async () => (await readdir(dir)).length)).toBe(1);
    expect(await readdir(dir)).toEqual([]);
    await expect(withLockFile(lock, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });

  it('runs work one holder at a time', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withLockFile(lock, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('takes over a lock whose holder has exited, and logs it', async () => {
    await writeFile(lock, holder(deadPid(), Date.now()));
    const { logger, lines } = recordingLogger();
    expect(await withLockFile(lock, async () => 'ran', { timeoutMs: 2_000, logger })).toBe('ran');
    expect(lines.join('\n')).toMatch(/took over a stale profile store lock/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock held too long by a running process', async () => {
    await writeFile(lock, holder(process.pid, Date.now() - 60_000));
    expect(await withLockFile(lock, async () => 'ran', { timeoutMs: 2_000, staleMs: 30_000 })).toBe('ran');
  });

  it('takes over an empty lock left by a process killed while creating it', async () => {
    await writeFile(lock, '');
    const past = new Date(Date.now() - 5_000);
    await utimes(lock, past, past);
    expect(await withLockFile(lock, async () => 'ran', { timeoutMs: 2_000 })).toBe('ran');
  });

  it('holds its owner while the work runs, and leaves no draft of itself behind', async () => {
    const seen = await withLockFile(lock, async () => JSON.parse(await readFile(lock, 'utf8')) as { pid: number });
    expect(seen.pid).toBe(process.pid);
    expect(await readdir(dir)).toEqual([]);
  });

  it('clears lock drafts left by processes killed while taking it, and keeps those of running ones', async () => {
    const dead = `profiles.rdk.lock.tmp-${deadPid()}-0123456789ab`;
    const running = `profiles.rdk.lock.tmp-${process.ppid}-0123456789ab`;
    await writeFile(path.join(dir, dead), holder(1, Date.now()));
    await writeFile(path.join(dir, running), holder(process.ppid, Date.now()));
    await withLockFile(lock, async () => undefined);
    expect(await readdir(dir)).toEqual([running]);
  });

  it('gives up with CONFLICT, naming the holder and the lock, while a live holder keeps it', async () => {
    await writeFile(lock, holder(process.pid, Date.now()));
    const error = await withLockFile(lock, async () => 'ran', { timeoutMs: 150 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RoledeckError);
    expect((error as RoledeckError).code).toBe('CONFLICT');
    expect((error as RoledeckError).message).toContain(`pid ${process.pid}`);
    expect((error as RoledeckError).message).toContain(lock);
    expect(await readdir(dir)).toEqual(['profiles.rdk.lock']);
  });

  it('does not remove a lock that another process took over meanwhile', async () => {
    await withLockFile(lock, async () => {
      await writeFile(lock, holder(process.pid, Date.now()));
    });
    expect(await readdir(dir)).toEqual(['profiles.rdk.lock']);
  });
});
