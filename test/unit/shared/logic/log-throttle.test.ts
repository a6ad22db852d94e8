import { describe, expect, it } from 'vitest';
import { createLogThrottle } from '../../../../shared/logic/log-throttle';

describe('log throttle', () => {
  it('admits the first event, stays quiet within the window, then counts what it kept quiet', () => {
    const throttle = createLogThrottle(1000);
    expect(throttle.admit(0)).toBe(1);
    expect(throttle.admit(10)).toBeNull();
    expect(throttle.admit(999)).toBeNull();
    expect(throttle.admit(1000)).toBe(3);
    expect(throttle.admit(5000)).toBe(1);
  });
});
