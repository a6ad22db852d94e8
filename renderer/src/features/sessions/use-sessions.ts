import { useCallback, useEffect } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import type { SessionsSnapshot } from '../../../../shared/domain/session';
import type { CustomerColors } from '../../../../shared/logic/customer-color';
import { getApi, useRemote, type Remote } from '../../api';
import { useCustomerColors } from '../customers/use-customer-colors';

export interface SessionsState {
  snapshot: Remote<SessionsSnapshot>;
  /** Profiles give a session its customer label, colour and role name; null until loaded. */
  profiles: ProfileView[] | null;
  /** The same profiles with their loading and failed states, for the views that list them. */
  profileList: Remote<ProfileView[]>;
  /** Customer colours for the profiles (shared/logic/customer-color). */
  colors: CustomerColors;
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
  const { remote: snapshot, reload: reloadSnapshot, set: accept } = useRemote(() => getApi().sessions.list(), []);
  // Sessions still show without labels and colours if this fails; the Accounts section reports it.
  const { remote: profileList, reload: reloadProfiles } = useRemote(async () => (await getApi().profiles.list()).profiles, []);
  const profiles = profileList.state === 'loaded' ? profileList.value : null;
  const colors = useCustomerColors(profiles);

  const reload = useCallback(() => {
    void reloadSnapshot();
    void reloadProfiles();
  }, [reloadProfiles, reloadSnapshot]);

  useEffect(() => {
    let unsubscribe = (): void => undefined;
    try {
      unsubscribe = getApi().on('sessions.changed', accept);
    } catch {
      // No bridge: the list call has already reported it.
    }
    window.addEventListener('focus', reload);
    return () => {
      unsubscribe();
      window.removeEventListener('focus', reload);
    };
  }, [accept, reload]);

  // A session for a profile we do not know yet (added from the CLI, say): fetch the profiles again.
  const knownIds = profiles ? new Set(profiles.map((profile) => profile.id)) : null;
  const unknown =
    snapshot.state === 'loaded' && knownIds !== null && snapshot.value.sessions.some((session) => !knownIds.has(session.profileId));
  useEffect(() => {
    if (unknown) void reloadProfiles();
  }, [unknown, reloadProfiles]);

  return { snapshot, profiles, profileList, colors, reload, accept };
}
