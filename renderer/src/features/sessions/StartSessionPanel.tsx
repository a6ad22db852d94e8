import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useHasTray } from '../../app/app-status-context';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { RemoteView, type Remote } from '../../api';
import { OutcomeNote, TestAccessNote } from './ActionNotes';
import { ActionButton } from './SessionActionButtons';
import type { SessionActions } from './use-session-actions';

/** "acme-prod — Acme Corp, role in 123456789012"; favourites first, then by name. */
export function profileOptionLabel(profile: ProfileView): string {
  const where = profile.kind === 'role' ? `role in ${profile.accountId}` : profile.mfaSerial ? 'IAM user with MFA' : 'IAM user';
  return `${profile.favorite ? '★ ' : ''}${profile.name} — ${profile.label ? `${profile.label}, ` : ''}${where}`;
}

export function startableProfiles(profiles: readonly ProfileView[], liveIds: ReadonlySet<string>): ProfileView[] {
  return profiles
    .filter((profile) => !liveIds.has(profile.id))
    .sort((a, b) => Number(b.favorite ?? false) - Number(a.favorite ?? false) || a.name.localeCompare(b.name));
}

interface StartSessionPanelProps {
  profileList: Remote<ProfileView[]>;
  /** Asks for the profiles again after a failure. */
  onRetry: () => void;
  liveIds: ReadonlySet<string>;
  /** When nothing is in use, a session started here becomes the one in use. */
  activeProfileId: string | null;
  actions: SessionActions;
}

/**
 * Start a session for a profile that is not live yet, or test it first. Starting may open the
 * MFA dialog; the button shows "Starting…" until the call ends, however it ends.
 */
export function StartSessionPanel({ profileList, onRetry, liveIds, activeProfileId, actions }: StartSessionPanelProps): ReactElement {
  const selectId = useId();
  const profiles = profileList.state === 'loaded' ? profileList.value : null;
  const options = profiles ? startableProfiles(profiles, liveIds) : [];
  const [selected, setSelected] = useState('');
  /** The profile the last Start or Test was for, whose note stays under the form. */
  const [lastId, setLastId] = useState<string | null>(null);
  /** The profile the last Start started: what the note under the form says follows the live state. */
  const [started, setStarted] = useState<{ id: string; name: string } | null>(null);
  const startedRef = useRef<HTMLParagraphElement>(null);
  const hasTray = useHasTray();

  // Keep a valid choice: the first option, or the next one once the chosen profile went live.
  const current = options.some((profile) => profile.id === selected) ? selected : (options[0]?.id ?? '');
  useEffect(() => {
    if (current !== selected) setSelected(current);
  }, [current, selected]);

  const profile = options.find((candidate) => candidate.id === current);
  const lastProfile = profiles?.find((candidate) => candidate.id === lastId);
  const running = profile ? actions.pending.get(profile.id) : undefined;
  const outcome = lastId ? actions.outcomes[lastId] : undefined;
  // A live profile's test result shows on its own row.
  const test = lastId && !liveIds.has(lastId) ? actions.tests[lastId] : undefined;

  const start = (event?: FormEvent): void => {
    event?.preventDefault();
    if (!profile || running) return;
    setLastId(profile.id);
    setStarted(null);
    const makeActive = activeProfileId === null;
    void actions.start(profile.id, profile.name).then((ok) => {
      if (!ok) return;
      setStarted({ id: profile.id, name: profile.name });
      if (makeActive) actions.activate(profile.id, profile.name);
    });
  };

  // The session list above grows when a session starts, which pushes this note down the page:
  // bring it into view, where the Start button was pressed.
  useLayoutEffect(() => {
    if (started) startedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [started]);

  const runTest = (): void => {
    if (!profile || running) return;
    setLastId(profile.id);
    setStarted(null);
    actions.testAccess(profile.id, profile.name);
  };

  return (
    <section className="sessions-block" aria-labelledby="start-session-title">
      <h2 id="start-session-title" className="sessions-block__title">
        Start a session
      </h2>
      <RemoteView remote={profileList} loading="Loading profiles…" failed="Roledeck could not list your profiles" onRetry={onRetry}>
        {(list) =>
          list.length === 0 ? (
            <p className="sessions-muted">
              No profiles yet. <a href="#/accounts">Add an IAM user or a role in Accounts</a>, then start a session here.
            </p>
          ) : options.length === 0 ? (
            <p className="sessions-muted">Every profile has a live session.</p>
          ) : (
            <form className="start-form" onSubmit={start}>
              <label htmlFor={selectId} className="start-form__label">
                Profile
              </label>
              <select id={selectId} className="input start-form__select" value={current} onChange={(event) => setSelected(event.target.value)}>
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {profileOptionLabel(option)}
                  </option>
                ))}
              </select>
              <ActionButton
                label="Start session"
                busyLabel="Starting…"
                busy={running === 'start'}
                blocked={running !== undefined && running !== 'start'}
                onClick={() => start()}
                variant="primary"
              />
              <ActionButton
                label="Test access"
                busyLabel="Testing…"
                target={profile?.name ?? ''}
                busy={running === 'test'}
                blocked={running !== undefined && running !== 'test'}
                onClick={runTest}
              />
            </form>
          )
        }
      </RemoteView>
      {running === 'start' && profile ? (
        <p className="sessions-muted" role="status">
          Starting {profile.name}… If it needs an MFA code, Roledeck asks for it in a dialog.
        </p>
      ) : null}
      {started && liveIds.has(started.id) ? (
        <p className="sessions-note sessions-note--ok start-result" data-testid="start-result" ref={startedRef} role="status">
          {activeProfileId === started.id ? (
            `${started.name} is live and in use.`
          ) : (
            <>
              {`${started.name} is live. Make it active to see it in the title bar${hasTray ? ' and the tray' : ''}.`}
              <ActionButton
                label="Make it active"
                busyLabel="Switching…"
                target={started.name}
                busy={actions.pending.get(started.id) === 'activate'}
                blocked={false}
                onClick={() => actions.activate(started.id, started.name)}
              />
            </>
          )}
        </p>
      ) : null}
      {test && lastProfile ? <TestAccessNote result={test} profileName={lastProfile.name} /> : null}
      {outcome && lastId ? <OutcomeNote outcome={outcome} onDismiss={() => actions.dismiss(lastId)} /> : null}
    </section>
  );
}
