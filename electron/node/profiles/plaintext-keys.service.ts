import { RoledeckError } from '../../../shared/contract/errors';
import type { PlaintextKeysPreview, PlaintextKeysResult } from '../../../shared/domain/plaintext-keys';
import { messageOf } from '../../../shared/logic/error-message';
import { readStaticKeys } from '../../../shared/logic/ini-keys';
import { planPlaintextRemoval, type PlaintextKept, type PlaintextPlan, type PlaintextReady } from '../../../shared/logic/plaintext-keys';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { AwsFilesSource } from '../../../shared/ports/aws-files';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import { recordAudit } from '../audit/record-audit';
import type { AwsConfigEditor } from '../aws-files/aws-config.editor';
import type { AwsCredentialsEditor } from '../aws-files/aws-credentials.editor';
import { CLI_NOT_FOUND, type CliLauncher } from '../aws-files/cli-launcher';
import { credentialProcessCommandLine } from '../aws-files/credential-process-command';

export interface PlaintextKeysDeps {
  profiles: ProfileDirectory;
  awsFiles: AwsFilesSource;
  /** Editors for the files `awsFiles` reads (its `files`), so both sides see the same two files. */
  configEditor: (configPath: string) => AwsConfigEditor;
  credentialsEditor: (credentialsPath: string) => AwsCredentialsEditor;
  /** How the credential_process line starts the CLI (the app finds it on PATH; the CLI names itself). */
  cliLauncher: () => Promise<CliLauncher>;
  /** ROLEDECK_HOME for the line, when this process uses one other than the default. */
  home?: string | undefined;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

interface Planned extends PlaintextPlan {
  files: { config: string; credentials: string };
  configEditor: AwsConfigEditor;
  credentialsEditor: AwsCredentialsEditor;
  keys: ReadonlyMap<string, { accessKeyId: string; secretAccessKey: string }>;
}

/**
 * Gets static keys off disk once an import copied them into the keychain. For each confirmed
 * profile whose key the keychain holds (same access key ID, same secret):
 * 1. `~/.aws/config` gains a `credential_process` line for the same profile name (in the user's
 *    own `[profile name]` if there is one, under Roledeck's marker), so the AWS CLI, the SDKs and
 *    Terraform keep working, with the same identity. An IAM user with an MFA device is served an
 *    MFA session (GetSessionToken with one code, cached in the keychain), not its bare key.
 * 2. Only then are its key lines taken out of `~/.aws/credentials` (backed up first, without the
 *    secrets). In between, and if step 2 stops, the file's keys still win in the SDKs, so no step
 *    leaves a profile that does not work.
 */
export class PlaintextKeysService {
  constructor(private readonly deps: PlaintextKeysDeps) {}

  async preview(): Promise<PlaintextKeysPreview> {
    const [planned, launcher] = await Promise.all([this.plan(), this.deps.cliLauncher()]);
    return {
      files: planned.files,
      ready: planned.ready,
      kept: planned.kept,
      ...(launcher.found ? {} : { warning: CLI_NOT_FOUND }),
    };
  }

  /** Removes the plaintext keys of the named profiles (what the person confirmed), nothing else. */
  async remove(awsProfiles: readonly string[]): Promise<PlaintextKeysResult> {
    const planned = await this.plan();
    const wanted = new Set(awsProfiles);
    const kept: PlaintextKept[] = planned.kept.filter((entry) => wanted.has(entry.awsProfile));
    const unknown = awsProfiles.filter((name) => !planned.ready.some((entry) => entry.awsProfile === name) && !kept.some((entry) => entry.awsProfile === name));
    for (const awsProfile of unknown) kept.push({ awsProfile, reason: `${planned.files.credentials} has no static keys for it` });

    const launcher = await this.deps.cliLauncher();
    if (!launcher.found) {
      // The line could not run: taking the keys away now would leave the AWS CLI with nothing.
      throw new RoledeckError('CONFLICT', `${CLI_NOT_FOUND} Until then the keys stay in ${planned.files.credentials}.`);
    }
    const { configEditor } = planned;
    const withLine: PlaintextReady[] = [];
    const backups: PlaintextKeysResult['backups'] = {};
    for (const entry of planned.ready.filter((candidate) => wanted.has(candidate.awsProfile))) {
      try {
        const change = await configEditor.addToProfile(entry.awsProfile, {
          credential_process: credentialProcessCommandLine(launcher.command, entry.user, this.deps.home),
        });
        if (change.backupPath) backups.config ??= change.backupPath;
        withLine.push(entry);
      } catch (error) {
        kept.push({ awsProfile: entry.awsProfile, reason: messageOf(error) });
      }
    }
    const removal = withLine.length > 0 ? await planned.credentialsEditor.removeKeys(withLine, planned.keys) : undefined;
    if (removal?.backupPath) backups.credentials = removal.backupPath;
    const removed = removal?.removed ?? [];
    const at = this.deps.clock.now();
    await recordAudit(
      this.deps.audit,
      this.deps.logger,
      ...withLine
        .filter((entry) => removed.includes(entry.awsProfile))
        .map((entry) => ({ at, action: 'remove-plaintext-keys', profileId: entry.user.id, result: 'ok' as const, detail: entry.awsProfile })),
    );
    return {
      files: planned.files,
      removed,
      kept: [...kept, ...(removal?.kept ?? [])],
      backups,
      ...(launcher.found ? {} : { warning: CLI_NOT_FOUND }),
    };
  }

  private async plan(): Promise<Planned> {
    const [{ profiles: merged, files }, { profiles }] = await Promise.all([this.deps.awsFiles.read(), this.deps.profiles.read()]);
    const configEditor = this.deps.configEditor(files.config);
    const credentialsEditor = this.deps.credentialsEditor(files.credentials);
    const [credentialsText, configText] = await Promise.all([credentialsEditor.read(), configEditor.read()]);
    const inFile = readStaticKeys(credentialsText);
    const keyIds = new Set([...inFile.values()].map((keys) => keys.accessKeyId));
    const users = profiles.flatMap((profile) => (profile.kind === 'iam-user' && keyIds.has(profile.accessKeyId) ? [profile] : []));
    const secrets = new Map<string, string>();
    for (const user of users) {
      const secret = await this.deps.profiles.userSecret(user).catch((error: unknown) => {
        // A user without a secret is simply not ready; a locked keychain stops the whole plan.
        if (error instanceof RoledeckError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (secret !== undefined) secrets.set(user.id, secret);
    }
    const plan = planPlaintextRemoval({ credentialsText, configText, merged, users, secretOf: (id) => secrets.get(id) });
    const keys = new Map<string, { accessKeyId: string; secretAccessKey: string }>();
    for (const entry of plan.ready) {
      const found = inFile.get(entry.awsProfile);
      if (found?.accessKeyId && found.secretAccessKey) keys.set(entry.awsProfile, { accessKeyId: found.accessKeyId, secretAccessKey: found.secretAccessKey });
    }
    return { ...plan, keys, files, configEditor, credentialsEditor };
  }
}
