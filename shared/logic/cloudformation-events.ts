import type { StackEvent } from '../domain/deploy-events';

/**
 * Turns repeated DescribeStackEvents polls into one stream of new events, oldest first, each once.
 * DescribeStackEvents returns a stack's events newest first, a page at a time (NextToken for
 * older ones), and two polls overlap: the second starts with whatever happened since and then
 * repeats what the first already returned. No clock and no timers: the service polls, this merges.
 *
 * The service's loop, per poll:
 *   pages = []; do { page = describe(next); pages.push(page) } while (page.next && merger.needsOlderPage(page.events))
 *   merger.merge(pages.flat())  // → the new events, oldest first
 */
export interface StackEventMergerOptions {
  /** Epoch ms the deploy started: older events belong to earlier operations and are never returned. */
  since?: number;
  /** EventIds already present before the deploy (the first page, read before executing). */
  baseline?: Iterable<string>;
}

export class StackEventMerger {
  private readonly seen: Set<string>;
  private readonly since: number;

  constructor(options: StackEventMergerOptions = {}) {
    this.seen = new Set(options.baseline ?? []);
    this.since = options.since ?? Number.NEGATIVE_INFINITY;
  }

  /**
   * Whether the events before this page (newest first) may hold new ones: false once the page
   * reaches an event already seen or from before the deploy started. Call it before `merge`.
   */
  needsOlderPage(page: readonly StackEvent[]): boolean {
    const oldest = page[page.length - 1];
    if (!oldest) return false;
    return !this.seen.has(oldest.eventId) && oldest.timestamp >= this.since;
  }

  /**
   * The events not returned before, oldest first, from every page of one poll concatenated in the
   * order AWS returned them (newest first). Pages may overlap each other and earlier polls.
   */
  merge(events: readonly StackEvent[]): StackEvent[] {
    const fresh: StackEvent[] = [];
    for (const event of events) {
      if (this.seen.has(event.eventId)) continue;
      this.seen.add(event.eventId);
      if (event.timestamp >= this.since) fresh.push(event);
    }
    // Newest-first in, oldest-first out; the stable sort keeps that order among equal timestamps.
    return fresh.reverse().sort((a, b) => a.timestamp - b.timestamp);
  }

  /** How many distinct events have been seen, baseline included. */
  get seenCount(): number {
    return this.seen.size;
  }
}
