import type { Ports, Shared } from '../app/composition';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import { AwsConfigEditor } from '../aws-files/aws-config.editor';
import { AwsCredentialsEditor } from '../aws-files/aws-credentials.editor';
import { findCliLauncher, type CliLauncher } from '../aws-files/cli-launcher';
import { AwsImportService } from './aws-import.service';
import { PlaintextKeysService } from './plaintext-keys.service';
import { ProfileService } from './profile.service';
import { SettingsService } from './settings.service';

/** Profiles; an edit invalidates cached sessions through the shared session cache. */
export function createProfiles(ports: Pick<Ports, 'store' | 'secrets' | 'clock' | 'logger'>, shared: Shared): ProfileService {
  return new ProfileService({ ...ports, sessions: shared.sessionCache, audit: shared.audit });
}

export function createSettings(ports: Pick<Ports, 'store'>, shared: Shared): SettingsService {
  return new SettingsService({ store: ports.store, sessions: shared.sessionCache, events: shared.events });
}

export function createAwsImport(ports: Pick<Ports, 'store' | 'secrets' | 'clock' | 'logger' | 'awsFiles'>, shared: Shared): AwsImportService {
  return new AwsImportService({ ...ports, audit: shared.audit });
}

/**
 * Taking plaintext keys off disk. The files are the ones the SDKs read in `env` (default: this
 * process's); the credential_process line starts the CLI as `launcher` says (default: found on PATH).
 */
export function createPlaintextKeys(
  ports: Pick<Ports, 'awsFiles' | 'clock' | 'logger' | 'cliLauncher'>,
  shared: Shared,
  needs: { profiles: ProfileDirectory },
  options: { env?: NodeJS.ProcessEnv; home?: string; cliLauncher?: () => Promise<CliLauncher> } = {},
): PlaintextKeysService {
  const { clock, logger } = ports;
  const files = { clock, logger, ...(options.env ? { env: options.env } : {}) };
  // The paths come from what ports.awsFiles read, so the editors change the files the plan was made from.
  return new PlaintextKeysService({
    profiles: needs.profiles,
    awsFiles: ports.awsFiles,
    configEditor: (configPath) => new AwsConfigEditor({ ...files, configPath }),
    credentialsEditor: (credentialsPath) => new AwsCredentialsEditor({ ...files, credentialsPath }),
    cliLauncher: options.cliLauncher ?? ports.cliLauncher ?? (() => findCliLauncher()),
    home: options.home,
    audit: shared.audit,
    clock,
    logger,
  });
}
