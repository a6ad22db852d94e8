import type { Scheduler } from '../../../shared/ports/scheduler';

/** setTimeout's limit (about 24.8 days); a longer delay would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Scheduler on Node timers. Timers are unref'd: a pending refresh never keeps a CLI or test process
 * alive. They also stop counting while a laptop sleeps, which is why the refresh scheduler re-checks
 * against the wall clock instead of trusting them.
 */
export class TimeoutScheduler implements Scheduler {
  setTimer(fn: () => void, ms: number): () => void {
    const timer = setTimeout(fn, Math.min(MAX_DELAY_MS, Math.max(0, ms)));
    timer.unref();
    return () => clearTimeout(timer);
  }
}
