import type { ReactElement } from 'react';
import { colorOfProfile } from '../../../../shared/logic/customer-color';
import { Swatch } from '../../ui/Swatch';
import { sessionBadge, timeLeftText } from './session-format';
import { useNow } from './use-now';
import { useSessions } from './use-sessions';
import './sessions.css';

/**
 * The top bar's "which account am I in": the active profile's colour, name and time left. Says
 * so plainly when nothing is in use. It is a display, not a control: the Sessions link in the
 * sidebar (Ctrl/Cmd+2) goes there, and keyboard users do not Tab through the top bar first.
 */
export function ActiveSessionIndicator(): ReactElement | null {
  const { snapshot, profiles, colors } = useSessions();
  const now = useNow();
  if (snapshot.state !== 'loaded') return null;
  const { sessions, activeProfileId } = snapshot.value;
  const session = sessions.find((candidate) => candidate.profileId === activeProfileId);
  if (!session) {
    return (
      <p className="active-indicator active-indicator--none" data-testid="active-indicator">
        No session in use
      </p>
    );
  }
  const profile = profiles?.find((candidate) => candidate.id === session.profileId);
  const badge = sessionBadge(session, now);
  return (
    <p className={`active-indicator active-indicator--${badge.tone}`} data-testid="active-indicator">
      <Swatch color={profile ? colorOfProfile(profile, colors) : undefined} size={12} />
      <span className="visually-hidden">In use: </span>
      <span className="active-indicator__name">{session.profileName}</span>
      {profile?.label ? <span className="active-indicator__label">{profile.label}</span> : null}
      <span className="active-indicator__time">{badge.tone === 'ok' ? timeLeftText(session, now) : `${badge.label} · ${timeLeftText(session, now)}`}</span>
    </p>
  );
}
