import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { getApi } from '../../api';
import type { Remote } from '../../app/use-app-status';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ProfilesState {
  profiles: Remote<ProfileView[]>;
  /** Asks the main side again; resolves with the new list (null if that failed). */
  reload: () => Promise<ProfileView[] | null>;
}

/** The profile list from the main side, with an honest loading and failed state. */
export function useProfiles(): ProfilesState {
  const [profiles, setProfiles] = useState<Remote<ProfileView[]>>({ state: 'loading' });
  const live = useRef(true);

  const reload = useCallback(async (): Promise<ProfileView[] | null> => {
    try {
      const { profiles: list } = await getApi().profiles.list();
      if (live.current) setProfiles({ state: 'loaded', value: list });
      return list;
    } catch (error) {
      if (live.current) setProfiles({ state: 'failed', message: messageOf(error) });
      return null;
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  return { profiles, reload };
}
