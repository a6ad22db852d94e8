import { describe, expect, it } from 'vitest';
import { formatClockTime, formatSpan, formatTimeLeft, isExpired } from '../../../../shared/logic/time-left';

const NOW = Date.UTC(2025, 5, 2, 15, 31, 0);
const s = 1000;
const min = 60 * s;
const h = 60 * min;

describe('countdown wording', () => {
  it('says hours and minutes above an hour, rounded down', () => {
    expect(formatTimeLeft(NOW + 2 * h + 14 * min + 59 * s, NOW)).toBe('2 h 14 min left');
    expect(formatTimeLeft(NOW + 1 * h + 59 * min + 59 * s, NOW)).toBe('1 h 59 min left');
    expect(formatTimeLeft(NOW + 12 * h, NOW)).toBe('12 h left');
    expect(formatTimeLeft(NOW + 36 * h + 5 * min, NOW)).toBe('36 h 5 min left');
  });

  it('says minutes below an hour and seconds only in the last minute', () => {
    expect(formatTimeLeft(NOW + 59 * min + 30 * s, NOW)).toBe('59 min left');
    expect(formatTimeLeft(NOW + 1 * min, NOW)).toBe('1 min left');
    expect(formatTimeLeft(NOW + 59 * s + 999, NOW)).toBe('59 s left');
    expect(formatTimeLeft(NOW + 1 * s, NOW)).toBe('1 s left');
  });

  it('never says "0 s left" for a session that is still valid', () => {
    expect(formatTimeLeft(NOW + 400, NOW)).toBe('1 s left');
  });

  it('says how long ago a session expired', () => {
    expect(formatTimeLeft(NOW - 3 * min - 20 * s, NOW)).toBe('expired 3 min ago');
    expect(formatTimeLeft(NOW - 45 * s, NOW)).toBe('expired 45 s ago');
    expect(formatTimeLeft(NOW - 2 * h - 1 * min, NOW)).toBe('expired 2 h 1 min ago');
    expect(formatTimeLeft(NOW, NOW)).toBe('expired just now');
  });

  it('treats the expiry instant itself as expired', () => {
    expect(isExpired(NOW, NOW)).toBe(true);
    expect(isExpired(NOW + 1, NOW)).toBe(false);
  });

  it('formats spans without a sign, negative spans as zero', () => {
    expect(formatSpan(-5 * s)).toBe('0 s');
    expect(formatSpan(90 * min)).toBe('1 h 30 min');
  });

  it('shows wall-clock times in the given locale and zone', () => {
    expect(formatClockTime(Date.UTC(2025, 5, 2, 17, 45), { locale: 'en-GB', timeZone: 'UTC' })).toBe('17:45');
    expect(formatClockTime(Date.UTC(2025, 5, 2, 17, 45), { locale: 'en-US', timeZone: 'UTC' })).toBe('05:45 PM');
  });
});
