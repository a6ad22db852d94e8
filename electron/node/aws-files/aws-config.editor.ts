import { chmod, lstat, mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { sdkHomeDir as getHomeDir } from './sdk-home-dir';
import { RoledeckError } from '../../../shared/contract/errors';
import {
  isSdkProfileName,
  removeSection,
  sectionStatus,
  upsertSection,
  type IniEditRefusal,
  type IniEntries,
  type SectionStatus,
} from '../../../shared/logic/ini-edit';
import { systemClock, type Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import { isTempFileName, removeLeftoverTemps, writeFileAtomic } from '../store/atomic-file';
import { withLockFile } from '../store/lock-file';
import { AwsFilesReader } from './aws-files.reader';

/**
 * Adds, updates and removes the profiles Roledeck puts into `~/.aws/config` (a `credential_process`
 * profile per Roledeck profile), and nothing else: the line-preserving editor in
 * shared/logic/ini-edit changes only Roledeck's marked section, so every other byte of the file
 * stays as the user left it.
 *
 * Safety, because tools that edit this file have wiped it or rewritten entries they did not own
 * (Leapp #228, #260, #416):
 * - A backup of the file as it was is written next to it (`config.roledeck-backup-<UTC time>`,
 *   mode 0600) before the first edit. "First" is decided by looking for any
 *   `<name>.roledeck-backup-*` beside the file, not by a separate marker file: there is no extra
 *   state to get out of step, and if the user deletes the backups, the next edit makes a fresh one.
 *   A file Roledeck creates has nothing to back up.
 * - The new content is written with writeFileAtomic (temp file, fsync, rename) and keeps the
 *   file's mode (a new file gets 0600, in a directory created 0700).
 * - A symlinked config (dotfiles managers link it) is edited at its target, so the link survives.
 *   Lock and backup stay beside the path the user knows.
 * - Every edit runs under a lock file beside the config (`config.roledeck-lock`), so two Roledeck
 *   processes editing at once both land. Editors outside Roledeck do not take it; an edit racing
 *   a text editor's save is as safe as the rename makes it, no more.
 * - A file that is not valid UTF-8 (a comment saved in Windows-1252) is edited byte for byte as
 *   Latin-1, so its other bytes are not "repaired" into U+FFFD; Roledeck's own lines go in as UTF-8.
 */

export interface AwsConfigEditorOptions {
  /** The config file to edit. Defaults to the file the SDKs read: AWS_CONFIG_FILE, else ~/.aws/config. */
  configPath?: string;
  /** Where AWS_CONFIG_FILE is read from when `configPath` is not given; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The home directory for the default path, `~/` and messages; defaults to the SDK's choice. */
  homeDir?: string;
  /** Names the backup. */
  clock?: Clock;
  /** How long to wait for another Roledeck process editing the same file. */
  lockTimeoutMs?: number;
  logger?: Logger;
}

export interface InstallOptions {
  /** Replace a section of that name the user wrote by hand (a backup of the file is kept). */
  force?: boolean;
}

export interface AwsConfigChange {
  /** The config file, as the user knows it (before following a symlink). */
  path: string;
  change: 'added' | 'updated' | 'unchanged' | 'removed' | 'absent';
  /** The backup written before this edit: only the first edit Roledeck makes to a file has one. */
  backupPath?: string;
}

export const BACKUP_INFIX = '.roledeck-backup-';
export const LOCK_SUFFIX = '.roledeck-lock';

/** `[default]` for the default profile, `[profile name]` for every other. */
export function profileHeader(awsProfileName: string): string {
  return awsProfileName === 'default' ? '[default]' : `[profile ${awsProfileName}]`;
}

/**
 * The comment that marks a section as Roledeck's. ASCII only: some tools read the file in the
 * system code page (Python's configparser on Windows), where a UTF-8 dash would be mojibake.
 */
export function managedMarker(awsProfileName: string): string {
  return `# Managed by Roledeck: profile ${awsProfileName} - edits here are replaced`;
}

interface Loaded {
  /** The file to read and replace: the symlink's target if the config is a link. */
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

export class AwsConfigEditor {
  readonly configPath: string;
  private readonly homeDir: string;
  private readonly clock: Clock;
  private readonly lockTimeoutMs: number;
  private readonly logger: Logger | undefined;

  constructor(options: AwsConfigEditorOptions = {}) {
    this.homeDir = options.homeDir ?? getHomeDir();
    this.configPath =
      options.configPath ?? new AwsFilesReader({ homeDir: this.homeDir, ...(options.env ? { env: options.env } : {}) }).paths().config;
    this.clock = options.clock ?? systemClock;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
    this.logger = options.logger;
  }

  /** Whether the config has no such profile, Roledeck's, or one the user wrote. */
  async status(awsProfileName: string): Promise<SectionStatus> {
    this.checkName(awsProfileName);
    const loaded = await this.load();
    const status = sectionStatus(loaded.text, profileHeader(awsProfileName), managedMarker(awsProfileName));
    if (typeof status !== 'string') throw this.refusal(status, awsProfileName, 'install');
    return status;
  }

  /** Adds or updates Roledeck's `[profile name]` holding `entries`. */
  async install(awsProfileName: string, entries: IniEntries, options: InstallOptions = {}): Promise<AwsConfigChange> {
    this.checkName(awsProfileName);
    // Entries that can never be written are refused before ~/.aws is created or locked.
    const dryRun = upsertSection('', profileHeader(awsProfileName), entries, managedMarker(awsProfileName));
    if (!dryRun.ok) throw this.refusal(dryRun, awsProfileName, 'install');
    await mkdir(path.dirname(this.configPath), { recursive: true, mode: 0o700 });
    return this.locked(async () => {
      const loaded = await this.load();
      const adaptedEntries = Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, loaded.adapt(value)]));
      const header = loaded.adapt(profileHeader(awsProfileName));
      const marker = loaded.adapt(managedMarker(awsProfileName));
      // A forced replacement destroys a section the user wrote: it always gets a backup of its
      // own, even when an earlier edit left one (that older backup cannot hold a section written
      // after it). The refusal message promises exactly this.
      const replacesHandWritten = options.force === true && sectionStatus(loaded.text, header, marker) === 'hand-written';
      const result = upsertSection(
        loaded.text,
        header,
        adaptedEntries,
        marker,
        { force: options.force ?? false },
      );
      if (!result.ok) throw this.refusal(result, awsProfileName, 'install');
      return this.save(loaded, result.text, result.change, replacesHandWritten ? 'always' : 'first-edit');
    });
  }

  /** Removes Roledeck's `[profile name]`; a missing file or profile is not an error. */
  async remove(awsProfileName: string): Promise<AwsConfigChange> {
    this.checkName(awsProfileName);
    try {
      await lstat(this.configPath);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { path: this.configPath, change: 'absent' };
      throw this.ioError(error, 'read');
    }
    return this.locked(async () => {
      const loaded = await this.load();
      const result = removeSection(loaded.text, loaded.adapt(profileHeader(awsProfileName)), loaded.adapt(managedMarker(awsProfileName)));
      if (!result.ok) throw this.refusal(result, awsProfileName, 'remove');
      return this.save(loaded, result.text, result.change);
    });
  }

  private shown(): string {
    const relative = path.relative(this.homeDir, this.configPath);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `~${path.sep}${relative}` : this.configPath;
  }

  private checkName(awsProfileName: string): void {
    if (!isSdkProfileName(awsProfileName)) {
      throw new RoledeckError(
        'VALIDATION',
        `${JSON.stringify(awsProfileName)} cannot be an AWS profile name the SDKs read from ${this.shown()}: ` +
          'use letters, digits and - _ . @ + % : / only.',
        { field: 'awsProfile' },
      );
    }
  }

  private refusal(refusal: IniEditRefusal, awsProfileName: string, action: 'install' | 'remove'): RoledeckError {
    const header = profileHeader(awsProfileName);
    switch (refusal.reason) {
      case 'hand-written':
        return action === 'install'
          ? new RoledeckError(
              'CONFLICT',
              `${this.shown()} already has a ${header} you wrote yourself. Pass --force to replace it (a backup is kept), or pick another --aws-profile name.`,
            )
          : new RoledeckError(
              'CONFLICT',
              `${this.shown()} has a ${header} you wrote yourself, so Roledeck leaves it alone. Delete it by hand if you no longer need it.`,
            );
      case 'malformed':
        return new RoledeckError('VALIDATION', `${this.shown()}, ${refusal.message}`);
      case 'invalid':
        return new RoledeckError('VALIDATION', `${refusal.message} Nothing was written to ${this.shown()}.`);
    }
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return withLockFile(`${this.configPath}${LOCK_SUFFIX}`, work, {
      timeoutMs: this.lockTimeoutMs,
      ...(this.logger ? { logger: this.logger } : {}),
    });
  }

  private async resolveTarget(): Promise<string> {
    try {
      return await realpath(this.configPath);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw this.ioError(error, 'read');
    }
    const link = await lstat(this.configPath).catch(() => undefined);
    if (link?.isSymbolicLink()) {
      throw new RoledeckError(
        'VALIDATION',
        `${this.shown()} is a symbolic link to a file that does not exist. Create the file it points to, or remove the link, then try again.`,
      );
    }
    return this.configPath;
  }

  private async load(): Promise<Loaded> {
    const target = await this.resolveTarget();
    let bytes: Buffer | undefined;
    let mode = 0o600;
    try {
      const info = await stat(target);
      if (!info.isFile()) throw new RoledeckError('VALIDATION', `${this.shown()} is not a file, so Roledeck cannot add profiles to it.`);
      mode = info.mode & 0o777;
      bytes = await readFile(target);
    } catch (error) {
      if (error instanceof RoledeckError) throw error;
      if (errnoCode(error) !== 'ENOENT') throw this.ioError(error, 'read');
    }
    return { target, bytes, mode, ...decode(bytes) };
  }

  private async save(
    loaded: Loaded,
    text: string,
    change: AwsConfigChange['change'],
    backup: 'first-edit' | 'always' = 'first-edit',
  ): Promise<AwsConfigChange> {
    const result: AwsConfigChange = { path: this.configPath, change };
    if (text === loaded.text) return result;
    try {
      if (loaded.bytes) {
        const backupPath = await this.backup(loaded.bytes, backup);
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
  private async backup(bytes: Buffer, when: 'first-edit' | 'always'): Promise<string | undefined> {
    const directory = path.dirname(this.configPath);
    const prefix = `${path.basename(this.configPath)}${BACKUP_INFIX}`;
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

  private ioError(error: unknown, action: 'read' | 'write'): RoledeckError {
    if (error instanceof RoledeckError) return error;
    const code = errnoCode(error) || 'unknown error';
    return new RoledeckError(
      'INTERNAL',
      `Roledeck could not ${action} ${this.shown()} (${code}). Check the file's and folder's permissions, then try again.`,
      { cause: error },
    );
  }
}
