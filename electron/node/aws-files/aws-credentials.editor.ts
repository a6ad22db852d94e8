import { systemClock, type Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import { removePlaintextKeys, type PlaintextKept, type PlaintextReady } from '../../../shared/logic/plaintext-keys';
import { AwsFilesReader } from './aws-files.reader';
import { AwsIniFile } from './aws-ini-file';
import { sdkHomeDir } from './sdk-home-dir';

export interface AwsCredentialsEditorOptions {
  /** The file to edit. Defaults to the file the SDKs read: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials. */
  credentialsPath?: string;
  /** Where AWS_SHARED_CREDENTIALS_FILE is read from; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  homeDir?: string;
  clock?: Clock;
  lockTimeoutMs?: number;
  logger?: Logger;
}

export interface CredentialsKeysChange {
  path: string;
  change: 'removed' | 'unchanged';
  backupPath?: string;
  /** Profiles whose key lines were taken out. */
  removed: string[];
  /** Profiles planned for removal whose lines stayed after all, with why. */
  kept: PlaintextKept[];
}

/** What the backup holds where a moved secret was: the secret lives in the keychain now. */
export const MOVED_SECRET_PLACEHOLDER = 'MOVED-TO-THE-OS-KEYCHAIN-BY-ROLEDECK';

/**
 * Takes static key lines out of `~/.aws/credentials` (AWS_SHARED_CREDENTIALS_FILE), and nothing
 * else: shared/logic/ini-keys removes exactly those lines, so every other byte stays. Each removal
 * is backed up first, every time (it takes out lines the user wrote), under the same lock, atomic
 * write and symlink rules as the config editor (AwsIniFile). The backup leaves the moved secrets
 * out, replaced by MOVED_SECRET_PLACEHOLDER: a plaintext copy beside the file would undo the point
 * of removing it, and the keychain holds them.
 */
export class AwsCredentialsEditor {
  readonly credentialsPath: string;
  private readonly file: AwsIniFile;

  constructor(options: AwsCredentialsEditorOptions = {}) {
    const homeDir = options.homeDir ?? sdkHomeDir();
    this.credentialsPath = options.credentialsPath ?? new AwsFilesReader({ homeDir, ...(options.env ? { env: options.env } : {}) }).paths().credentials;
    this.file = new AwsIniFile({
      path: this.credentialsPath,
      homeDir,
      clock: options.clock ?? systemClock,
      lockTimeoutMs: options.lockTimeoutMs ?? 10_000,
      logger: options.logger,
    });
  }

  async read(): Promise<string> {
    return (await this.file.load()).text;
  }

  /**
   * Removes the key lines of `ready` profiles whose keys are still what was planned (`planned`:
   * access key ID and secret by profile name, as read when the plan was made).
   */
  async removeKeys(
    ready: readonly PlaintextReady[],
    planned: ReadonlyMap<string, { accessKeyId: string; secretAccessKey: string }>,
  ): Promise<CredentialsKeysChange> {
    return this.file.locked(async () => {
      const loaded = await this.file.load();
      const result = removePlaintextKeys(loaded.text, ready, planned);
      let backupText = loaded.text;
      for (const name of result.removed) {
        const secret = planned.get(name)?.secretAccessKey;
        if (secret) backupText = backupText.split(secret).join(MOVED_SECRET_PLACEHOLDER);
      }
      const saved = await this.file.save(loaded, result.text, result.removed.length > 0 ? ('removed' as const) : ('unchanged' as const), {
        when: 'always',
        bytes: loaded.encode(backupText),
      });
      return { ...saved, removed: result.removed, kept: result.kept };
    });
  }
}
