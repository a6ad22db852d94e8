import { RoledeckError } from '../../../shared/contract/errors';
import { ExportError, formatExport, type ExportFormat } from '../../../shared/logic/shell-export';
import { profileRegion } from '../../../shared/logic/profile-chain';
import { findProfile, requireProfile } from '../../../shared/logic/profile-lookup';
import { AUDIT_ACTION } from '../../../shared/logic/audit-entry';
import type { AuditRecorder } from '../audit/audit-recorder';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SettingsService } from '../profiles/settings.service';
import type { SessionService } from '../sessions/session.service';
import type { ClipboardService } from '../clipboard/clipboard.service';
import { DEFAULT_CLEAR_SECONDS } from '../clipboard/clipboard.service';
import type { AwsConfigChange, AwsConfigEditor } from '../aws-files/aws-config.editor';
import { credentialProcessCommandLine } from '../aws-files/credential-process-command';
import { CLI_NOT_FOUND, type CliLauncher } from '../aws-files/cli-launcher';
import type { CredentialProcessCheck } from '../../../shared/domain/credential-process-check';

/**
 * Puts sessions to work from the app: copy an export to the clipboard (written by main, cleared
 * later; the renderer never sees the credentials) and install a credential_process profile.
 */
export class SessionWorkService {
  constructor(
    private readonly deps: {
      sessions: SessionService;
      profiles: ProfileDirectory;
      settings: SettingsService;
      clipboard: ClipboardService | undefined;
      configEditor: () => AwsConfigEditor;
      /** How ~/.aws/config should start the CLI: found on PATH when the profile is installed. */
      cliLauncher: () => Promise<CliLauncher>;
      /** Records each copy (the profile, the format; never the text). */
      audit: AuditRecorder;
      /** Runs a credential_process line once, as the AWS CLI would, and says whether it works. */
      checkLine: (line: string) => Promise<CredentialProcessCheck>;
      /** The credential_process line ~/.aws/config has for an AWS profile now, as the SDKs read it. */
      installedLine: (awsProfile: string) => Promise<string | undefined>;
      /** The app's data folder when it is not the default one: the line then names it with --home. */
      home?: string | undefined;
    },
  ) {}

  async copyExport(profileId: string, format: ExportFormat): Promise<{ format: ExportFormat; clearsAt: number | null; expiresAt?: number }> {
    const subject = findProfile((await this.deps.profiles.read()).profiles, profileId);
    return this.deps.audit.outcomeOf(AUDIT_ACTION.copy, subject, () => this.copy(profileId, format), () => ({ detail: `${format} export copied to the clipboard` }));
  }

  private async copy(profileId: string, format: ExportFormat): Promise<{ format: ExportFormat; clearsAt: number | null; expiresAt?: number }> {
    const clipboard = this.deps.clipboard;
    if (!clipboard) {
      throw new RoledeckError('CLIPBOARD_UNAVAILABLE', 'No clipboard could be reached: this host has none. Show the export and copy it yourself, or run `roledeck export` in a terminal.');
    }
    const { text, expiresAt } = await this.exportText(profileId, format);
    const settings = await this.deps.settings.settings();
    const clearsAt = await clipboard.copySecret(text, settings.clipboardClearSeconds ?? DEFAULT_CLEAR_SECONDS);
    // Remember the format as the preferred shell for the next copy.
    if (settings.preferredShell !== format) await this.deps.settings.updateSettings({ preferredShell: format });
    return { format, clearsAt, ...(expiresAt !== undefined ? { expiresAt } : {}) };
  }

  /**
   * The export itself, for a person to copy by hand where no clipboard can be reached. Only on
   * their request (the window's "Show the export"), and never logged.
   */
  async revealExport(profileId: string, format: ExportFormat): Promise<{ format: ExportFormat; text: string; expiresAt?: number }> {
    const subject = findProfile((await this.deps.profiles.read()).profiles, profileId);
    const { text, expiresAt } = await this.deps.audit.outcomeOf(AUDIT_ACTION.export, subject, () => this.exportText(profileId, format), () => ({
      detail: `${format} export shown in the window`,
    }));
    return { format, text, ...(expiresAt !== undefined ? { expiresAt } : {}) };
  }

  private async exportText(profileId: string, format: ExportFormat): Promise<{ text: string; expiresAt: number | undefined }> {
    const session = await this.deps.sessions.exportable(profileId, { interactive: true });
    try {
      return { text: formatExport(format, session), expiresAt: session.expiresAt };
    } catch (error) {
      if (error instanceof ExportError) throw new RoledeckError('VALIDATION', error.message);
      throw error;
    }
  }

  /** On quit: a credential this host copied does not outlive it on the clipboard. */
  async clearClipboardOnQuit(): Promise<void> {
    await this.deps.clipboard?.clearOnQuit();
  }

  /**
   * Writes Roledeck's credential_process profile, naming the CLI by full path, and runs the line once
   * as the AWS CLI would, so the answer says whether it works and why not. A line that does not run
   * never replaces a Roledeck line that does: that one is kept, and the answer says why. No line at
   * all is written when no CLI can be found (plain `roledeck` would not run either).
   */
  async installCliProfile(
    profileId: string,
    options: { awsProfile?: string | undefined; force?: boolean | undefined },
  ): Promise<AwsConfigChange & { awsProfile: string; command: string; check: CredentialProcessCheck; warning?: string }> {
    const { profiles } = await this.deps.profiles.read();
    const profile = requireProfile(profiles, profileId);
    const awsProfile = options.awsProfile ?? profile.name;
    const region = profileRegion(profiles, profile);
    const launcher = await this.deps.cliLauncher();
    if (!launcher.found) throw new RoledeckError('NOT_FOUND', CLI_NOT_FOUND);
    const command = credentialProcessCommandLine(launcher.command, profile, this.deps.home);
    const editor = this.deps.configEditor();
    const check = await this.deps.checkLine(command);
    if (!check.works && (await editor.status(awsProfile)) === 'roledeck') {
      const current = await this.deps.installedLine(awsProfile);
      const kept = current !== undefined && current !== command ? await this.deps.checkLine(current) : null;
      if (kept?.works) {
        return {
          path: editor.configPath,
          change: 'unchanged',
          awsProfile,
          command: current!,
          check: kept,
          warning: `Roledeck kept the line that works: the new one would not run. ${check.reason}.`,
        };
      }
    }
    const change = await editor.install(awsProfile, { credential_process: command, ...(region ? { region } : {}) }, options.force ? { force: true } : {});
    return { ...change, awsProfile, command, check };
  }
}
