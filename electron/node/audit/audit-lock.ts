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
/** A lock whose owner was killed between creating it and writing its pid (an empty file). */
const EMPTY_STALE_MS = 250;

function ownerIsGone(lock: string): boolean {
  const fs = fsModule();
  let text: string;
  let age: number;
  try {
    text = fs.readFileSync(lock, 'utf8');
    age = Date.now() - fs.statSync(lock).mtimeMs;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return true;
    throw error;
  }
  if (age > STALE_MS) return true;
  const pid = Number(text);
  if (!Number.isSafeInteger(pid) || pid <= 0) return age > EMPTY_STALE_MS;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the pid exists under another user; only ESRCH says it is gone.
    return isErrno(error, 'ESRCH');
  }
}

export async function withAuditLock<T>(dir: string, work: () => T): Promise<T> {
  const fs = fsModule();
  const lock = joinPath(dir, LOCK_FILE);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openCreatingFolder(dir, lock);
      try {
        fs.writeSync(fd, String(process.pid));
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    if (ownerIsGone(lock)) {
      unlinkIfPresent(lock);
      continue;
    }
    if (Date.now() > deadline) throw new Error('The audit log is locked by another Roledeck process that does not finish; try again.');
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  try {
    return work();
  } finally {
    unlinkIfPresent(lock);
  }
}

/** The lock file, created exclusively; the folder is made on first use only (one syscall less per append). */
function openCreatingFolder(dir: string, lock: string): number {
  const fs = fsModule();
  try {
    return fs.openSync(lock, 'wx', 0o600);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return fs.openSync(lock, 'wx', 0o600);
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
