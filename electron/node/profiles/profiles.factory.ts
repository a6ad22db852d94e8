import type { Ports, Shared } from '../app/composition';
import { AwsImportService } from './aws-import.service';
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
