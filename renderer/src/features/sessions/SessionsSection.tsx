import { lazy, Suspense, useMemo, type ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import type { SessionsSnapshot } from '../../../../shared/domain/session';
import { colorOfProfile, type CustomerColors } from '../../../../shared/logic/customer-color';
import { RemoteView, type Remote } from '../../api';
import { Icon } from '../../ui/Icon';
import { useHasTray } from '../../app/app-status-context';
import { ActiveSessionCard } from './ActiveSessionCard';
import { LiveSessionList } from './LiveSessionList';
import { StartSessionPanel } from './StartSessionPanel';
import { useNow } from './use-now';
import { useSessionActions, type SessionActions } from './use-session-actions';
import { useSessionWork, type SessionWork } from './use-session-work';
import { useSessionWarnings, type SessionWarning } from './use-session-warnings';
import { useSessions } from './use-sessions';
import './sessions.css';

// Loaded when first opened: it checks the AWS profile name with the shared zod schema, and zod
// stays out of the initial bundle (as the Accounts forms keep it out).
const InstallCliProfileDialog = lazy(() => import('./InstallCliProfileDialog').then((module) => ({ default: module.InstallCliProfileDialog })));
const RevealExportDialog = lazy(() => import('./RevealExportDialog').then((module) => ({ default: module.RevealExportDialog })));

function WarningBanners({ warnings, onDismiss }: { warnings: readonly SessionWarning[]; onDismiss: (profileId: string) => void }): ReactElement | null {
  if (warnings.length === 0) return null;
  return (
    <div className="sessions-warnings">
      {warnings.map((warning) => (
        <div key={warning.profileId} className="banner" role="alert" data-testid="session-warning">
          <Icon name="alert" className="banner__icon" />
          <div className="banner__text">
            <p className="banner__title">{warning.profileName}</p>
            <p>{warning.message}</p>
          </div>
          <button type="button" className="button" onClick={() => onDismiss(warning.profileId)}>
            Dismiss<span className="visually-hidden"> the warning for {warning.profileName}</span>
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * The Sessions section: the session in use front and centre, every live session below with its
 * countdown and actions, and a way to start one for any other profile. Kept current by the
 * 'sessions.changed' event; countdowns tick from a local clock.
 */
export function SessionsSection(): ReactElement {
  const { snapshot, profiles, profileList, colors, reload, accept } = useSessions();
  const actions = useSessionActions(accept);
  const work = useSessionWork();
  const { warnings, dismiss } = useSessionWarnings();
  const now = useNow();
  const byId = useMemo(() => new Map<string, ProfileView>((profiles ?? []).map((profile) => [profile.id, profile])), [profiles]);

  return (
    <RemoteView remote={snapshot} loading="Loading sessions…" failed="Roledeck could not list your sessions" onRetry={reload} variant="panel">
      {(value) => <SessionsBody snapshot={value} profileList={profileList} onRetry={reload} byId={byId} colors={colors} now={now} actions={actions} work={work} warnings={warnings} dismiss={dismiss} />}
    </RemoteView>
  );
}

function colorOf(profile: ProfileView | undefined, colors: CustomerColors): string | undefined {
  return profile ? colorOfProfile(profile, colors) : undefined;
}

interface SessionsBodyProps {
  snapshot: SessionsSnapshot;
  profileList: Remote<ProfileView[]>;
  onRetry: () => void;
  byId: ReadonlyMap<string, ProfileView>;
  colors: CustomerColors;
  now: number;
  actions: SessionActions;
  work: SessionWork;
  warnings: readonly SessionWarning[];
  dismiss: (profileId: string) => void;
}

function SessionsBody({ snapshot, profileList, onRetry, byId, colors, now, actions, work, warnings, dismiss }: SessionsBodyProps): ReactElement {
  const { sessions, activeProfileId } = snapshot;
  const hasTray = useHasTray();
  const active = sessions.find((session) => session.profileId === activeProfileId);
  const liveIds = new Set(sessions.map((session) => session.profileId));

  return (
    <div className="sessions">
      <WarningBanners warnings={warnings} onDismiss={dismiss} />
      {active ? (
        <ActiveSessionCard
          session={active}
          profile={byId.get(active.profileId)}
          color={colorOf(byId.get(active.profileId), colors)}
          profiles={byId}
          now={now}
          actions={actions}
          work={work}
        />
      ) : sessions.length > 0 ? (
        <p className="sessions-note" data-testid="no-active-session">
          No session is in use. Make one active so the title bar{hasTray ? ' and the tray' : ''} show{hasTray ? '' : 's'} which account you are working in.
        </p>
      ) : (
        <section className="sessions-intro" aria-labelledby="sessions-intro-title">
          <h2 id="sessions-intro-title" className="sessions-intro__title">
            No live sessions
          </h2>
          <p>
            Sessions you start appear here with the account, the role and the time left, so the identity in use is
            never in doubt. Roledeck refreshes them before they expire and warns you when the next refresh needs an
            MFA code.
          </p>
        </section>
      )}
      {sessions.length > 0 ? (
        <LiveSessionList sessions={sessions} activeProfileId={activeProfileId} profiles={byId} colors={colors} now={now} actions={actions} work={work} />
      ) : null}
      <StartSessionPanel profileList={profileList} onRetry={onRetry} liveIds={liveIds} activeProfileId={activeProfileId} actions={actions} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {actions.announcement}
      </p>
      <Suspense fallback={null}>
        {work.installing ? <InstallCliProfileDialog key={work.installing.profileId} target={work.installing} onClose={work.closeInstall} /> : null}
        {work.revealing ? (
          <RevealExportDialog
            key={`${work.revealing.profileId}:${work.revealing.format}`}
            profileId={work.revealing.profileId}
            profileName={work.revealing.profileName}
            format={work.revealing.format}
            onClose={work.closeReveal}
          />
        ) : null}
      </Suspense>
    </div>
  );
}
