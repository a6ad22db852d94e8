import { chmod, lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { RoledeckError } from '../../../shared/contract/errors';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import { isTempFileName, removeLeftoverTemps, writeFileAtomic } from '../store/atomic-file';
import { withLockFile } from '../store/lock-file';

/**
 * One of the user's AWS files (`~/.aws/config`, `~/.aws/credentials`) as Roledeck edits it; the
 * editors decide what changes, this decides how the bytes get there safely (Leapp #228, #260, #416):
 * - A backup beside the file (`<name>.roledeck-backup-<UTC time>`, mode 0600) before the first
 *   edit, or before every edit that takes out lines the user wrote (`always`). "First" is decided by
 *   looking for any backup beside the file, not by a marker file: if the user deletes the backups,
 *   the next edit makes a fresh one. A file Roledeck creates has nothing to back up.
 * - The new content is written with writeFileAtomic (temp file, fsync, rename) and keeps the file's
 *   mode (a new file gets 0600).
 * - A symlinked file (dotfiles managers link it) is edited at its target, so the link survives.
 *   Lock and backup stay beside the path the user knows.
 * - Every edit runs under a lock file beside it (`<name>.roledeck-lock`), so two Roledeck
 *   processes editing at once both land. Editors outside Roledeck do not take it; an edit racing
 *   a text editor's save is as safe as the rename makes it, no more.
 * - A file that is not valid UTF-8 (a comment saved in Windows-1252) is edited byte for byte as
 *   Latin-1, so its other bytes are not "repaired" into U+FFFD; Roledeck's own lines go in as UTF-8.
 */

export const BACKUP_INFIX = '.roledeck-backup-';
export const LOCK_SUFFIX = '.roledeck-lock';

export interface AwsIniFileOptions {
  /** The file, as the user knows it (before following a symlink). */
  path: string;
  /** For `~/` in messages. */
  homeDir: string;
  /** Names the backup. */
  clock: Clock;
  /** How long to wait for another Roledeck process editing the same file. */
  lockTimeoutMs: number;
  logger?: Logger | undefined;
}

export interface Loaded {
  /** The file to read and replace: the symlink's target if the file is a link. */
  target: string;
  bytes: Buffer | undefined;
  mode: number;
  text: string;
  /** Converts Roledeck's own strings into the representation `text` uses. */
  adapt: (value: string) => string;
  encode: (text: string) => Buffer;
}

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null ? ((error as NodeJS.ErrnoException).code ?? '') : '';
}

function decode(bytes: Buffer | undefined): Pick<Loaded, 'text' | 'adapt' | 'encode'> {
  if (!bytes) return { text: '', adapt: (value) => value, encode: (text) => Buffer.from(text, 'utf8') };
  try {
    // ignoreBOM keeps a BOM in the text (the editor sets it aside and writes it back).
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, adapt: (value) => value, encode: (edited) => Buffer.from(edited, 'utf8') };
  } catch {
    return {
      text: bytes.toString('latin1'),
      adapt: (value) => Buffer.from(value, 'utf8').toString('latin1'),
      encode: (edited) => Buffer.from(edited, 'latin1'),
    };
  }
}

