import type { ReactElement } from 'react';
import type { SessionView } from '../../../../shared/domain/session';
import type { SessionAction, SessionActions } from './use-session-actions';

interface ActionButtonProps {
  label: string;
  busyLabel: string;
  /** Read after the label so "Refresh" says which session: "Refresh acme-prod". */
  target?: string;
  busy: boolean;
  /** Another action on the same profile is running. */
  blocked: boolean;
  onClick: () => void;
  variant?: 'primary' | 'danger';
}

/**
 * A busy button stays focusable (aria-disabled, not disabled): focus must not fall to the page
 * while an MFA prompt is open, and returns here when the prompt closes.
 */
export function ActionButton({ label, busyLabel, target, busy, blocked, onClick, variant }: ActionButtonProps): ReactElement {
  const inert = busy || blocked;
  return (
    <button
      type="button"
      className={`button${variant === 'primary' ? ' button--primary' : ''}${variant === 'danger' ? ' button--danger' : ''}`}
      aria-disabled={inert || undefined}
      aria-busy={busy || undefined}
      onClick={() => {
        if (!inert) onClick();
      }}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {busy ? busyLabel : label}
      {target ? <span className="visually-hidden"> {target}</span> : null}
    </button>
  );
}

const BUSY: Record<SessionAction, string> = {
  start: 'Starting…',
  refresh: 'Refreshing…',
  end: 'Ending…',
  activate: 'Switching…',
  test: 'Testing…',
};

export function SessionActionButtons({ session, active, actions }: { session: SessionView; active: boolean; actions: SessionActions }): ReactElement {
  const { profileId, profileName } = session;
  const running = actions.pending.get(profileId);
  const button = (action: SessionAction, label: string, onClick: () => void, variant?: 'primary' | 'danger'): ReactElement => (
    <ActionButton
      label={label}
      busyLabel={BUSY[action]}
      target={profileName}
      busy={running === action}
      blocked={running !== undefined && running !== action}
      onClick={onClick}
      {...(variant ? { variant } : {})}
    />
  );
  return (
    <div className="session-actions" role="group" aria-label={`Actions for ${profileName}`}>
      {active ? null : button('activate', 'Make active', () => actions.activate(profileId, profileName))}
      {session.kind === 'user-keys' ? null : button('refresh', 'Refresh', () => actions.refresh(profileId, profileName))}
      {button('test', 'Test access', () => actions.testAccess(profileId, profileName))}
      {button('end', 'End session', () => actions.end(profileId, profileName), 'danger')}
    </div>
  );
}
