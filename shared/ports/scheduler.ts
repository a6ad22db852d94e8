/**
 * One-shot timers, injectable so refresh scheduling can be driven by a fake in tests. Pair it with
 * a Clock: the scheduler says when to look again, the clock says what time it really is (a laptop
 * that slept may fire a timer hours late, or never).
 */
export interface Scheduler {
  /** Runs `fn` once, `ms` from now (0 or less: as soon as possible). Returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}
