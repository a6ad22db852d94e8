// @vitest-environment jsdom
import { act, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../../../../shared/domain/profile-view';
import { flattenGroups, groupProfiles } from '../../../../../renderer/src/features/accounts/profile-groups';
import { ProfileList, type ProfileListHandle } from '../../../../../renderer/src/features/accounts/ProfileList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function profiles(count: number): ProfileView[] {
  return Array.from({ length: count }, (_, i): ProfileView => ({
    kind: 'role',
    id: `role-${String(i).padStart(6, '0')}`,
    name: `customer${Math.floor(i / 50)}-role-${i}`,
    label: `Customer ${Math.floor(i / 50)}`,
    roleArn: `arn:aws:iam::${String(100000000000 + Math.floor(i / 50))}:role/R${i}`,
    accountId: String(100000000000 + Math.floor(i / 50)),
    roleName: `R${i}`,
    partition: 'aws',
    sourceId: 'user-000000',
    sourceName: 'consultant',
    chain: ['consultant', `customer${Math.floor(i / 50)}-role-${i}`],
    ...(i % 3 === 0 ? { externalId: 'x'.repeat(32) } : {}),
  }));
}

describe('ProfileList', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  function render(list: ProfileView[], activeId: string | null, handlers: Partial<{ onActiveChange: (id: string) => void; onOpen: (p: ProfileView) => void; onRemove: (p: ProfileView) => void }> = {}) {
    const items = flattenGroups(groupProfiles(list), null);
    const ref = createRef<ProfileListHandle>();
    act(() =>
      root.render(
        <ProfileList
          ref={ref}
          items={items}
          activeId={activeId}
          onActiveChange={handlers.onActiveChange ?? (() => undefined)}
          onOpen={handlers.onOpen ?? (() => undefined)}
          onRemove={handlers.onRemove ?? (() => undefined)}
          total={list.length}
          label="Profiles"
          colors={new Map()}
        />,
      ),
    );
    return ref;
  }

  it('keeps the DOM small with 2,000 profiles: only the rows in view are drawn', () => {
    render(profiles(2000), null);
    const options = container.querySelectorAll('[role="option"]');
    expect(options.length).toBeGreaterThan(5);
    expect(options.length).toBeLessThan(40);
    expect(options[0]?.getAttribute('aria-setsize')).toBe('2000');
    // The spacer below stands in for the rest of the list.
    const spacers = container.querySelectorAll('svg.vlist__spacer');
    expect(Number(spacers[1]?.getAttribute('height'))).toBeGreaterThan(80_000);
  });

  it('groups the visible rows under their customer, and says whether an ExternalId is set', () => {
    render(profiles(3), null);
    const group = container.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('Customer 0, 3 profiles');
    const first = container.querySelector('[role="option"]');
    expect(first?.getAttribute('aria-label')).toBe(
      'customer0-role-0, role, account 100000000000, role R0, via consultant → customer0-role-0, ExternalId yes',
    );
    expect(container.innerHTML).not.toContain('x'.repeat(32));
  });

  it('moves with the arrow keys, opens with Enter and asks to remove with Delete', () => {
    const list = profiles(5);
    const onActiveChange = vi.fn();
    const onOpen = vi.fn();
    const onRemove = vi.fn();
    render(list, list[1]!.id, { onActiveChange, onOpen, onRemove });
    const listbox = container.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-activedescendant')).toBe(`profile-option-${list[1]!.id}`);
    const press = (key: string) =>
      act(() => {
        listbox.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    press('ArrowDown');
    expect(onActiveChange).toHaveBeenLastCalledWith(list[2]!.id);
    press('ArrowUp');
    expect(onActiveChange).toHaveBeenLastCalledWith(list[0]!.id);
    press('End');
    expect(onActiveChange).toHaveBeenLastCalledWith(list[4]!.id);
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith(list[1]);
    press('Delete');
    expect(onRemove).toHaveBeenCalledWith(list[1]);
  });
});
