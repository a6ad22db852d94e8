/**
 * Where the audit log lives in the data folder, and the small file operations its writer and reader
 * share. Built-ins come from process.getBuiltinModule and the writes are synchronous on purpose:
 * the credential_process quick path appends here, and `import 'node:fs'` (its ESM facade) or
 * touching fs.promises costs ~2.5 ms per process there; an append is a handful of syscalls on
 * files of a few hundred bytes, well under a millisecond of blocking in the app.
 */
import type * as Fs from 'node:fs';
import type { AuditAnchor } from '../../../shared/logic/audit-chain';
import { sha256 } from '../../../shared/logic/hmac-sha256';

export const AUDIT_FOLDER = 'audit';
export const CURRENT_FILE = 'audit.jsonl';
export const ANCHOR_FILE = 'audit.anchor.json';
export const LOCK_FILE = 'audit.lock';

/** `audit.1.jsonl` is the newest rotated file, `audit.<keep>.jsonl` the oldest. */
export function rotatedFile(index: number): string {
  return `audit.${index}.jsonl`;
}

export function fsModule(): typeof Fs {
  return process.getBuiltinModule('node:fs');
}

export function joinPath(...parts: string[]): string {
  return process.getBuiltinModule('node:path').join(...parts);
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

const encoder = new TextEncoder();

/**
 * A line's hash when appending: the plain-TypeScript SHA-256, because the first use of node:crypto
 * in a process starts OpenSSL (~4.5 ms), a fifth of a bare Node start on the quick path, for a
 * few hundred bytes this hashes in microseconds.
 */
export function lineHash(text: string): string {
  let hex = '';
  for (const byte of sha256(encoder.encode(text))) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The same hash for verifying a whole log (thousands of lines), where OpenSSL's start-up pays off. */
export function bulkLineHash(text: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The rotated files present, by index (a gap is a file someone removed). */
export function rotatedIndexes(dir: string): number[] {
  let names: string[];
  try {
    names = fsModule().readdirSync(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
  return names
    .map((name) => /^audit\.(\d+)\.jsonl$/.exec(name)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function readTextOrNull(file: string): string | null {
  try {
    return fsModule().readFileSync(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

export function readAnchor(dir: string): AuditAnchor | null {
  const text = readTextOrNull(joinPath(dir, ANCHOR_FILE));
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Record<keyof AuditAnchor, unknown>>;
    const { seq, hash, firstSeq, rotated } = value;
    if (typeof seq !== 'number' || typeof hash !== 'string' || typeof firstSeq !== 'number' || typeof rotated !== 'number') return null;
    return { seq, hash, firstSeq, rotated };
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed over: a reader sees the old anchor or the new, never half. */
export function writeAnchor(dir: string, anchor: AuditAnchor): void {
  const fs = fsModule();
  const file = joinPath(dir, ANCHOR_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(anchor), { mode: 0o600 });
  fs.renameSync(temp, file);
}

export interface Tail {
  /** Bytes up to and including the last newline. */
  cleanSize: number;
  /** Bytes after it: a line whose write was interrupted. */
  tornBytes: number;
  lastLine: string | null;
}

const TAIL_BYTES = 64 * 1024;

/** The file's last complete line, read from its end only (rotation keeps files ≤ 1 MiB, lines are small). */
export function readTail(file: string): Tail {
  const fs = fsModule();
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { cleanSize: 0, tornBytes: 0, lastLine: null };
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const lastNewline = buffer.lastIndexOf(0x0a);
    if (lastNewline < 0) return { cleanSize: size - length, tornBytes: length, lastLine: null };
    const cleanSize = size - length + lastNewline + 1;
    const start = buffer.lastIndexOf(0x0a, lastNewline - 1) + 1;
    return { cleanSize, tornBytes: size - cleanSize, lastLine: buffer.subarray(start, lastNewline).toString('utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** The first line of a file, or null. */
export function readFirstLine(file: string): string | null {
  const text = readTextOrNull(file);
  if (text === null) return null;
  const end = text.indexOf('\n');
  return end < 0 ? null : text.slice(0, end);
}
