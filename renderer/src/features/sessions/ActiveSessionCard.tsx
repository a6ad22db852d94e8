import type { ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import type { SessionView } from '../../../../shared/domain/session';
import { Swatch } from '../../ui/Swatch';
import { CopyStatus, OutcomeNote, TestAccessNote } from './ActionNotes';
import { SessionActionButtons } from './SessionActionButtons';
import { Countdown, SessionBadge } from './SessionBadge';
import { accountIdOf, cacheText, credentialsText, refreshText, roleNameOf } from './session-format';
import type { SessionActions } from './use-session-actions';
import type { SessionWork } from './use-session-work';

interface ActiveSessionCardProps {
  session: SessionView;
  profile: ProfileView | undefined;
  /** The profile's colour, or its customer's (shared/logic/customer-color). */
  color: string | undefined;
  /** Every profile by id: whose credentials the chain used. */
  profiles: ReadonlyMap<string, ProfileView>;
  now: number;
  actions: SessionActions;
  work: SessionWork;
}

/**
 * The identity in use, front and centre: who, where, as what, for how long, and what Roledeck
 * will do next on its own.
 */
export function ActiveSessionCard({ session, profile, color, profiles, now, actions, work }: ActiveSessionCardProps): ReactElement {
  const accountId = accountIdOf(session, profile);
  const roleName = roleNameOf(session, profile);
  const outcome = actions.outcomes[session.profileId];
  const test = actions.tests[session.profileId];
  return (
    <section className="session-card" aria-labelledby="active-session-title" data-testid="active-session">
      <div className="session-card__head">
        <div className="session-card__identity">
          <Swatch color={color} size={20} className="session-card__swatch" />
          <div>
            <p className="session-card__eyebrow">In use</p>
            <h2 id="active-session-title" className="session-card__name">
              {session.profileName}
            </h2>
            {profile?.label ? <p className="session-card__label">{profile.label}</p> : null}
          </div>
        </div>
        <div className="session-card__time">
          <SessionBadge session={session} now={now} />
          <Countdown session={session} now={now} className="session-card__countdown" />
        </div>
      </div>

      {session.state === 'failed' && session.error ? (
        <p className="session-card__error" data-testid="session-error">
          {session.error.message} <span className="session-card__code">({session.error.code})</span>
        </p>
      ) : null}

      <dl className="facts session-card__facts">
        {accountId ? (
          <div className="facts__row">
            <dt>Account</dt>
            <dd className="sessions-mono">{accountId}</dd>
          </div>
        ) : null}
        {roleName ? (
          <div className="facts__row">
            <dt>Role</dt>
            <dd>{roleName}</dd>
          </div>
        ) : null}
        <div className="facts__row">
          <dt>{session.kind === 'role' ? 'Assumed ARN' : 'Identity'}</dt>
          <dd className="sessions-mono" data-testid="session-arn">
            {session.arn ?? 'Not known yet'}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Credentials</dt>
          <dd data-testid="session-credentials">{credentialsText(session, (name) => [...profiles.values()].find((candidate) => candidate.name === name))}</dd>
        </div>
        <div className="facts__row">
          <dt>Cached</dt>
          <dd>{cacheText(session)}</dd>
        </div>
        <div className="facts__row">
          <dt>Next refresh</dt>
          <dd>{refreshText(session)}</dd>
        </div>
      </dl>

      <div className="session-work">
        <SessionActionButtons session={session} active actions={actions} work={work} />
        <CopyStatus note={work.notes[session.profileId]} now={now} onReveal={(format) => work.reveal({ profileId: session.profileId, profileName: session.profileName, format })} />
      </div>
      {test ? <TestAccessNote result={test} profileName={session.profileName} /> : null}
      {outcome ? <OutcomeNote outcome={outcome} onDismiss={() => actions.dismiss(session.profileId)} /> : null}
    </section>
  );
}
