import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assumedRoleArn,
  backoffDelay,
  defaultSessionName,
  durationText,
  isFresh,
  refreshAtFor,
  roleDurationFor,
  usableAsSource,
} from '../../../../shared/logic/session-timing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('session timing', () => {
  it('refreshes 15 minutes before expiry, or at half-life when the session is shorter than two leads', () => {
    expect(refreshAtFor(0, HOUR, 15 * MINUTE)).toBe(45 * MINUTE);
    expect(refreshAtFor(0, 15 * MINUTE, 15 * MINUTE)).toBe(7.5 * MINUTE);
    expect(refreshAtFor(0, 30 * MINUTE, 15 * MINUTE)).toBe(15 * MINUTE);
  });

  it('counts a session within the lead as not fresh, but still usable to sign one more call', () => {
    const session = { obtainedAt: 0, expiresAt: HOUR };
    expect(isFresh(session, 15 * MINUTE, 44 * MINUTE)).toBe(true);
    expect(isFresh(session, 15 * MINUTE, 45 * MINUTE)).toBe(false);
    expect(usableAsSource(session, 58 * MINUTE)).toBe(true);
    expect(usableAsSource(session, 59.5 * MINUTE)).toBe(false);
  });

  it('backs off 30 s × 2ⁿ up to 10 min, within ±20 % jitter', () => {
    expect(backoffDelay(1, 0.5)).toBe(30_000);
    expect(backoffDelay(2, 0.5)).toBe(60_000);
    expect(backoffDelay(10, 0.5)).toBe(600_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (attempt, random) => {
        const nominal = Math.min(600_000, 30_000 * 2 ** (attempt - 1));
        const delay = backoffDelay(attempt, random);
        return delay >= nominal * 0.8 - 1 && delay <= nominal * 1.2 + 1;
      }),
    );
  });

  it('asks for 1 h, with a note, when a role assumed from a session asks for more', () => {
    expect(roleDurationFor({ profileName: 'p', requested: 43_200, source: 'user-keys' })).toEqual({ seconds: 43_200 });
    expect(roleDurationFor({ profileName: 'p', requested: 1800, source: 'role' })).toEqual({ seconds: 1800 });
    expect(roleDurationFor({ profileName: 'p', source: 'mfa-session' })).toEqual({});
    const capped = roleDurationFor({ profileName: 'acme', requested: 7200, source: 'role' });
    expect(capped.seconds).toBe(3600);
    expect(capped.note).toMatch(/^acme asks for 2 h, but AWS allows at most 1 h for a role assumed from another role’s session \(role chaining\)/);
  });

  it('names sessions roledeck-<user> within AWS’s 2–64 characters of [\\w+=,.@-]', () => {
    expect(defaultSessionName('consultant')).toBe('roledeck-consultant');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (name) => /^[\w+=,.@-]{2,64}$/.test(defaultSessionName(name))),
    );
  });

  it('builds the assumed-role ARN GetCallerIdentity reports', () => {
    expect(assumedRoleArn({ partition: 'aws', accountId: '123456789012', roleName: 'ExampleRoleName' }, 'roledeck-consultant')).toBe(
      'arn:aws:sts::123456789012:assumed-role/ExampleRoleName/roledeck-consultant',
    );
  });

  it('says a duration in whole hours, or in minutes when it is not whole hours', () => {
    expect(durationText(43_200)).toBe('12 h');
    expect(durationText(5_400)).toBe('90 min');
  });
});
