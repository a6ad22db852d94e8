import { describe, expect, it } from 'vitest';
import type { ProfileView, RoleView, UserView } from '../../../../../shared/domain/profile-view';
import { customerColors } from '../../../../../shared/logic/customer-color';
import { flattenGroups, groupProfiles, IAM_USERS_GROUP } from '../../../../../renderer/src/features/accounts/profile-groups';

let next = 0;
function user(name: string, extra: Partial<UserView> = {}): UserView {
  next += 1;
  return { kind: 'iam-user', id: `user-${next}-0000`, name, accessKeyIdMasked: 'AKIA••••••••WXYZ', hasSecret: true, ...extra };
}
function role(name: string, accountId: string, extra: Partial<RoleView> = {}): RoleView {
  next += 1;
  return {
    kind: 'role',
    id: `role-${next}-0000`,
    name,
    roleArn: `arn:aws:iam::${accountId}:role/Admin`,
    accountId,
    roleName: 'Admin',
    partition: 'aws',
    sourceId: 'user-1-0000',
    sourceName: 'consultant',
    chain: ['consultant', name],
    ...extra,
  };
}

const titles = (profiles: ProfileView[]) => groupProfiles(profiles).map((group) => group.title);

describe('groupProfiles', () => {
  it('groups by label, then roles without one by account, and IAM users without one in "IAM users"', () => {
    const groups = groupProfiles([
      user('consultant'),
      role('acme-prod', '111111111111', { label: 'Acme' }),
      role('loose', '222222222222'),
      user('acme-deployer', { label: 'Acme' }),
      role('globex', '333333333333', { label: 'Globex' }),
    ]);
    expect(groups.map((group) => [group.title, group.kind, group.profiles.map((profile) => profile.name)])).toEqual([
      ['Acme', 'label', ['acme-deployer', 'acme-prod']],
      ['Globex', 'label', ['globex']],
      ['Account 222222222222', 'account', ['loose']],
      [IAM_USERS_GROUP, 'users', ['consultant']],
    ]);
  });

  it('treats labels that differ only in case as one customer', () => {
    expect(titles([role('a', '111111111111', { label: 'acme' }), role('b', '111111111111', { label: 'Acme' })])).toEqual(['acme']);
  });

  it('takes the group colour from the first profile that has one, and lists its accounts', () => {
    const [group] = groupProfiles([
      role('a', '111111111111', { label: 'Acme' }),
      role('b', '222222222222', { label: 'Acme', color: '#e03131' }),
      role('c', '222222222222', { label: 'Acme', color: '#2f9e44' }),
    ]);
    expect(group?.color).toBe('#e03131');
    expect(group?.accountIds).toEqual(['111111111111', '222222222222']);
  });

  it('shows a saved customer colour over its profiles\', and none for a group that is not a customer', () => {
    const profiles = [role('a', '111111111111', { label: 'acme', color: '#e03131' }), role('loose', '222222222222', { color: '#2f9e44' })];
    const groups = groupProfiles(profiles, customerColors(profiles, [{ name: 'Acme', color: '#7048e8' }]));
    expect(groups.map((group) => [group.title, group.color])).toEqual([
      ['acme', '#7048e8'],
      ['Account 222222222222', undefined],
    ]);
  });

  it('sorts names naturally inside a group (prod-2 before prod-10)', () => {
    const [group] = groupProfiles([role('prod-10', '1', { label: 'X' }), role('prod-2', '1', { label: 'X' }), role('Prod-1', '1', { label: 'X' })]);
    expect(group?.profiles.map((profile) => profile.name)).toEqual(['Prod-1', 'prod-2', 'prod-10']);
  });
});

describe('flattenGroups', () => {
  const consultant = user('consultant');
  const prod = role('acme-prod', '111111111111', { label: 'Acme' });
  const stage = role('acme-stage', '111111111111', { label: 'Acme' });
  const groups = groupProfiles([consultant, prod, stage]);

  it('puts each group header before its profiles and numbers the profiles from 1', () => {
    expect(flattenGroups(groups, null).map((item) => (item.type === 'group' ? `# ${item.group.title} (${item.count})` : `${item.position} ${item.profile.name}`))).toEqual([
      '# Acme (2)',
      '1 acme-prod',
      '2 acme-stage',
      `# ${IAM_USERS_GROUP} (1)`,
      '3 consultant',
    ]);
  });

  it('keeps only the matching profiles, and drops groups left empty', () => {
    expect(flattenGroups(groups, new Set([stage])).map((item) => (item.type === 'group' ? `# ${item.group.title} (${item.count})` : item.profile.name))).toEqual([
      '# Acme (1)',
      'acme-stage',
    ]);
    expect(flattenGroups(groups, new Set())).toEqual([]);
  });
});
