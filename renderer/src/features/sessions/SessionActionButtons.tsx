import type { ReactElement } from 'react';
import type { SessionView } from '../../../../shared/domain/session';
import { EXPORT_FORMATS } from '../../../../shared/logic/shell-export';
import { SplitButton } from '../../ui/SplitButton';
import { copyLabel, formatName, formatSample, isExportFormat } from '../../../../shared/logic/export-format';
import type { SessionAction, SessionActions } from './use-session-actions';
import type { SessionWork } from './use-session-work';

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
  console: 'Opening…',
};

/**
 * Copy as…: the main half copies in the preferred format, the menu offers all eight (and makes the
 * one chosen preferred). The main side writes the clipboard; nothing secret comes back here.
 */
export function CopyExportButton({ session, work }: { session: SessionView; work: SessionWork }): ReactElement {
  const { profileId, profileName } = session;
  const busy = work.copying.has(profileId);
  return (
    <SplitButton
      busy={busy}
      onClick={() => work.copy(profileId, profileName, work.preferred)}
      menuLabel={`Copy ${profileName} as…`}
      entries={EXPORT_FORMATS.map((format) => ({ id: format, label: formatName(format), aside: formatSample(format), current: format === work.preferred }))}
      onSelect={(id) => {
        if (isExportFormat(id)) work.copy(profileId, profileName, id);
      }}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {busy ? 'Copying…' : copyLabel(work.preferred)}
      <span className="visually-hidden"> {profileName}</span>
    </SplitButton>
  );
}

interface SessionActionButtonsProps {
  session: SessionView;
  active: boolean;
  actions: SessionActions;
  work: SessionWork;
}

export function SessionActionButtons({ session, active, actions, work }: SessionActionButtonsProps): ReactElement {
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
      {/* Two sets that wrap as wholes: putting the session to work, then managing it. */}
      <div className="session-actions__set">
        <CopyExportButton session={session} work={work} />
        <button type="button" className="button" onClick={() => work.openInstall({ profileId, profileName })}>
          Install as AWS CLI profile<span className="visually-hidden"> {profileName}</span>
        </button>
        {/* AWS signs in to the console with a role's session only (not an IAM user's keys). */}
        {session.kind === 'role' ? button('console', 'Open console', () => actions.openConsole(profileId, profileName)) : null}
      </div>
      <div className="session-actions__set">
        {active ? null : button('activate', 'Make active', () => actions.activate(profileId, profileName))}
        {session.kind === 'user-keys' ? null : button('refresh', 'Refresh', () => actions.refresh(profileId, profileName))}
        {button('test', 'Test access', () => actions.testAccess(profileId, profileName))}
        {button('end', 'End session', () => actions.end(profileId, profileName), 'danger')}
      </div>
    </div>
  );
}
