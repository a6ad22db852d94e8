import { randomUUID } from 'node:crypto';
import { link, open, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RoledeckError } from '../../../shared/contract/errors';
import type { Logger } from '../../../shared/ports/logger';
import { removeLeftoverTemps, tempNameFor } from './atomic-file';

/**
 * A cross-process lock: a file created with O_EXCL holding who took it and when. Works the same
 * on every OS and filesystem Node runs on, with no native module (flock is not portable).
 */
export interface LockFileOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its holder still runs (a hung process). */
  staleMs?: number;
  logger?: Logger;
}

interface LockOwner {
  pid: number;
  host: string;
  at: number;
  token: string;
}

const TAKEOVER_STALE_MS = 5_000;

function isErrno(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * Creates the lock with its owner already in it: the owner is written to a temp file that is then
 * hard-linked to the lock's name, which fails if the lock exists. Another process never sees an
 * empty lock (which it would have to wait out before daring to take it over), and a process killed
 * while taking the lock leaves either no lock or one naming a dead pid, taken over at once.
 */
async function createExclusive(lockPath: string, owner: LockOwner): Promise<boolean> {
  const draft = tempNameFor(lockPath);
  await writeFile(draft, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
  try {
    await link(draft, lockPath);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    // Filesystems without hard links (FAT, some network shares): create, then write.
    if (isErrno(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK')) return createThenWrite(lockPath, owner);
    throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function createThenWrite(lockPath: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx', 0o600);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

/** The lock's content; null if it vanished, or is empty or garbled (a holder mid-write or killed). */
async function readOwner(path: string): Promise<{ text: string; owner: Partial<LockOwner> | null } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  try {
    return { text, owner: JSON.parse(text) as Partial<LockOwner> };
  } catch {
    return { text, owner: null };
  }
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return isErrno(error, 'ESRCH');
  }
}

/** Why the lock may be taken over, or null while its holder may still be working. */
function staleReason(owner: Partial<LockOwner> | null, fileAgeMs: number, staleMs: number): string | null {
  if (!owner || typeof owner.at !== 'number' || typeof owner.pid !== 'number') {
    // A holder writes its content right after creating the file: give it a moment, then treat
    // an empty or garbled lock as left by a process killed in between.
    return fileAgeMs > 1_000 ? 'its content is unreadable' : null;
  }
  // A pid only means something on the machine that wrote it (a home on a network share).
  if (owner.host === hostname() && processIsGone(owner.pid)) return `its holder (pid ${owner.pid}) has exited`;
  const age = Date.now() - owner.at;
  if (age > staleMs) return `it is ${Math.round(age / 1000)} s old`;
  return null;
}

async function fileAgeMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

/**
 * Removes a stale lock; true if it is gone. Two waiters can judge the same lock stale at once;
 * if both simply deleted it, the second could delete the lock the first had just taken. So the
 * removal runs under a second, short-lived lock and only if the lock still holds what was judged
 * stale.
 */
async function takeOver(path: string, staleText: string, reason: string, logger?: Logger): Promise<boolean> {
  const guard = `${path}.takeover`;
  const me: LockOwner = { pid: process.pid, host: hostname(), at: Date.now(), token: randomUUID() };
  if (!(await createExclusive(guard, me))) {
    // The guard is held for microseconds; one left behind by a killed process is cleared here.
    const held = await readOwner(guard);
    if (held && staleReason(held.owner, await fileAgeMs(guard), TAKEOVER_STALE_MS)) await unlinkIfPresent(guard);
    return false;
  }
  try {
    const current = await readOwner(path);
    if (current?.text !== staleText) return current === null;
    await unlinkIfPresent(path);
    logger?.warn('took over a stale profile store lock', { lock: path, reason });
    return true;
  } finally {
    await unlinkIfPresent(guard);
  }
}

/** Runs `work` while holding the lock at `path`; the lock is released however `work` ends. */
export async function withLockFile<T>(path: string, work: () => Promise<T>, options: LockFileOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const me: LockOwner = { pid: process.pid, host: hostname(), at: Date.now(), token: randomUUID() };
  const started = Date.now();
  let delay = 2;
  for (;;) {
    me.at = Date.now();
    if (await createExclusive(path, me)) break;
    const held = await readOwner(path);
    if (!held) continue; // released between our attempt and the read
    const reason = staleReason(held.owner, await fileAgeMs(path), staleMs);
    if (reason && (await takeOver(path, held.text, reason, options.logger))) continue;
    if (Date.now() - started > timeoutMs) {
      const holder = typeof held.owner?.pid === 'number' ? ` (pid ${held.owner.pid})` : '';
      throw new RoledeckError(
        'CONFLICT',
        `Another Roledeck process${holder} is still changing your profiles after ${Math.round(timeoutMs / 1000)} s. ` +
          `Try again; if no Roledeck app or command is running, delete ${path}.`,
      );
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
  // Drafts of this lock (and of its takeover guard) left by processes killed while taking it.
  await removeLeftoverTemps(dirname(path), basename(path));
  try {
    return await work();
  } finally {
    // Release only our own lock: if we were so slow that someone took it over, it is theirs now.
    const current = await readOwner(path).catch(() => null);
    if (current?.owner?.token === me.token) await unlinkIfPresent(path);
  }
}
