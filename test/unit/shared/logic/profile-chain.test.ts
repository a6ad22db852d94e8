import { describe, expect, it } from 'vitest';
import type { IamUserProfile, Profile, RoleProfile } from '../../../../shared/domain/profile';
import { callRegion, chainOf, DEFAULT_REGION, profileRegion, profilesThrough, reachesThrough, rootUserOf } from '../../../../shared/logic/profile-chain';

const at = 1_700_000_000_000;

function user(id: string, extra: Partial<IamUserProfile> = {}): IamUserProfile {
  return { kind: 'iam-user', id, name: id, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', createdAt: at, updatedAt: at, ...extra };
}

function role(id: string, sourceId: string, extra: Partial<RoleProfile> = {}): RoleProfile {
  return { kind: 'role', id, name: id, roleArn: `arn:aws:iam::123456789012:role/${id}`, sourceId, createdAt: at, updatedAt: at, ...extra };
}

describe('profile chains', () => {
  const consultant = user('consultant-1', { region: 'eu-west-1' });
  const hub = role('hub-00001', 'consultant-1', { region: 'eu-central-1' });
  const prod = role('prod-0001', 'hub-00001');
  const other = user('other-001');
  const profiles: Profile[] = [consultant, hub, prod, other];

  it('runs from the IAM user at the root down to the profile', () => {
    expect(chainOf(profiles, prod).map((entry) => entry.id)).toEqual(['consultant-1', 'hub-00001', 'prod-0001']);
    expect(chainOf(profiles, consultant)).toEqual([consultant]);
    expect(rootUserOf(profiles, prod)).toBe(consultant);
  });

  it('stops at a missing source or a cycle instead of looping', () => {
    const orphan = role('orphan-01', 'gone-0001');
    const a = role('cycle-a01', 'cycle-b01');
    const b = role('cycle-b01', 'cycle-a01');
    expect(chainOf([...profiles, orphan], orphan)).toEqual([orphan]);
    expect(rootUserOf([...profiles, orphan], orphan)).toBeUndefined();
    expect(chainOf([a, b], a)).toEqual([b, a]);
    expect(reachesThrough([a, b], 'cycle-a01', 'cycle-b01')).toBe(true);
    expect(reachesThrough(profiles, 'hub-00001', 'prod-0001')).toBe(false);
    expect(reachesThrough(profiles, 'prod-0001', 'consultant-1')).toBe(true);
  });

  it('finds everything an edit affects: the profile and every role assumed through it', () => {
    expect(profilesThrough(profiles, 'consultant-1').map((entry) => entry.id)).toEqual(['consultant-1', 'hub-00001', 'prod-0001']);
    expect(profilesThrough(profiles, 'prod-0001').map((entry) => entry.id)).toEqual(['prod-0001']);
  });

  it('takes the region from the profile, else from the IAM user its chain starts from, never from a role in between', () => {
    expect(profileRegion(profiles, hub)).toBe('eu-central-1');
    expect(profileRegion(profiles, prod)).toBe('eu-west-1');
    expect(profileRegion(profiles, other)).toBeUndefined();
    expect(callRegion(profiles, prod)).toBe('eu-west-1');
    expect(callRegion(profiles, other)).toBe(DEFAULT_REGION);
    expect(DEFAULT_REGION).toBe('us-east-1');
  });
});
