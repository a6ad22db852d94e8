import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../shared/contract/errors';
import type { IamUserProfile, Profile, RoleProfile } from '../../../../shared/domain/profile';
import { cloudfrontApiRegion, partitionOfProfile } from '../../../../shared/logic/cloudfront-endpoint';

const USER_ID = '11111111-1111-4111-8111-111111111111';
const ROLE_ID = '22222222-2222-4222-8222-222222222222';

function user(extra: Partial<IamUserProfile> = {}): IamUserProfile {
  return { kind: 'iam-user', id: USER_ID, name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', createdAt: 1, updatedAt: 1, ...extra };
}

function role(roleArn: string, extra: Partial<RoleProfile> = {}): RoleProfile {
  return { kind: 'role', id: ROLE_ID, name: 'acme', roleArn, sourceId: USER_ID, createdAt: 1, updatedAt: 1, ...extra };
}

function regionFor(profiles: Profile[], profile: Profile): string {
  return cloudfrontApiRegion(partitionOfProfile(profiles, profile));
}

describe('where CloudFront is called for a profile', () => {
  it('a role in the commercial partition: us-east-1, even when the profile names another region', () => {
    const base = user({ region: 'eu-west-1' });
    const acme = role('arn:aws:iam::123456789012:role/Deploy', { region: 'eu-central-1' });
    expect(regionFor([base, acme], acme)).toBe('us-east-1');
  });

  it('a role in aws-cn: cn-northwest-1, whatever region the profile names', () => {
    const base = user();
    const acme = role('arn:aws-cn:iam::123456789012:role/Deploy', { region: 'cn-north-1' });
    expect(regionFor([base, acme], acme)).toBe('cn-northwest-1');
  });

  it('an IAM user is placed by its MFA device ARN, else by a China region, else in aws', () => {
    expect(regionFor([], user({ mfaSerial: 'arn:aws-cn:iam::123456789012:mfa/jane' }))).toBe('cn-northwest-1');
    expect(regionFor([], user({ region: 'cn-north-1' }))).toBe('cn-northwest-1');
    expect(regionFor([], user({ region: 'eu-west-1' }))).toBe('us-east-1');
    expect(regionFor([], user())).toBe('us-east-1');
  });

  it('GovCloud has no CloudFront: refused with what to do instead', () => {
    const acme = role('arn:aws-us-gov:iam::123456789012:role/Deploy');
    let caught: unknown;
    try {
      regionFor([user(), acme], acme);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RoledeckError);
    expect((caught as RoledeckError).message).toMatch(/not offered in AWS GovCloud.*commercial or China account/);
  });
});
