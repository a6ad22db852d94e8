import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs`. Countdowns render from this and the session's
 * `expiresAt`, so they tick locally without an IPC call per second.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
