import type { ReactElement } from 'react';
import type { SessionView } from '../../../../shared/domain/session';
import { sessionBadge, timeLeftText } from './session-format';

/** The session's state in one word, coloured by tone; the colour is never the only signal. */
export function SessionBadge({ session, now }: { session: Pick<SessionView, 'state' | 'expiresAt'>; now: number }): ReactElement {
  const badge = sessionBadge(session, now);
  return (
    <span className={`session-badge session-badge--${badge.tone}`} data-testid="session-state">
      {badge.label}
    </span>
  );
}

/**
 * The countdown. It re-renders every second from the caller's clock but is not a live region: a
 * screen reader would otherwise read it out every second. The expiry itself is in `dateTime`.
 */
export function Countdown({ session, now, className }: { session: Pick<SessionView, 'expiresAt'>; now: number; className?: string }): ReactElement {
  const text = timeLeftText(session, now);
  if (session.expiresAt === undefined) return <span className={className}>{text}</span>;
  return (
    <time className={className} dateTime={new Date(session.expiresAt).toISOString()} data-testid="countdown">
      {text}
    </time>
  );
}
