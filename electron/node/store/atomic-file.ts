import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null ? ((error as NodeJS.ErrnoException).code ?? '') : '';
}

/** Temp files are `<name>.tmp-<pid>-<12 hex>`: the pid tells a write in progress from one a crash abandoned. */
const TEMP_SUFFIX = /\.tmp-(\d+)-[0-9a-f]{12}$/;

export function isTempFileName(name: string): boolean {
  return TEMP_SUFFIX.test(name);
}

/** A name for a file that is written and then renamed or linked into place as `file`. */
export function tempNameFor(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errnoCode(error) === 'ESRCH';
  }
}

/**
 * Removes the temp files of `name` (and of names that start with it: its backups and lock) in
 * `directory` that a process left behind when it was killed between writing and renaming them, so
 * crashes do not pile up files next to the user's ~/.aws/config. A temp file whose process still
 * runs is a write in progress and is left alone. (On a home shared over the network a pid from
 * another machine may look gone here; its writer then fails to rename and reports the save as
 * failed, which is safe: writes of one file happen under its lock anyway.)
 */
export async function removeLeftoverTemps(directory: string, name: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  for (const candidate of names) {
    const pid = candidate.startsWith(name) ? TEMP_SUFFIX.exec(candidate)?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || !processIsGone(Number(pid))) continue;
    await unlink(path.join(directory, candidate)).catch(() => undefined);
  }
}

/** Writes `bytes` to a new file that must not exist yet ('wx'), flushed to disk before it resolves. */
export async function writeNewFile(file: string, bytes: Uint8Array, mode = 0o600): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` so that a reader (or a crash) sees either the old bytes or the new ones, never
 * a mix: write a temp file in the same directory, fsync it, rename it over the target, then fsync
 * the directory so the rename itself survives a power cut.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, mode = 0o600): Promise<void> {
  await removeLeftoverTemps(path.dirname(file), path.basename(file));
  const temp = tempNameFor(file);
  try {
    await writeNewFile(temp, bytes, mode);
    await renameWithRetry(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/**
 * Windows refuses to replace a file another process has open for a moment (an antivirus scan, a
 * concurrent reader) with EPERM/EACCES/EBUSY; the same rename succeeds a few milliseconds later.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt >= 10 || !['EPERM', 'EACCES', 'EBUSY'].includes(errnoCode(error))) throw error;
      await sleep(10 * (attempt + 1));
    }
  }
}

async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory to fsync it; there the rename is as durable as MoveFileEx makes it.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
