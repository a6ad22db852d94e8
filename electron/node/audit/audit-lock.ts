import { fsModule, isErrno, joinPath, LOCK_FILE } from './audit-files';

/**
 * The audit log's own cross-process lock (the app, every CLI and every credential_process call
 * append): each append reads the last line's hash and writes the next line, and two appenders
 * doing that at once would both chain to the same line. A file created with O_EXCL holding the
 * owner's pid. Not the store's lock-file.ts: that one loads the error contract (zod), which the
 * quick path cannot afford; the critical section here is a few syscalls, so waits are short.
 */
const WAIT_MS = 3_000;
const STALE_MS = 2_000;
/** An empty or unreadable lock (not one this code makes: its locks are linked with their token in them). */
const EMPTY_STALE_MS = 250;

interface SeenLock {
  text: string;
  age: number;
}

/** The lock's content and age; null when it is gone (released since the failed create). */
function readLock(lock: string): SeenLock | null {
  const fs = fsModule();
  try {
    return { text: fs.readFileSync(lock, 'utf8'), age: Date.now() - fs.statSync(lock).mtimeMs };
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Whether no process has this pid (EPERM: it exists under another user; only ESRCH says it is gone). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return isErrno(error, 'ESRCH');
  }
}

function isStale({ text, age }: SeenLock): boolean {
  if (age > STALE_MS) return true;
  const pid = Number(text.split(':')[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return age > EMPTY_STALE_MS;
  return isGone(pid);
}

/** A lock's own file (`audit.lock.<pid>-<random>`) or one renamed aside by a take-over (`….aside`). */
const LEFTOVER = /^audit\.lock\.(\d+)-[a-z0-9]+(\.aside)?$/;
/** Both live for a few syscalls; one this old was left by a process killed in between. */
const LEFTOVER_MS = 60_000;

/**
 * Removes the files a writer killed inside createLock or takeOver left behind: those of a process
 * that is gone, or older than any live one could be. Not on every append (a directory read shows
 * on the quick path): on the rare paths, a take-over, a rotation and a verify.
 */
export function sweepLockLeftovers(dir: string): void {
  const fs = fsModule();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  for (const name of names) {
    const match = LEFTOVER.exec(name);
    if (!match) continue;
    const file = joinPath(dir, name);
    let age: number;
    try {
      age = Date.now() - fs.statSync(file).mtimeMs;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) continue;
      throw error;
    }
    if (age > LEFTOVER_MS || isGone(Number(match[1]))) unlinkIfPresent(file);
  }
}

/**
 * Removes a stale lock, and only that one. A plain unlink could remove a lock another waiter took
 * between our read and the unlink (two waiters both see the dead owner; the first replaces the
 * lock, the second would delete the replacement and both would append at once, forking the
 * chain). So the lock is first renamed aside, which only one waiter can do to one file, and
 * checked: if it is not the stale lock we read, it goes back where it was.
 */
function takeOver(lock: string, stale: SeenLock, token: string): void {
  const fs = fsModule();
  const aside = `${lock}.${token.replace(':', '-')}.aside`;
  try {
    fs.renameSync(lock, aside);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  let moved = '';
  try {
    moved = fs.readFileSync(aside, 'utf8');
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  if (moved !== stale.text) {
    try {
      fs.linkSync(aside, lock);
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
  }
  unlinkIfPresent(aside);
}

export async function withAuditLock<T>(dir: string, work: () => T): Promise<T> {
  const lock = joinPath(dir, LOCK_FILE);
  // pid (for the liveness check) and a random part, so a release removes only its own lock.
  const token = `${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      createLock(dir, lock, token);
      break;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const seen = readLock(lock);
    // Released since the create failed: try again at once, and remove nothing.
    if (seen === null) continue;
    if (isStale(seen)) {
      takeOver(lock, seen, token);
      sweepLockLeftovers(dir);
      continue;
    }
    if (Date.now() > deadline) throw new Error('The audit log is locked by another Roledeck process that does not finish; try again.');
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  try {
    return work();
  } finally {
    releaseIfOurs(lock, token);
  }
}

/** Removes the lock if it is still ours (a lock taken over as stale belongs to its new owner). */
function releaseIfOurs(lock: string, token: string): void {
  try {
    if (fsModule().readFileSync(lock, 'utf8') === token) unlinkIfPresent(lock);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

/**
 * The lock file, created with its token already in it: the token goes into a file of this
 * process's own, which is then hard-linked as the lock (link fails with EEXIST when the lock
 * exists). A lock is never seen empty, so a waiter cannot mistake a lock just created for one
 * whose owner died before writing it. The folder is made on first use only (one syscall less per
 * append).
 */
function createLock(dir: string, lock: string, token: string): void {
  const fs = fsModule();
  const own = `${lock}.${token.replace(':', '-')}`;
  try {
    fs.writeFileSync(own, token, { mode: 0o600 });
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(own, token, { mode: 0o600 });
  }
  try {
    fs.linkSync(own, lock);
  } finally {
    unlinkIfPresent(own);
  }
}

/** unlink, not rmSync: rmSync stats first, and every syscall shows on the quick path. */
function unlinkIfPresent(file: string): void {
  try {
    fsModule().unlinkSync(file);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}
