import { describe, expect, it } from 'vitest';
import { stateOf } from '../../../../shared/logic/session-state';

const at = 1_700_000_000_000;

describe('session state', () => {
  it('shows a running refresh and a failure first, then expiry, then a pending code', () => {
    expect(stateOf(undefined, at + 1, at)).toBe('active');
    expect(stateOf(undefined, at, at)).toBe('expired');
    expect(stateOf({ state: 'needs-mfa' }, at + 1, at)).toBe('needs-mfa');
    expect(stateOf({ state: 'needs-mfa' }, at - 1, at)).toBe('expired');
    expect(stateOf({ state: 'refreshing' }, at - 1, at)).toBe('refreshing');
    expect(stateOf({ state: 'failed', error: { code: 'X', message: 'y' } }, undefined, at)).toBe('failed');
  });
});
