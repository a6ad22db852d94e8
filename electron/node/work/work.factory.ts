import type { AuditLog } from '../../../shared/ports/audit-log';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { Ports } from '../app/composition';
import { AuditRecorder } from '../audit/audit-recorder';
import { AwsConfigEditor } from '../aws-files/aws-config.editor';
import { findCliLauncher } from '../aws-files/cli-launcher';
import { AwsFilesReader } from '../aws-files/aws-files.reader';
import { checkCredentialProcess } from '../aws-files/credential-process-check';
import { resolveAppHome } from '../app/app-home';
import { ClipboardService } from '../clipboard/clipboard.service';
import type { SettingsService } from '../profiles/settings.service';
import type { SessionService } from '../sessions/session.service';
import { SessionWorkService } from './session-work.service';

/** Copy an export, install a credential_process profile: what the window offers per session. */
export function createWork(
  ports: Pick<Ports, 'clipboard' | 'scheduler' | 'clock' | 'logger' | 'cliLauncher' | 'bundledCli' | 'home'>,
  needs: { sessions: SessionService; profiles: ProfileDirectory; settings: SettingsService; audit: AuditLog },
): SessionWorkService {
  const { clipboard, scheduler, clock, logger } = ports;
  return new SessionWorkService({
    sessions: needs.sessions,
    profiles: needs.profiles,
    settings: needs.settings,
    audit: new AuditRecorder({ audit: needs.audit, clock, logger }),
    clipboard: clipboard ? new ClipboardService(clipboard, scheduler, clock, logger) : undefined,
    configEditor: () => new AwsConfigEditor({ clock, logger }),
    cliLauncher: ports.cliLauncher ?? (() => findCliLauncher({ bundledCli: ports.bundledCli ?? null })),
    checkLine: (line) => checkCredentialProcess(line),
    installedLine: async (awsProfile) => (await new AwsFilesReader().read()).profiles[awsProfile]?.credential_process,
    // The default folder needs no --home: the CLI finds it by itself.
    home: ports.home !== undefined && ports.home !== resolveAppHome({ ...process.env, ROLEDECK_HOME: undefined }) ? ports.home : undefined,
  });
}
