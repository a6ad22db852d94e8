import type { Scheduler } from '../../shared/ports/scheduler';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** Lets pending promise callbacks and timers of the code under test run. */
export async function settle(rounds = 5): Promise<void> {
  for (let index = 0; index < rounds; index += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A Scheduler on a FakeClock-like clock: timers fire only when the test says so. `advance` moves
 * time the way a running machine does (each timer fires at its own time); moving the clock
 * directly and then `runDue()` plays a machine that slept through its timers.
 */
export class FakeScheduler implements Scheduler {
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(private readonly clock: { time: number }) {}

  setTimer(fn: () => void, ms: number): () => void {
    const timer = { id: this.nextId++, at: this.clock.time + Math.max(0, ms), fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((entry) => entry !== timer);
    };
  }

  /** Pending timers, soonest first (times in epoch ms). */
  pending(): number[] {
    return this.timers.map((timer) => timer.at).sort((a, b) => a - b);
  }

  /** Runs every timer due at the current time, including ones they schedule for now. */
  async runDue(): Promise<void> {
    for (let guard = 0; guard < 1000; guard += 1) {
      await settle();
      const due = this.soonest();
      if (!due || due.at > this.clock.time) return;
      this.fire(due);
    }
    throw new Error('FakeScheduler: more than 1000 timers fired at one instant (a loop?)');
  }

  /** Moves the clock forward by `ms`, firing timers in order at their own times. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.time + ms;
    for (let guard = 0; guard < 10_000; guard += 1) {
      await settle();
      const due = this.soonest();
      if (!due || due.at > end) break;
      this.clock.time = Math.max(this.clock.time, due.at);
      this.fire(due);
    }
    this.clock.time = end;
    await settle();
  }

  private soonest(): Timer | undefined {
    return [...this.timers].sort((a, b) => a.at - b.at || a.id - b.id)[0];
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((entry) => entry !== timer);
    timer.fn();
  }
}
