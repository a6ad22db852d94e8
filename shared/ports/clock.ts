/** Time, injectable so expiry and refresh logic can be driven by a fake in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
