/**
 * Which write of the profile store is on disk, read without the key: the file's first 48 bytes
 * (header, random IV, GCM tag — store-envelope.ts). Every write draws a new IV, so two reads that
 * give the same version saw the same document, and any change at all (a rename, an edit, a
 * removal) gives a new one.
 *
 * The CLI's quick path reads it on every by-name call, so it takes node:fs the cheap way and
 * imports nothing (store-envelope.ts pulls in node:crypto).
 */
const VERSION_BYTES = 48;

export const STORE_FILE = 'profiles.rdk';

/** The version as hex; null when there is no store (or it is cut short). */
export function readStoreVersion(home: string): string | null {
  const fs = process.getBuiltinModule('node:fs');
  const bytes = Buffer.alloc(VERSION_BYTES);
  let read: number;
  try {
    const fd = fs.openSync(process.getBuiltinModule('node:path').join(home, STORE_FILE), 'r');
    try {
      read = fs.readSync(fd, bytes, 0, VERSION_BYTES, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (read !== VERSION_BYTES) return null;
  return bytes.toString('hex');
}
