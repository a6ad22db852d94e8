import { lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sdkHomeDir as getHomeDir } from './sdk-home-dir';
import { RoledeckError } from '../../../shared/contract/errors';
import { addToProfileSection } from '../../../shared/logic/ini-keys';
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
import { AwsFilesReader } from './aws-files.reader';
import { AwsIniFile } from './aws-ini-file';

export { BACKUP_INFIX, LOCK_SUFFIX } from './aws-ini-file';

/**
 * Adds, updates and removes the profiles Roledeck puts into `~/.aws/config` (a `credential_process`
 * profile per Roledeck profile), and nothing else: the line-preserving editor in
 * shared/logic/ini-edit changes only Roledeck's marked section, so every other byte of the file
 * stays as the user left it.
 *
 * How the bytes get there (backup before the first edit, atomic write, lock, symlinks, Latin-1)
 * is AwsIniFile's job (aws-ini-file.ts).
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

export class AwsConfigEditor {
  readonly configPath: string;
  private readonly file: AwsIniFile;

  constructor(options: AwsConfigEditorOptions = {}) {
    const homeDir = options.homeDir ?? getHomeDir();
    this.configPath =
      options.configPath ?? new AwsFilesReader({ homeDir, ...(options.env ? { env: options.env } : {}) }).paths().config;
    this.file = new AwsIniFile({
      path: this.configPath,
      homeDir,
      clock: options.clock ?? systemClock,
      lockTimeoutMs: options.lockTimeoutMs ?? 10_000,
      logger: options.logger,
    });
  }

  /** The config file's text as it is now (empty when there is none). */
  async read(): Promise<string> {
    return (await this.file.load()).text;
  }

  /**
   * Adds `entries` to the user's own `[profile name]` under Roledeck's marker, or makes Roledeck's
   * section when there is none (plaintext keys taken off disk: the section the user wrote for the
   * profile keeps its region and mfa_serial, and gains the credential_process line).
   */
  async addToProfile(awsProfileName: string, entries: IniEntries): Promise<AwsConfigChange> {
    this.checkName(awsProfileName);
    const dryRun = upsertSection('', profileHeader(awsProfileName), entries, managedMarker(awsProfileName));
    if (!dryRun.ok) throw this.refusal(dryRun, awsProfileName, 'add');
    await mkdir(path.dirname(this.configPath), { recursive: true, mode: 0o700 });
    return this.file.locked(async () => {
      const loaded = await this.file.load();
      const adaptedEntries = Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, loaded.adapt(value)]));
      const result = addToProfileSection(loaded.text, loaded.adapt(profileHeader(awsProfileName)), adaptedEntries, loaded.adapt(managedMarker(awsProfileName)));
      if (!result.ok) throw this.refusal(result, awsProfileName, 'add');
      return this.file.save(loaded, result.text, result.change);
    });
  }

  /** Whether the config has no such profile, Roledeck's, or one the user wrote. */
  async status(awsProfileName: string): Promise<SectionStatus> {
    this.checkName(awsProfileName);
    const loaded = await this.file.load();
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
    return this.file.locked(async () => {
      const loaded = await this.file.load();
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
      return this.file.save(loaded, result.text, result.change, { when: replacesHandWritten ? 'always' : 'first-edit' });
    });
  }

  /** Removes Roledeck's `[profile name]`; a missing file or profile is not an error. */
  async remove(awsProfileName: string): Promise<AwsConfigChange> {
    this.checkName(awsProfileName);
    try {
      await lstat(this.configPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: this.configPath, change: 'absent' };
      throw this.file.ioError(error, 'read');
    }
    return this.file.locked(async () => {
      const loaded = await this.file.load();
      const result = removeSection(loaded.text, loaded.adapt(profileHeader(awsProfileName)), loaded.adapt(managedMarker(awsProfileName)));
      if (!result.ok) throw this.refusal(result, awsProfileName, 'remove');
      return this.file.save(loaded, result.text, result.change);
    });
  }

  private checkName(awsProfileName: string): void {
    if (!isSdkProfileName(awsProfileName)) {
      throw new RoledeckError(
        'VALIDATION',
        `${JSON.stringify(awsProfileName)} cannot be an AWS profile name the SDKs read from ${this.file.shown()}: ` +
          'use letters, digits and - _ . @ + % : / only.',
        { field: 'awsProfile' },
      );
    }
  }

  private refusal(refusal: IniEditRefusal, awsProfileName: string, action: 'install' | 'remove' | 'add'): RoledeckError {
    const header = profileHeader(awsProfileName);
    switch (refusal.reason) {
      case 'hand-written':
        if (action === 'add') {
          return new RoledeckError(
            'CONFLICT',
            `${this.file.shown()} line ${refusal.line} already sets that key in your ${header}, so Roledeck leaves it alone. Remove that line by hand, then try again.`,
          );
        }
        return action === 'install'
          ? new RoledeckError(
              'CONFLICT',
              `${this.file.shown()} already has a ${header} you wrote yourself. Pass --force to replace it (a backup is kept), or pick another --aws-profile name.`,
            )
          : new RoledeckError(
              'CONFLICT',
              `${this.file.shown()} has a ${header} you wrote yourself, so Roledeck leaves it alone. Delete it by hand if you no longer need it.`,
            );
      case 'malformed':
        return new RoledeckError('VALIDATION', `${this.file.shown()}, ${refusal.message}`);
      case 'invalid':
        return new RoledeckError('VALIDATION', `${refusal.message} Nothing was written to ${this.file.shown()}.`);
    }
  }
}
