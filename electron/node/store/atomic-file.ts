import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null ? ((error as NodeJS.ErrnoException).code ?? '') : '';
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
  const temp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
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
