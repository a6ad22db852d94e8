import type { ReactElement } from 'react';
import { colorOfProfile } from '../../../../shared/logic/customer-color';
import { Swatch } from '../../ui/Swatch';
import { sessionBadge, timeLeftText } from './session-format';
import { useNow } from './use-now';
import { useSessions } from './use-sessions';
import { paletteShortcutLabel } from '../palette/CommandPalette';
import './sessions.css';

/**
 * The top bar's "which account am I in": the active profile's colour, name and time left, or
 * plainly that nothing is in use. Clicking it opens the switcher (the command palette, where
 * Shift+Enter makes a profile the one in use), as Ctrl/Cmd+K does.
 */
export function ActiveSessionIndicator({ onSwitch, isMac }: { onSwitch: () => void; isMac: boolean }): ReactElement | null {
  const { snapshot, profiles, colors } = useSessions();
  const now = useNow();
  if (snapshot.state !== 'loaded') return null;
  const { sessions, activeProfileId } = snapshot.value;
  const session = sessions.find((candidate) => candidate.profileId === activeProfileId);
  const shortcut = paletteShortcutLabel(isMac);
  const common = {
    type: 'button' as const,
    'data-testid': 'active-indicator',
    onClick: onSwitch,
    'aria-keyshortcuts': isMac ? 'Meta+K' : 'Control+K',
    title: `Switch to another profile (${shortcut})`,
  };
  if (!session) {
    return (
      <button {...common} className="active-indicator active-indicator--none">
        No session in use
        <span className="visually-hidden"> — choose one ({shortcut})</span>
      </button>
    );
  }
  const profile = profiles?.find((candidate) => candidate.id === session.profileId);
  const badge = sessionBadge(session, now);
  return (
    <button {...common} className={`active-indicator active-indicator--${badge.tone}`}>
      <Swatch color={profile ? colorOfProfile(profile, colors) : undefined} size={12} />
      <span className="visually-hidden">In use: </span>
      <span className="active-indicator__name">{session.profileName}</span>
      {profile?.label ? <span className="active-indicator__label">{profile.label}</span> : null}
      <span className="active-indicator__time">{badge.tone === 'ok' ? timeLeftText(session, now) : `${badge.label} · ${timeLeftText(session, now)}`}</span>
      <span className="visually-hidden"> — switch ({shortcut})</span>
    </button>
  );
}
