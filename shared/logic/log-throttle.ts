/**
 * At most one log line per window for a repeated event (a refused token, a refused Host), with the
 * number of lines it stood for. A local process hammering a loopback endpoint must not be able to
 * fill the user's disk through our log. Pure: the caller passes the time.
 */
export interface LogThrottle {
  /** `null`: stay quiet. A number: log now, saying it stands for that many events (>= 1). */
  admit(now: number): number | null;
}

export function createLogThrottle(windowMs: number): LogThrottle {
  let windowStart = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return {
    admit(now) {
      if (now - windowStart < windowMs) {
        suppressed += 1;
        return null;
      }
      const count = suppressed + 1;
      windowStart = now;
      suppressed = 0;
      return count;
    },
  };
}
