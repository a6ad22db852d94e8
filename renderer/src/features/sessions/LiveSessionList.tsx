import type { ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import type { SessionView } from '../../../../shared/domain/session';
import { colorOfProfile, type CustomerColors } from '../../../../shared/logic/customer-color';
import { Swatch } from '../../ui/Swatch';
import { CopyStatus, OutcomeNote, TestAccessNote } from './ActionNotes';
import { SessionActionButtons } from './SessionActionButtons';
import { Countdown, SessionBadge } from './SessionBadge';
import { accountIdOf, kindText, roleNameOf } from './session-format';
import type { SessionActions } from './use-session-actions';
import type { SessionWork } from './use-session-work';

interface LiveSessionListProps {
  sessions: readonly SessionView[];
  activeProfileId: string | null;
  profiles: ReadonlyMap<string, ProfileView>;
  colors: CustomerColors;
  now: number;
  actions: SessionActions;
  work: SessionWork;
}

/**
 * Every live session with its countdown. The one in use is listed too (marked "In use") but its
 * actions live on the card above, so no two buttons on the page share a name.
 */
export function LiveSessionList({ sessions, activeProfileId, profiles, colors, now, actions, work }: LiveSessionListProps): ReactElement {
  return (
    <section className="sessions-block" aria-labelledby="live-sessions-title">
      <h2 id="live-sessions-title" className="sessions-block__title">
        Live sessions <span className="sessions-block__count">{sessions.length}</span>
      </h2>
      <ul className="session-list">
        {sessions.map((session) => {
          const profile = profiles.get(session.profileId);
          const active = session.profileId === activeProfileId;
          const accountId = accountIdOf(session, profile);
          const roleName = roleNameOf(session, profile);
          const outcome = actions.outcomes[session.profileId];
          const test = actions.tests[session.profileId];
          const nameId = `session-row-${session.profileId}`;
          return (
            <li key={session.profileId} className={`session-row${active ? ' is-active' : ''}`} data-testid="session-row">
              <div className="session-row__main">
                <Swatch color={profile ? colorOfProfile(profile, colors) : undefined} size={14} />
                <div className="session-row__who">
                  <p className="session-row__name">
                    <span id={nameId}>{session.profileName}</span>
                    {active ? <span className="session-row__in-use">In use</span> : null}
                  </p>
                  <p className="session-row__meta">
                    {[profile?.label, accountId, roleName ?? kindText(session.kind)].filter(Boolean).join(' · ')}
                  </p>
                </div>
                <SessionBadge session={session} now={now} />
                <Countdown session={session} now={now} className="session-row__countdown" />
              </div>
              {session.state === 'failed' && session.error ? (
                <p className="session-row__error">
                  {session.error.message} <span className="session-card__code">({session.error.code})</span>
                </p>
              ) : null}
              {/* The session in use has its actions and notes on the card above. */}
              {active ? null : (
                <>
                  <div className="session-work">
                    <SessionActionButtons session={session} active={false} actions={actions} work={work} />
                    <CopyStatus note={work.notes[session.profileId]} now={now} onReveal={(format) => work.reveal({ profileId: session.profileId, profileName: session.profileName, format })} />
                  </div>
                  {test ? <TestAccessNote result={test} profileName={session.profileName} /> : null}
                  {outcome ? <OutcomeNote outcome={outcome} onDismiss={() => actions.dismiss(session.profileId)} /> : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
