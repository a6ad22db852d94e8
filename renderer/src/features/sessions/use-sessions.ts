import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import type { SessionsSnapshot } from '../../../../shared/domain/session';
import { getApi } from '../../api';
import type { Remote } from '../../app/use-app-status';

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface SessionsState {
  snapshot: Remote<SessionsSnapshot>;
  /** Profiles give a session its customer label, colour and role name; null until loaded. */
  profiles: ProfileView[] | null;
  /** Asks the main side for sessions and profiles again. */
  reload: () => void;
  /** Takes a snapshot a call returned (setActive) without waiting for the event. */
  accept: (snapshot: SessionsSnapshot) => void;
}

/**
 * Sessions as the main side reports them: loaded once, then kept current by 'sessions.changed'
 * (which carries the whole snapshot), and re-read when the window regains focus — after a sleep
 * or a CLI run, say. Profiles come along for their labels and colours.
 */
export function useSessions(): SessionsState {
  const [snapshot, setSnapshot] = useState<Remote<SessionsSnapshot>>({ state: 'loading' });
  const [profiles, setProfiles] = useState<ProfileView[] | null>(null);
  const live = useRef(true);

  const loadProfiles = useCallback(async () => {
    try {
      const { profiles: list } = await getApi().profiles.list();
      if (live.current) setProfiles(list);
    } catch {
      // Sessions still show without labels and colours; the Accounts section reports the failure.
    }
  }, []);

  const loadSnapshot = useCallback(async () => {
    try {
      const value = await getApi().sessions.list();
      if (live.current) setSnapshot({ state: 'loaded', value });
    } catch (error) {
      if (live.current) setSnapshot({ state: 'failed', message: messageOf(error) });
    }
  }, []);

  const reload = useCallback(() => {
    void loadSnapshot();
    void loadProfiles();
  }, [loadProfiles, loadSnapshot]);

  useEffect(() => {
    live.current = true;
    reload();
    let unsubscribe = (): void => undefined;
    try {
      unsubscribe = getApi().on('sessions.changed', (value) => {
        if (!live.current) return;
        setSnapshot({ state: 'loaded', value });
      });
    } catch {
      // No bridge: the list call above has already reported it.
    }
    const onFocus = (): void => reload();
    window.addEventListener('focus', onFocus);
    return () => {
      live.current = false;
      unsubscribe();
      window.removeEventListener('focus', onFocus);
    };
  }, [reload]);

  // A session for a profile we do not know yet (added from the CLI, say): fetch the profiles again.
  const knownIds = profiles ? new Set(profiles.map((profile) => profile.id)) : null;
  const unknown =
    snapshot.state === 'loaded' && knownIds !== null && snapshot.value.sessions.some((session) => !knownIds.has(session.profileId));
  useEffect(() => {
    if (unknown) void loadProfiles();
  }, [unknown, loadProfiles]);

  const accept = useCallback((value: SessionsSnapshot) => setSnapshot({ state: 'loaded', value }), []);

  return { snapshot, profiles, reload, accept };
}
