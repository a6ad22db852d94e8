import { useSyncExternalStore } from 'react';

/**
 * One clock for every countdown in the window, re-read once a second. Countdowns render from it
 * and the session's `expiresAt`, so they tick locally without an IPC call per second; sharing one
 * reading keeps the top bar and the list from disagreeing ("1 h left" beside "59 min left") for
 * the second between two separate timers.
 */
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let reading = Date.now();
let timer: number | undefined;

function tick(): void {
  reading = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    reading = Date.now();
    timer = window.setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = (): number => reading;

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
