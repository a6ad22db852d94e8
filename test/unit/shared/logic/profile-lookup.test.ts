import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../shared/contract/errors';
import type { IamUserProfile } from '../../../../shared/domain/profile';
import { findProfile, profileNotFound, requireProfile, requireUniqueName } from '../../../../shared/logic/profile-lookup';

const at = 1_700_000_000_000;
const consultant: IamUserProfile = { kind: 'iam-user', id: '0c6f7f0e-1d2b-4c3a-9e8f-7a6b5c4d3e2f', name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', createdAt: at, updatedAt: at };
const sneaky: IamUserProfile = { ...consultant, id: 'sneaky-0001', name: consultant.id };

describe('profile lookup', () => {
  it('finds a profile by id first, then by name', () => {
    expect(findProfile([consultant], 'consultant')).toBe(consultant);
    expect(findProfile([sneaky, consultant], consultant.id)).toBe(consultant);
    expect(findProfile([consultant], 'nobody')).toBeUndefined();
  });

  it('answers an unknown name with the close ones, and a removed id with what happened', () => {
    expect(() => requireProfile([consultant], 'consult')).toThrow('No profile named "consult". Did you mean "consultant"?');
    const removed = profileNotFound('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', [consultant]);
    expect(removed.code).toBe('NOT_FOUND');
    expect(removed.message).toMatch(/^That profile no longer exists/);
  });

  it('refuses a second profile with a name already taken, except the profile itself', () => {
    expect(() => requireUniqueName([consultant], 'consultant')).toThrow(RoledeckError);
    expect(() => requireUniqueName([consultant], 'consultant', consultant.id)).not.toThrow();
    expect(() => requireUniqueName([consultant], 'other')).not.toThrow();
  });
});
