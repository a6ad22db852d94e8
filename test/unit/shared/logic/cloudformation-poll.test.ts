import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterPoll,
  isThrottlingError,
  nextPollDelay,
  POLL_STEADY_MS,
  steadyPollDelay,
  THROTTLE_CAP_MS,
  throttledPollDelay,
} from '../../../../shared/logic/cloudformation-poll';

describe('poll interval', () => {
  it('starts at 250 ms and eases to 2 s', () => {
    expect(Array.from({ length: 8 }, (_, polls) => steadyPollDelay(polls))).toEqual([250, 375, 563, 844, 1266, 1898, 2000, 2000]);
  });

  it('never polls faster than 250 ms nor, unthrottled, slower than 2 s', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (polls) => {
        const delay = steadyPollDelay(polls);
        return delay >= 250 && delay <= POLL_STEADY_MS;
      }),
    );
  });

  it('backs off on throttling, between half and all of 2 s × 2ⁿ, capped at 30 s', () => {
    expect(throttledPollDelay(1, 0)).toBe(2000);
    expect(throttledPollDelay(1, 0.999)).toBe(3998);
    expect(throttledPollDelay(2, 0.5)).toBe(6000);
    expect(throttledPollDelay(10, 0.999)).toBe(29_985);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (throttles, random) => {
        const nominal = Math.min(THROTTLE_CAP_MS, POLL_STEADY_MS * 2 ** throttles);
        const delay = throttledPollDelay(throttles, random);
        return delay >= Math.max(POLL_STEADY_MS, nominal / 2) - 1 && delay <= nominal + 1 && delay <= THROTTLE_CAP_MS;
      }),
    );
  });

  it('follows the poll state: throttles raise the delay, one good answer brings it back to steady', () => {
    let state = { polls: 0, throttles: 0 };
    expect(nextPollDelay(state, 0.5)).toBe(250);
    for (let i = 0; i < 8; i += 1) state = afterPoll(state, { throttled: false });
    expect(nextPollDelay(state, 0.5)).toBe(2000);
    state = afterPoll(afterPoll(state, { throttled: true }), { throttled: true });
    expect(state.throttles).toBe(2);
    expect(nextPollDelay(state, 0.5)).toBe(6000);
    state = afterPoll(state, { throttled: false });
    expect(nextPollDelay(state, 0.5)).toBe(2000);
  });

  it('recognises AWS throttling errors, also wrapped', () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    expect(isThrottlingError(throttled)).toBe(true);
    expect(isThrottlingError({ Code: 'ThrottlingException', message: 'slow down' })).toBe(true);
    expect(isThrottlingError(new Error('Rate exceeded'))).toBe(true);
    expect(isThrottlingError(new Error('deploy failed', { cause: throttled }))).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('Stack does not exist'), { name: 'ValidationError' }))).toBe(false);
    expect(isThrottlingError(null)).toBe(false);
  });
});