function backupStamp(now: number): string {
  // 2026-11-28T09:00:00.000Z -> 20261128T090000Z: sortable, and valid in a Windows file name.
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export class AwsIniFile {
  readonly path: string;
  private readonly homeDir: string;
  private readonly clock: Clock;
  private readonly lockTimeoutMs: number;
  private readonly logger: Logger | undefined;

  constructor(options: AwsIniFileOptions) {
    this.path = options.path;
    this.homeDir = options.homeDir;
    this.clock = options.clock;
    this.lockTimeoutMs = options.lockTimeoutMs;
    this.logger = options.logger;
  }

  /** The file as the user knows it: `~/.aws/config` under the home directory, else the full path. */
  shown(): string {
    const relative = path.relative(this.homeDir, this.path);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `~${path.sep}${relative}` : this.path;
  }

  /** Runs `work` holding the lock file beside the file (`<file>.roledeck-lock`). */
  locked<T>(work: () => Promise<T>): Promise<T> {
    return withLockFile(`${this.path}${LOCK_SUFFIX}`, work, {
      timeoutMs: this.lockTimeoutMs,
      ...(this.logger ? { logger: this.logger } : {}),
    });
  }

  private async resolveTarget(): Promise<string> {
    try {
      return await realpath(this.path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw this.ioError(error, 'read');
    }
    const link = await lstat(this.path).catch(() => undefined);
    if (link?.isSymbolicLink()) {
      throw new RoledeckError(
        'VALIDATION',
        `${this.shown()} is a symbolic link to a file that does not exist. Create the file it points to, or remove the link, then try again.`,
      );
    }
    return this.path;
  }

  /** The file's bytes and text now (an absent file reads as empty). */
  async load(): Promise<Loaded> {
    const target = await this.resolveTarget();
    let bytes: Buffer | undefined;
    let mode = 0o600;
    try {
      const info = await stat(target);
      if (!info.isFile()) throw new RoledeckError('VALIDATION', `${this.shown()} is not a file, so Roledeck cannot edit it.`);
      mode = info.mode & 0o777;
      bytes = await readFile(target);
    } catch (error) {
      if (error instanceof RoledeckError) throw error;
      if (errnoCode(error) !== 'ENOENT') throw this.ioError(error, 'read');
    }
    return { target, bytes, mode, ...decode(bytes) };
  }

  /**
   * Replaces the file with `text` (nothing happens when it is unchanged), after a backup of it as
   * it was: `backup.bytes` when given (the credentials file's backup leaves the moved secrets out).
   */
  async save<C extends string>(
    loaded: Loaded,
    text: string,
    change: C,
    backup: { when: 'first-edit' | 'always'; bytes?: Uint8Array } = { when: 'first-edit' },
  ): Promise<{ path: string; change: C; backupPath?: string }> {
    const result: { path: string; change: C; backupPath?: string } = { path: this.path, change };
    if (text === loaded.text) return result;
    try {
      if (loaded.bytes) {
        const backupPath = await this.backup(backup.bytes ?? loaded.bytes, backup.when);
        if (backupPath) result.backupPath = backupPath;
      }
      await writeFileAtomic(loaded.target, loaded.encode(text), loaded.mode);
      // The temp file was created through the umask; give the file back exactly its old mode.
      await chmod(loaded.target, loaded.mode);
    } catch (error) {
      throw this.ioError(error, 'write');
    }
    return result;
  }

  /**
   * Writes a backup: on the first edit of a file (none beside it yet), or `always`. Returns its
   * path if it wrote one. Two backups within one second get `-2`, `-3`... rather than overwrite.
   */
  private async backup(bytes: Uint8Array, when: 'first-edit' | 'always'): Promise<string | undefined> {
    const directory = path.dirname(this.path);
    const prefix = `${path.basename(this.path)}${BACKUP_INFIX}`;
    // A backup cut short by a crash would count as "the first edit's backup" and stop every later
    // edit from making one: backups are written atomically, and a temp file is never a backup.
    await removeLeftoverTemps(directory, prefix);
    const existing = new Set((await readdir(directory)).filter((name) => name.startsWith(prefix) && !isTempFileName(name)));
    if (existing.size > 0 && when === 'first-edit') return undefined;
    const stamp = `${prefix}${backupStamp(this.clock.now())}`;
    let name = stamp;
    for (let n = 2; existing.has(name); n += 1) name = `${stamp}-${n}`;
    const backupPath = path.join(directory, name);
    // Under the edit lock, with a name no other backup has: the rename replaces nothing.
    await writeFileAtomic(backupPath, bytes, 0o600);
    return backupPath;
  }

  ioError(error: unknown, action: 'read' | 'write'): RoledeckError {
    if (error instanceof RoledeckError) return error;
    const code = errnoCode(error) || 'unknown error';
    return new RoledeckError(
      'INTERNAL',
      `Roledeck could not ${action} ${this.shown()} (${code}). Check the file's and folder's permissions, then try again.`,
      { cause: error },
    );
  }

}
