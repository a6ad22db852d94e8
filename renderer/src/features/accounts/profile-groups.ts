import type { ProfileView } from '../../../../shared/domain/profile-view';
import { colorOfCustomer, customerColors, type CustomerColors } from '../../../../shared/logic/customer-color';

/**
 * How the Accounts list groups profiles: by customer. A profile with a label belongs to that
 * label's group (labels compare without case); a role without one to its account; IAM users
 * without one to "IAM users". Groups with a label come first (A–Z), then accounts, then IAM users;
 * profiles inside a group are sorted by name.
 */
export interface ProfileGroup {
  key: string;
  kind: 'label' | 'account' | 'users';
  title: string;
  /** The customer's colour (shared/logic/customer-color); groups that are not a customer have none. */
  color?: string;
  /** Distinct account IDs of the roles in it. */
  accountIds: string[];
  profiles: ProfileView[];
}

export const IAM_USERS_GROUP = 'IAM users';

function groupKeyOf(profile: ProfileView): { key: string; kind: ProfileGroup['kind']; title: string } {
  const label = profile.label?.trim();
  if (label) return { key: `label:${label.toLowerCase()}`, kind: 'label', title: label };
  if (profile.kind === 'role') return { key: `account:${profile.accountId}`, kind: 'account', title: `Account ${profile.accountId}` };
  return { key: 'users', kind: 'users', title: IAM_USERS_GROUP };
}

const KIND_ORDER: Record<ProfileGroup['kind'], number> = { label: 0, account: 1, users: 2 };
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function groupProfiles(profiles: readonly ProfileView[], colors: CustomerColors = customerColors(profiles)): ProfileGroup[] {
  const groups = new Map<string, ProfileGroup>();
  for (const profile of profiles) {
    const { key, kind, title } = groupKeyOf(profile);
    let group = groups.get(key);
    if (!group) {
      group = { key, kind, title, accountIds: [], profiles: [] };
      const color = kind === 'label' ? colorOfCustomer(title, colors) : undefined;
      if (color) group.color = color;
      groups.set(key, group);
    }
    group.profiles.push(profile);
    if (profile.kind === 'role' && profile.accountId && !group.accountIds.includes(profile.accountId)) group.accountIds.push(profile.accountId);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.title, b.title),
  );
  for (const group of sorted) group.profiles.sort((a, b) => collator.compare(a.name, b.name));
  return sorted;
}

export type ListItem =
  | { type: 'group'; group: ProfileGroup; count: number }
  | { type: 'profile'; profile: ProfileView; group: ProfileGroup; position: number };

/**
 * The rows of the list: each group's header, then its profiles; with `only`, just the profiles in
 * it (and the headers of groups that keep at least one). Linear: it runs on every keystroke.
 */
export function flattenGroups(groups: readonly ProfileGroup[], only: ReadonlySet<ProfileView> | null): ListItem[] {
  const items: ListItem[] = [];
  let position = 0;
  for (const group of groups) {
    const members = only ? group.profiles.filter((profile) => only.has(profile)) : group.profiles;
    if (members.length === 0) continue;
    items.push({ type: 'group', group, count: members.length });
    for (const profile of members) {
      position += 1;
      items.push({ type: 'profile', profile, group, position });
    }
  }
  return items;
}
