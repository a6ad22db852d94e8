import {
  forwardRef,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { Swatch } from '../../ui/Swatch';
import { chainText, kindLabel } from './profile-format';
import type { ListItem, ProfileGroup } from './profile-groups';

/*
 * A hand-made virtual list: rows have fixed heights, so the offset of every row is known up front
 * and only the rows in view (plus a few) are in the DOM, whether there are 20 profiles or 2,000.
 * The space above and below is held by two SVG spacers whose `height` attribute is a presentation
 * attribute: the CSP forbids style attributes, and CSS cannot know a runtime height.
 */
export const GROUP_HEIGHT = 36;
export const ROW_HEIGHT = 44;
const OVERSCAN = 6;
const DEFAULT_VIEWPORT = 640;

export interface ProfileListHandle {
  focus: () => void;
  /** Scrolls so the profile is in view. */
  reveal: (id: string) => void;
}

interface ProfileListProps {
  items: readonly ListItem[];
  activeId: string | null;
  onActiveChange: (id: string) => void;
  onOpen: (profile: ProfileView) => void;
  onRemove: (profile: ProfileView) => void;
  /** Number of profiles shown (the list's aria-setsize). */
  total: number;
  label: string;
}

/** AKIA••••••••••••MPLE -> AKIA…MPLE: the column is narrow, and the middle is hidden anyway. */
function shortMasked(masked: string): string {
  return masked.length > 12 ? `${masked.slice(0, 4)}…${masked.slice(-4)}` : masked;
}

export function optionId(profileId: string): string {
  return `profile-option-${profileId}`;
}

function offsetsOf(items: readonly ListItem[]): Float64Array {
  const offsets = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i += 1) offsets[i + 1] = offsets[i]! + (items[i]!.type === 'group' ? GROUP_HEIGHT : ROW_HEIGHT);
  return offsets;
}

/** The first item whose bottom edge is below `y`. */
function itemAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

