import { describe, expect, it } from 'vitest';
import type { IamUserProfile, RoleProfile } from '../../../../shared/domain/profile';
import { fingerprintSource, mfaNeededAt, planOf, type HeldSession } from '../../../../shared/logic/session-plan';

const at = 1_700_000_000_000;
const DEVICE = 'arn:aws:iam::111111111111:mfa/consultant';
const ROLE_DEVICE = 'arn:aws:iam::111111111111:mfa/role-device';
const plainUser: IamUserProfile = { kind: 'iam-user', id: 'plain-0001', name: 'plain', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', createdAt: at, updatedAt: at };
const mfaUser: IamUserProfile = { ...plainUser, id: 'mfa-00001', name: 'consultant', mfaSerial: DEVICE };
const role = (id: string, sourceId: string, extra: Partial<RoleProfile> = {}): RoleProfile => ({
  kind: 'role', id, name: id, roleArn: `arn:aws:iam::222222222222:role/${id}`, sourceId, createdAt: at, updatedAt: at, ...extra,
});
const nothingHeld: HeldSession = () => undefined;

describe('session plans', () => {
  it('lists the hops target first, with a code only where no MFA context reaches', () => {
    const guarded = role('guarded-1', 'plain-0001', { mfaSerial: ROLE_DEVICE });
    expect(planOf([plainUser, guarded])).toEqual([
      { profileId: 'guarded-1', kind: 'role', mfaSerial: ROLE_DEVICE },
      { profileId: 'plain-0001', kind: 'user' },
    ]);
    const inherited = role('inherit-1', 'mfa-00001', { mfaSerial: ROLE_DEVICE });
    expect(planOf([mfaUser, inherited])).toEqual([
      { profileId: 'inherit-1', kind: 'role' },
      { profileId: 'mfa-00001', kind: 'user', mfaSerial: DEVICE },
    ]);
  });

  it('needs the device whose session will be gone at refresh time, and nothing while a source lasts', () => {
    const prod = role('prod-0001', 'mfa-00001');
    const session = { kind: 'role' as const, plan: planOf([mfaUser, prod]) };
    expect(mfaNeededAt(session, at, nothingHeld)).toBe(DEVICE);
    const lasting: HeldSession = (kind, id) => (kind === 'mfa-session' && id === 'mfa-00001' ? { expiresAt: at + 3_600_000 } : undefined);
    expect(mfaNeededAt(session, at, lasting)).toBeUndefined();
    expect(mfaNeededAt(session, at + 3_600_000, lasting)).toBe(DEVICE);
    expect(mfaNeededAt({ kind: 'role', plan: planOf([plainUser, role('r-000001', 'plain-0001')]) }, at, nothingHeld)).toBeUndefined();
  });

  it('fingerprints every field AWS sees, so an edited link makes the session stale', () => {
    const prod = role('prod-0001', 'plain-0001', { externalId: 'ext-1111' });
    const before = fingerprintSource([plainUser, prod]);
    expect(fingerprintSource([plainUser, { ...prod, externalId: 'ext-2222' }])).not.toBe(before);
    expect(fingerprintSource([{ ...plainUser, accessKeyId: 'AKIAIOSFODNN7EXAMPL2' }, prod])).not.toBe(before);
    expect(fingerprintSource([plainUser, { ...prod, label: 'Acme', color: '#112233' }])).toBe(before);
  });
});
