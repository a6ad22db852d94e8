import { forwardRef, useMemo, type ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { colorOfProfile, type CustomerColors } from '../../../../shared/logic/customer-color';
import { Swatch } from '../../ui/Swatch';
import { VirtualListbox, type VirtualListboxHandle } from '../../ui/VirtualListbox';
import { chainText, kindLabel } from './profile-format';
import type { ListItem, ProfileGroup } from './profile-groups';

/* Heights here must equal .pgroup__header and .prow in accounts.css. */
export const GROUP_HEIGHT = 36;
export const ROW_HEIGHT = 44;

export type ProfileListHandle = VirtualListboxHandle;

interface ProfileListProps {
  items: readonly ListItem[];
  activeId: string | null;
  onActiveChange: (id: string) => void;
  onOpen: (profile: ProfileView) => void;
  onRemove: (profile: ProfileView) => void;
  /** Number of profiles shown (the list's aria-setsize). */
  total: number;
  label: string;
  /** Customer colours (shared/logic/customer-color), for profiles without one of their own. */
  colors: CustomerColors;
}

/** AKIA••••••••••••MPLE -> AKIA…MPLE: the column is narrow, and the middle is hidden anyway. */
function shortMasked(masked: string): string {
  return masked.length > 12 ? `${masked.slice(0, 4)}…${masked.slice(-4)}` : masked;
}

export function optionId(profileId: string): string {
  return `profile-option-${profileId}`;
}

function describeProfile(profile: ProfileView): string {
  if (profile.kind === 'iam-user') {
    return [
      profile.name,
      'IAM user',
      `key ${profile.accessKeyIdMasked}`,
      profile.hasSecret ? null : 'secret missing from the keychain — edit the profile and re-enter it',
      profile.mfaSerial ? 'MFA' : null,
      profile.region ? `region ${profile.region}` : null,
    ]
      .filter(Boolean)
      .join(', ');
  }
  return [
    profile.name,
    'role',
    `account ${profile.accountId}`,
    `role ${profile.roleName}`,
    `via ${chainText(profile.chain)}`,
    `ExternalId ${profile.externalId ? 'yes' : 'no'}`,
    profile.mfaSerial ? 'MFA' : null,
    profile.region ? `region ${profile.region}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

function ProfileRow({
  profile,
  color,
  active,
  position,
  total,
  onClick,
}: {
  profile: ProfileView;
  /** Its own colour, else its customer's. */
  color: string | undefined;
  active: boolean;
  position: number;
  total: number;
  onClick: () => void;
}): ReactElement {
  const isRole = profile.kind === 'role';
  return (
    <div
      id={optionId(profile.id)}
      role="option"
      aria-selected={active}
      aria-posinset={position}
      aria-setsize={total}
      aria-label={describeProfile(profile)}
      className={active ? 'prow is-active' : 'prow'}
      data-profile={profile.name}
      // The list keeps focus (aria-activedescendant); a click must not move it to the row.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span className="prow__cell prow__name">
        <Swatch color={color} size={10} />
        <span className="prow__name-text" title={profile.name}>
          {profile.name}
        </span>
        <span className={`badge badge--${isRole ? 'role' : 'user'}`}>{kindLabel(profile)}</span>
      </span>
      <span className="prow__cell prow__mono">{isRole ? profile.accountId : '—'}</span>
      <span className="prow__cell prow__mono" title={isRole ? profile.roleArn : profile.accessKeyIdMasked}>
        {isRole ? profile.roleName : shortMasked(profile.accessKeyIdMasked)}
      </span>
      <span className="prow__cell prow__chain" title={isRole ? chainText(profile.chain) : undefined}>
        {isRole ? chainText(profile.chain) : profile.hasSecret ? 'secret in keychain' : <span className="prow__missing">secret missing — re-enter it</span>}
      </span>
      <span className="prow__cell">{isRole ? (profile.externalId ? <span className="badge badge--ok">Yes</span> : <span className="prow__muted">No</span>) : <span className="prow__muted">—</span>}</span>
      <span className="prow__cell">{profile.mfaSerial ? <span className="badge badge--mfa" title={profile.mfaSerial}>MFA</span> : <span className="prow__muted">—</span>}</span>
      <span className="prow__cell prow__mono prow__region">{profile.region ?? <span className="prow__muted">default</span>}</span>
    </div>
  );
}

function GroupHeader({ group, count }: { group: ProfileGroup; count: number }): ReactElement {
  return (
    <div className="pgroup__header" aria-hidden="true">
      <Swatch color={group.color} size={12} />
      <span className="pgroup__title">{group.title}</span>
      <span className="pgroup__count">{count}</span>
      {group.kind === 'label' && group.accountIds.length > 0 ? (
        <span className="pgroup__accounts">{group.accountIds.slice(0, 3).join(' · ')}{group.accountIds.length > 3 ? ` +${group.accountIds.length - 3}` : ''}</span>
      ) : null}
    </div>
  );
}

function groupLabel(group: ProfileGroup, count: number): string {
  return `${group.title}, ${count} ${count === 1 ? 'profile' : 'profiles'}`;
}

const itemKey = (item: ListItem): string => (item.type === 'group' ? `group:${item.group.key}` : item.profile.id);
const itemHeight = (item: ListItem): number => (item.type === 'group' ? GROUP_HEIGHT : ROW_HEIGHT);
const optionKey = (item: ListItem): string | null => (item.type === 'profile' ? item.profile.id : null);

/**
 * The grouped profile list: a VirtualListbox whose options are the profiles, in one group per
 * customer, drawing only the rows in view (2,000 profiles filter in one frame).
 */
export const ProfileList = forwardRef<ProfileListHandle, ProfileListProps>(function ProfileList(
  { items, activeId, onActiveChange, onOpen, onRemove, total, label, colors },
  ref,
) {
  // A group's name carries its count, also when its heading is scrolled out of the drawn window.
  const counts = useMemo(() => new Map(items.flatMap((item) => (item.type === 'group' ? [[item.group.key, item.count] as const] : []))), [items]);
  return (
    <VirtualListbox
      listRef={ref}
      items={items}
      itemKey={itemKey}
      itemHeight={itemHeight}
      optionKey={optionKey}
      optionId={optionId}
      activeKey={activeId}
      onActiveChange={onActiveChange}
      onOpen={(item) => {
        if (item.type === 'profile') onOpen(item.profile);
      }}
      onOptionKey={(key, item) => {
        if (key !== 'Delete' || item.type !== 'profile') return false;
        onRemove(item.profile);
        return true;
      }}
      groupOf={(item) => ({ key: item.group.key, label: groupLabel(item.group, counts.get(item.group.key) ?? 0) })}
      renderItem={(item, state) =>
        item.type === 'group' ? (
          <GroupHeader group={item.group} count={item.count} />
        ) : (
          <ProfileRow
            profile={item.profile}
            color={colorOfProfile(item.profile, colors)}
            active={state.active}
            position={item.position}
            total={total}
            onClick={() => {
              state.select();
              onOpen(item.profile);
            }}
          />
        )
      }
      label={label}
      className="plist"
      testId="profile-list"
    />
  );
});