function describeProfile(profile: ProfileView): string {
  if (profile.kind === 'iam-user') {
    return [
      profile.name,
      'IAM user',
      `key ${profile.accessKeyIdMasked}`,
      profile.hasSecret ? null : 'secret missing from the keychain',
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
  groupColor,
  active,
  position,
  total,
  onClick,
}: {
  profile: ProfileView;
  /** The customer's colour, for a profile that has none of its own. */
  groupColor: string | undefined;
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
        <Swatch color={profile.color ?? groupColor} size={10} />
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
        {isRole ? chainText(profile.chain) : profile.hasSecret ? 'secret in keychain' : 'secret missing'}
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

/**
 * The grouped profile list: a listbox whose options are the profiles, in one group per customer.
 * Keyboard focus stays on the list and moves between rows with aria-activedescendant, so the row
 * in focus can be scrolled away and back without losing its place.
 */
export const ProfileList = forwardRef<ProfileListHandle, ProfileListProps>(function ProfileList(
  { items, activeId, onActiveChange, onOpen, onRemove, total, label },
  ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const offsets = useMemo(() => offsetsOf(items), [items]);
  const indexById = useMemo(() => {
    const map = new Map<string, number>();
    items.forEach((item, index) => {
      if (item.type === 'profile') map.set(item.profile.id, index);
    });
    return map;
  }, [items]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    setViewport(element.clientHeight || DEFAULT_VIEWPORT);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || DEFAULT_VIEWPORT));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new filter starts at the top.
  useLayoutEffect(() => {
    if (scroller.current && scroller.current.scrollTop > offsets[offsets.length - 1]!) {
      scroller.current.scrollTop = 0;
      setScrollTop(0);
    }
  }, [offsets]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      let top = offsets[index]!;
      // Keep a row's group header in view when the row is the first of its group.
      if (index > 0 && items[index - 1]?.type === 'group') top = offsets[index - 1]!;
      const bottom = offsets[index + 1]!;
      const height = element.clientHeight || viewport;
      let next = element.scrollTop;
      if (top < next) next = top;
      else if (bottom > next + height) next = bottom - height;
      if (next !== element.scrollTop) {
        element.scrollTop = next;
        setScrollTop(element.scrollTop);
      }
    },
    [items, offsets, viewport],
  );

  useImperativeHandle(
    ref,
    () => ({
      focus: () => scroller.current?.focus(),
      reveal: (id: string) => {
        const index = indexById.get(id);
        if (index !== undefined) scrollToIndex(index);
      },
    }),
    [indexById, scrollToIndex],
  );

  const activeIndex = activeId === null ? -1 : (indexById.get(activeId) ?? -1);

  const move = (from: number, step: number): number => {
    let index = from;
    for (;;) {
      index += step;
      if (index < 0 || index >= items.length) return from;
      if (items[index]?.type === 'profile') return index;
    }
  };

  const select = (index: number): void => {
    const item = items[index];
    if (item?.type !== 'profile') return;
    onActiveChange(item.profile.id);
    scrollToIndex(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const start = activeIndex === -1 ? -1 : activeIndex;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        select(start === -1 ? move(-1, 1) : move(start, 1));
        break;
      case 'ArrowUp':
        select(start === -1 ? move(items.length, -1) : move(start, -1));
        break;
      case 'Home':
        select(move(-1, 1));
        break;
      case 'End':
        select(move(items.length, -1));
        break;
      case 'PageDown': {
        let index = start === -1 ? move(-1, 1) : start;
        for (let i = 0; i < page; i += 1) index = move(index, 1);
        select(index);
        break;
      }
      case 'PageUp': {
        let index = start === -1 ? move(-1, 1) : start;
        for (let i = 0; i < page; i += 1) index = move(index, -1);
        select(index);
        break;
      }
      case 'Enter': {
        const item = items[activeIndex];
        if (item?.type === 'profile') onOpen(item.profile);
        break;
      }
      case 'Delete': {
        const item = items[activeIndex];
        if (item?.type === 'profile') onRemove(item.profile);
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  // The window of items to draw. Keyboard moves scroll the active row into it first; a row
  // scrolled away by the mouse is simply not the active descendant until it comes back.
  const from = items.length === 0 ? 0 : Math.max(0, itemAt(offsets, scrollTop) - OVERSCAN);
  const last = items.length === 0 ? 0 : Math.min(items.length, itemAt(offsets, scrollTop + viewport) + 1 + OVERSCAN);
  const activeRendered = activeIndex >= from && activeIndex < last;

  // Regroup the window's items so each stays inside a role="group" named after its customer.
  const blocks: { group: ProfileGroup; count: number; items: ListItem[] }[] = [];
  for (let i = from; i < last; i += 1) {
    const item = items[i]!;
    const current = blocks.at(-1);
    if (!current || current.group !== item.group) {
      // The header may be above the window; find its count for the group's name.
      let header = i;
      while (header > 0 && items[header]!.type !== 'group') header -= 1;
      const headerItem = items[header];
      blocks.push({ group: item.group, count: headerItem?.type === 'group' ? headerItem.count : 0, items: [item] });
    } else {
      current.items.push(item);
    }
  }

  const topSpace = offsets[from]!;
  const bottomSpace = offsets[items.length]! - offsets[last]!;

  return (
    <div
      ref={scroller}
      className="plist"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeRendered && activeId ? optionId(activeId) : undefined}
      onFocus={(event) => {
        if (event.target !== event.currentTarget || activeIndex !== -1) return;
        const firstProfile = items.find((item) => item.type === 'profile');
        if (firstProfile?.type === 'profile') onActiveChange(firstProfile.profile.id);
      }}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid="profile-list"
    >
      <svg className="plist__spacer" width="1" height={topSpace} aria-hidden="true" focusable="false" />
      {blocks.map((block) => (
        <div key={block.group.key} role="group" aria-label={groupLabel(block.group, block.count)} className="pgroup" data-group={block.group.title}>
          {block.items.map((item) =>
            item.type === 'group' ? (
              <GroupHeader key={`group:${item.group.key}`} group={item.group} count={item.count} />
            ) : (
              <ProfileRow
                key={item.profile.id}
                profile={item.profile}
                groupColor={item.group.color}
                active={item.profile.id === activeId}
                position={item.position}
                total={total}
                onClick={() => {
                  onActiveChange(item.profile.id);
                  scroller.current?.focus();
                  onOpen(item.profile);
                }}
              />
            ),
          )}
        </div>
      ))}
      <svg className="plist__spacer" width="1" height={bottomSpace} aria-hidden="true" focusable="false" />
    </div>
  );
});
