import type { IamUserProfile, RoleProfile } from '../../../../../shared/domain/profile';

/** Valid profiles for store tests and the store benchmark; every name and ExternalId is distinct. */
export function sampleUser(tag: string): IamUserProfile {
  return {
    kind: 'iam-user',
    id: `user-id-${tag}`.toLowerCase(),
    name: `consultant-${tag}`,
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    mfaSerial: 'arn:aws:iam::111122223333:mfa/consultant',
    region: 'eu-west-1',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

export function sampleRole(tag: string, sourceId = 'user-id-source'): RoleProfile {
  return {
    kind: 'role',
    id: `role-id-${tag}`.toLowerCase(),
    name: `customer-${tag}-prod`,
    roleArn: 'arn:aws:iam::123456789012:role/RoledeckAccess',
    sourceId,
    externalId: `extid-${tag}-Zq8wV3rT`,
    sessionName: 'roledeck',
    durationSeconds: 3600,
    region: 'eu-central-1',
    label: `Customer ${tag}`,
    color: '#3366cc',
    tags: [{ key: 'team', value: 'platform' }],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}
