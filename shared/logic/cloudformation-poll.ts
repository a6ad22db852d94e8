/**
 * How long to wait before the next DescribeStackEvents poll. `aws cloudformation deploy` waits
 * 5–30 s between polls (its waiters), which is why users watch a silent terminal; Roledeck starts
 * at 250 ms, when a small test stack changes fastest, and eases to 2 s. When AWS throttles
 * (Throttling: "Rate exceeded") it backs off exponentially with jitter, capped at 30 s, as the
 * AWS SDKs' retry strategy does ("Exponential backoff and jitter", AWS Architecture Blog).
 * Pure: the caller passes the random number, so tests can pin it.
 */

export const POLL_FIRST_MS = 250;
export const POLL_STEADY_MS = 2000;
export const POLL_GROWTH = 1.5;
export const THROTTLE_CAP_MS = 30_000;

export interface PollState {
  /** Polls made so far in this deploy. */
  polls: number;
  /** Throttled answers in a row (0 after any successful poll). */
  throttles: number;
}

/** The delay without throttling: 250, 375, 563, 844, 1266, 1898, then 2000 ms. */
export function steadyPollDelay(polls: number): number {
  return Math.round(Math.min(POLL_STEADY_MS, POLL_FIRST_MS * POLL_GROWTH ** Math.max(0, polls)));
}

/**
 * After `throttles` throttled answers in a row: "equal jitter" over 2 s × 2ⁿ, capped at 30 s —
 * between half and all of the nominal delay, never below the steady 2 s.
 */
export function throttledPollDelay(throttles: number, random: number): number {
  const nominal = Math.min(THROTTLE_CAP_MS, POLL_STEADY_MS * 2 ** Math.max(1, throttles));
  const jittered = nominal / 2 + (nominal / 2) * Math.min(Math.max(random, 0), 1);
  return Math.round(Math.max(POLL_STEADY_MS, Math.min(THROTTLE_CAP_MS, jittered)));
}

/** The delay before the next poll. `random` is in [0, 1), as from Math.random(). */
export function nextPollDelay(state: PollState, random: number): number {
  return state.throttles > 0 ? throttledPollDelay(state.throttles, random) : steadyPollDelay(state.polls);
}

/** The state after a poll. */
export function afterPoll(state: PollState, outcome: { throttled: boolean }): PollState {
  return { polls: state.polls + 1, throttles: outcome.throttled ? state.throttles + 1 : 0 };
}

const THROTTLE_NAMES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

/** Whether an AWS error (or one wrapping it as `cause`) says the caller is being throttled. */
export function isThrottlingError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { name, code, Code, message, cause } = error as Record<string, unknown>;
  if ([name, code, Code].some((value) => typeof value === 'string' && THROTTLE_NAMES.has(value))) return true;
  if (typeof message === 'string' && /^Rate exceeded/.test(message)) return true;
  return isThrottlingError(cause, depth + 1);
}
