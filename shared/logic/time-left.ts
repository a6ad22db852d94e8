/**
 * How long a session has left, in the words the window, the top bar and the tray all use:
 * "2 h 14 min", "14 min", "59 s", "expired 3 min ago". Pure: the caller passes `now`, so a
 * countdown re-renders from its own clock without asking the main side every second.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A span of time, rounded down to what a glance needs: hours and minutes above an hour, minutes
 * below, seconds only in the last minute (when every second counts).
 */
export function formatSpan(ms: number): string {
  const span = Math.max(0, Math.floor(ms));
  if (span >= HOUR) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (span >= MINUTE) return `${Math.floor(span / MINUTE)} min`;
  return `${Math.floor(span / SECOND)} s`;
}

/** "2 h 14 min left", "59 s left", "expired 3 min ago", "expired just now". */
export function formatTimeLeft(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left > 0) {
    // Rounded down, a session with 0.4 s left would read "0 s left"; it is still valid, so say 1 s.
    return left < SECOND ? '1 s left' : `${formatSpan(left)} left`;
  }
  const ago = now - expiresAt;
  return ago < SECOND ? 'expired just now' : `expired ${formatSpan(ago)} ago`;
}

/** Whether a session with this expiry is past it. */
export function isExpired(expiresAt: number, now: number): boolean {
  return expiresAt <= now;
}

export interface ClockFormat {
  /** BCP 47 locale; the runtime's default when absent. */
  locale?: string;
  /** IANA zone; the machine's when absent (tests pass 'UTC'). */
  timeZone?: string;
}

/** A wall-clock time for "refresh at 17:45" and "cached until 18:42", in the user's locale. */
export function formatClockTime(epochMs: number, format: ClockFormat = {}): string {
  return new Intl.DateTimeFormat(format.locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(format.timeZone ? { timeZone: format.timeZone } : {}),
  }).format(epochMs);
}
