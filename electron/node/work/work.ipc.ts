import type { HandlersFor } from '../ipc/router';
import type { SessionWorkService } from './session-work.service';

export type WorkChannel = 'sessions.copyExport' | 'sessions.revealExport' | 'sessions.installCliProfile';

/** Putting a session to work from the window: the credentials stay on the main side. */
export function createWorkHandlers(services: { work: SessionWorkService }): HandlersFor<WorkChannel> {
  const { work } = services;
  return {
    'sessions.copyExport': ({ profileId, format }) => work.copyExport(profileId, format),
    'sessions.revealExport': ({ profileId, format }) => work.revealExport(profileId, format),
    'sessions.installCliProfile': ({ profileId, awsProfile, force }) => work.installCliProfile(profileId, { awsProfile, force }),
  };
}
