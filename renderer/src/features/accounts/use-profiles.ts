import { useCallback } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { getApi, useRemote, type Remote } from '../../api';

export interface ProfilesState {
  profiles: Remote<ProfileView[]>;
  /** Asks the main side again; resolves with the new list (null if that failed). */
  reload: () => Promise<ProfileView[] | null>;
}

/** The profile list from the main side, with an honest loading and failed state. */
export function useProfiles(): ProfilesState {
  const { remote, reload } = useRemote(async () => (await getApi().profiles.list()).profiles, []);
  return { profiles: remote, reload: useCallback(() => reload(), [reload]) };
}
