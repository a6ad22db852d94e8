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
import type { CliLauncher } from '../aws-files/cli-launcher';

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
    },
  ) {}

  async copyExport(profileId: string, format: ExportFormat): Promise<{ format: ExportFormat; clearsAt: number | null; expiresAt?: number }> {
    const subject = findProfile((await this.deps.profiles.read()).profiles, profileId);
    return this.deps.audit.outcomeOf(AUDIT_ACTION.copy, subject, () => this.copy(profileId, format), () => ({ detail: `${format} export copied to the clipboard` }));
  }

  private async copy(profileId: string, format: ExportFormat): Promise<{ format: ExportFormat; clearsAt: number | null; expiresAt?: number }> {
    const clipboard = this.deps.clipboard;
    if (!clipboard) throw new RoledeckError('INTERNAL', 'This host has no clipboard. Use `roledeck export` in a terminal instead.');
    const session = await this.deps.sessions.exportable(profileId, { interactive: true });
    let text: string;
    try {
      text = formatExport(format, session);
    } catch (error) {
      if (error instanceof ExportError) throw new RoledeckError('VALIDATION', error.message);
      throw error;
    }
    const settings = await this.deps.settings.settings();
    const clearsAt = await clipboard.copySecret(text, settings.clipboardClearSeconds ?? DEFAULT_CLEAR_SECONDS);
    // Remember the format as the preferred shell for the next copy.
    if (settings.preferredShell !== format) await this.deps.settings.updateSettings({ preferredShell: format });
    return { format, clearsAt, ...(session.expiresAt !== undefined ? { expiresAt: session.expiresAt } : {}) };
  }

  /** On quit: a credential this host copied does not outlive it on the clipboard. */
  async clearClipboardOnQuit(): Promise<void> {
    await this.deps.clipboard?.clearOnQuit();
  }

  async installCliProfile(
    profileId: string,
    options: { awsProfile?: string | undefined; force?: boolean | undefined },
  ): Promise<AwsConfigChange & { awsProfile: string; command: string; warning?: string }> {
    const { profiles } = await this.deps.profiles.read();
    const profile = requireProfile(profiles, profileId);
    const awsProfile = options.awsProfile ?? profile.name;
    const region = profileRegion(profiles, profile);
    const launcher = await this.deps.cliLauncher();
    const command = credentialProcessCommandLine(launcher.command, profile);
    const change = await this.deps.configEditor().install(
      awsProfile,
      { credential_process: command, ...(region ? { region } : {}) },
      options.force ? { force: true } : {},
    );
    return { ...change, awsProfile, command, ...(launcher.warning ? { warning: launcher.warning } : {}) };
  }
}
