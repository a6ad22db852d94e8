import { describe, expect, it } from 'vitest';
import { messageOf } from '../../../../shared/logic/error-message';

describe('messageOf', () => {
  it('gives an Error\'s message, and anything else as text', () => {
    expect(messageOf(new TypeError('profiles.map is not a function'))).toBe('profiles.map is not a function');
    expect(messageOf('cancelled')).toBe('cancelled');
    expect(messageOf(42)).toBe('42');
  });
});
