import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StackEvent } from '../../../../shared/domain/deploy-events';
import { StackEventMerger } from '../../../../shared/logic/cloudformation-events';

function event(id: string, timestamp: number, fields: Partial<StackEvent> = {}): StackEvent {
  return {
    eventId: id,
    stackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/test/1',
    stackName: 'test',
    logicalId: `R${id}`,
    resourceType: 'AWS::SNS::Topic',
    status: 'CREATE_IN_PROGRESS',
    timestamp,
    ...fields,
  };
}

/** What DescribeStackEvents shows after `count` events happened: newest first. */
const awsView = (sequence: readonly StackEvent[], count: number) => sequence.slice(0, count).reverse();

const ids = (events: readonly StackEvent[]) => events.map((item) => item.eventId);

/** A chronological sequence: unique ids, timestamps never going back (often equal). */
const sequenceArb = fc
  .array(fc.nat(3), { minLength: 1, maxLength: 60 })
  .map((steps) => {
    let time = 1_000;
    return steps.map((step, index) => event(`e${index}`, (time += step * 100)));
  });

describe('merging DescribeStackEvents polls', () => {
  it('returns the new events of a page oldest first', () => {
    const merger = new StackEventMerger();
    expect(ids(merger.merge([event('c', 3), event('b', 2), event('a', 1)]))).toEqual(['a', 'b', 'c']);
  });

  it('returns an event once, however often it is listed', () => {
    const merger = new StackEventMerger();
    expect(ids(merger.merge([event('b', 2), event('a', 1), event('a', 1)]))).toEqual(['a', 'b']);
    expect(ids(merger.merge([event('c', 3), event('b', 2), event('a', 1)]))).toEqual(['c']);
    expect(merger.merge([event('c', 3)])).toEqual([]);
  });

  it('keeps AWS’s order among events with the same timestamp', () => {
    const merger = new StackEventMerger();
    expect(ids(merger.merge([event('third', 5), event('second', 5), event('first', 5)]))).toEqual(['first', 'second', 'third']);
  });

  it('ignores events from before the deploy started, by time and by the ids already there', () => {
    const merger = new StackEventMerger({ since: 100, baseline: ['old-1'] });
    expect(ids(merger.merge([event('new', 150), event('old-1', 120), event('older', 50)]))).toEqual(['new']);
  });

  it('asks for an older page only while the page may hide new events', () => {
    const merger = new StackEventMerger({ since: 100 });
    expect(merger.needsOlderPage([event('b', 300), event('a', 200)])).toBe(true);
    expect(merger.needsOlderPage([event('b', 300), event('z', 90)])).toBe(false);
    merger.merge([event('a', 200)]);
    expect(merger.needsOlderPage([event('b', 300), event('a', 200)])).toBe(false);
    expect(merger.needsOlderPage([])).toBe(false);
  });

  it('yields the whole sequence once, in order, whatever the polls and page sizes', () => {
    fc.assert(
      fc.property(
        sequenceArb,
        fc.array(fc.nat(60), { maxLength: 12 }),
        fc.integer({ min: 1, max: 10 }),
        (sequence, pollPoints, pageSize) => {
          const counts = [...pollPoints.map((point) => point % (sequence.length + 1)).sort((a, b) => a - b), sequence.length];
          const merger = new StackEventMerger();
          const seen: StackEvent[] = [];
          for (const count of counts) {
            const visible = awsView(sequence, count);
            const pages: StackEvent[][] = [];
            for (let offset = 0; offset < visible.length; offset += pageSize) {
              const page = visible.slice(offset, offset + pageSize);
              pages.push(page);
              if (!merger.needsOlderPage(page)) break;
            }
            seen.push(...merger.merge(pages.flat()));
          }
          expect(ids(seen)).toEqual(ids(sequence));
        },
      ),
    );
  });

  it('yields the sequence once, in order, from any overlapping windows that leave no gap', () => {
    fc.assert(
      fc.property(sequenceArb, fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 12 }), (sequence, polls) => {
        const merger = new StackEventMerger();
        const seen: StackEvent[] = [];
        let delivered = 0;
        const steps = [...polls, [sequence.length, sequence.length] as [number, number]];
        for (const [rawCount, rawExtra] of steps) {
          const count = Math.max(delivered, rawCount % (sequence.length + 1));
          // The window reaches at least back to what was delivered, plus any overlap.
          const window = Math.min(count, count - delivered + (rawExtra % (sequence.length + 1)));
          seen.push(...merger.merge(awsView(sequence, count).slice(0, window)));
          delivered = count;
        }
        expect(ids(seen)).toEqual(ids(sequence));
      }),
    );
  });

  it('yields only what happened since the deploy started', () => {
    fc.assert(
      fc.property(sequenceArb, fc.nat(6_000), (sequence, offset) => {
        const since = 1_000 + offset;
        const merger = new StackEventMerger({ since });
        const pages: StackEvent[] = [];
        const visible = awsView(sequence, sequence.length);
        for (let offsetIndex = 0; offsetIndex < visible.length; offsetIndex += 5) {
          const page = visible.slice(offsetIndex, offsetIndex + 5);
          pages.push(...page);
          if (!merger.needsOlderPage(page)) break;
        }
        expect(ids(merger.merge(pages))).toEqual(ids(sequence.filter((item) => item.timestamp >= since)));
      }),
    );
  });
});
