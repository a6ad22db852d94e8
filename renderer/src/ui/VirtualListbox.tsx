import { Fragment, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement, type Ref } from 'react';
import './virtual-listbox.css';

/*
 * A hand-made virtual listbox: every item has a fixed height (by kind), so the offset of every
 * item is known up front and only the items in view (plus a few) are in the DOM, whether there
 * are 20 or 20,000. The space above and below is held by two SVG spacers whose `height` is a
 * presentation attribute: the CSP forbids style attributes, and CSS cannot know a runtime height.
 * Keyboard focus stays on the listbox and moves between options with aria-activedescendant, so
 * the option in focus can be scrolled away and back without losing its place.
 */

const DEFAULT_OVERSCAN = 6;
const DEFAULT_VIEWPORT = 640;

export interface VirtualListboxHandle {
  focus: () => void;
  /** Scrolls so the option with this key is in view. */
  reveal: (key: string) => void;
}

export interface ItemState {
  /** The option the keyboard is on (aria-selected). */
  active: boolean;
  /** Makes the option active and keeps focus on the listbox; call it from the item's click. */
  select: () => void;
}

/** Items drawn next to each other that share a group key are wrapped in one role="group". */
export interface ItemGroup {
  key: string;
  label: string;
}

export interface VirtualListboxProps<T> {
  items: readonly T[];
  /** A stable React key for every item, option or not. */
  itemKey: (item: T) => string;
  /** The height in px of an item; it must match the item's CSS height. */
  itemHeight: (item: T) => number;
  /** The key of an option, or null for an item that is not one (a group heading). */
  optionKey: (item: T) => string | null;
  /** The DOM id of an option (its element must carry it), for aria-activedescendant. */
  optionId: (key: string) => string;
  activeKey: string | null;
  onActiveChange: (key: string) => void;
  /** Enter on the active option. */
  onOpen?: (item: T) => void;
  /** Any other key on the active option (Delete, say); returns whether it handled it. */
  onOptionKey?: (key: string, item: T) => boolean;
  /** Draws one item; an option's element needs role="option", its optionId and aria-selected. */
  renderItem: (item: T, state: ItemState) => ReactElement;
  /** Which group an item belongs to; without it, items are not grouped. */
  groupOf?: (item: T) => ItemGroup | null;
  /** The listbox's accessible name. */
  label: string;
  className?: string;
  testId?: string;
  overscan?: number;
  listRef?: Ref<VirtualListboxHandle>;
}

function offsetsOf<T>(items: readonly T[], height: (item: T) => number): Float64Array {
  const offsets = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i += 1) offsets[i + 1] = offsets[i]! + height(items[i]!);
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

/**
 * A listbox over any number of items with fixed heights: arrow keys, Home/End, PageUp/PageDown,
 * Enter and any other key the caller handles; optional groups (role="group") named by the caller.
 */
export function VirtualListbox<T>({
  items,
  itemKey,
  itemHeight,
  optionKey,
  optionId,
  activeKey,
  onActiveChange,
  onOpen,
  onOptionKey,
  renderItem,
  groupOf,
  label,
  className,
  testId,
  overscan = DEFAULT_OVERSCAN,
  listRef,
}: VirtualListboxProps<T>): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const offsets = useMemo(() => offsetsOf(items, itemHeight), [items, itemHeight]);
  const indexByKey = useMemo(() => {
    const map = new Map<string, number>();
    items.forEach((item, index) => {
      const key = optionKey(item);
      if (key !== null) map.set(key, index);
    });
    return map;
  }, [items, optionKey]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    setViewport(element.clientHeight || DEFAULT_VIEWPORT);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || DEFAULT_VIEWPORT));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A shorter list (a new filter) starts at the top.
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
      // Keep an option's heading in view when the option is the first under it.
      if (index > 0 && optionKey(items[index - 1]!) === null) top = offsets[index - 1]!;
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
    [items, offsets, optionKey, viewport],
  );

  useImperativeHandle(
    listRef,
    () => ({
      focus: () => scroller.current?.focus(),
      reveal: (key: string) => {
        const index = indexByKey.get(key);
        if (index !== undefined) scrollToIndex(index);
      },
    }),
    [indexByKey, scrollToIndex],
  );

  const activeIndex = activeKey === null ? -1 : (indexByKey.get(activeKey) ?? -1);

  /** The next option from `from` in the direction of `step`; `from` itself when there is none. */
  const move = (from: number, step: number): number => {
    for (let index = from + step; index >= 0 && index < items.length; index += step) {
      if (optionKey(items[index]!) !== null) return index;
    }
    return from;
  };

  const select = (index: number): void => {
    const item = items[index];
    const key = item === undefined ? null : optionKey(item);
    if (key === null) return;
    onActiveChange(key);
    scrollToIndex(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const first = move(-1, 1);
    const typical = items[activeIndex === -1 ? first : activeIndex];
    const page = Math.max(1, Math.floor(viewport / (typical === undefined ? viewport : itemHeight(typical))) - 1);
    const active = items[activeIndex];
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        select(activeIndex === -1 ? first : move(activeIndex, 1));
        break;
      case 'ArrowUp':
        select(activeIndex === -1 ? move(items.length, -1) : move(activeIndex, -1));
        break;
      case 'Home':
        select(first);
        break;
      case 'End':
        select(move(items.length, -1));
        break;
      case 'PageDown':
      case 'PageUp': {
        let index = activeIndex === -1 ? first : activeIndex;
        for (let i = 0; i < page; i += 1) index = move(index, event.key === 'PageDown' ? 1 : -1);
        select(index);
        break;
      }
      case 'Enter':
        if (active !== undefined && optionKey(active) !== null) onOpen?.(active);
        break;
      default:
        handled = active !== undefined && optionKey(active) !== null && onOptionKey !== undefined && onOptionKey(event.key, active);
    }
    if (handled) event.preventDefault();
  };

  // The window of items to draw. Keyboard moves scroll the active option into it first; an option
  // scrolled away by the mouse is simply not the active descendant until it comes back.
  const from = items.length === 0 ? 0 : Math.max(0, itemAt(offsets, scrollTop) - overscan);
  const last = items.length === 0 ? 0 : Math.min(items.length, itemAt(offsets, scrollTop + viewport) + 1 + overscan);
  const activeRendered = activeIndex >= from && activeIndex < last;

  const drawn = (index: number): ReactElement => {
    const item = items[index]!;
    const key = optionKey(item);
    const state: ItemState = {
      active: key !== null && key === activeKey,
      select: () => {
        if (key === null) return;
        onActiveChange(key);
        scroller.current?.focus();
      },
    };
    return <Fragment key={itemKey(item)}>{renderItem(item, state)}</Fragment>;
  };

  // Consecutive drawn items of one group stay inside one role="group" named after it.
  const blocks: { group: ItemGroup | null; indexes: number[] }[] = [];
  for (let i = from; i < last; i += 1) {
    const group = groupOf?.(items[i]!) ?? null;
    const current = blocks.at(-1);
    if (current && current.group?.key === group?.key) current.indexes.push(i);
    else blocks.push({ group, indexes: [i] });
  }

  return (
    <div
      ref={scroller}
      className={className ? `vlist ${className}` : 'vlist'}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeRendered && activeKey ? optionId(activeKey) : undefined}
      onFocus={(event) => {
        if (event.target !== event.currentTarget || activeIndex !== -1) return;
        const item = items[move(-1, 1)];
        const key = item === undefined ? null : optionKey(item);
        if (key !== null) onActiveChange(key);
      }}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid={testId}
    >
      <svg className="vlist__spacer" width="1" height={offsets[from]!} aria-hidden="true" focusable="false" />
      {blocks.map((block, position) =>
        block.group ? (
          <div key={`group:${block.group.key}`} role="group" aria-label={block.group.label} className="vlist__group" data-group={block.group.key}>
            {block.indexes.map(drawn)}
          </div>
        ) : (
          <div key={`plain:${position}`} role="presentation" className="vlist__plain">
            {block.indexes.map(drawn)}
          </div>
        ),
      )}
      <svg className="vlist__spacer" width="1" height={offsets[items.length]! - offsets[last]!} aria-hidden="true" focusable="false" />
    </div>
  );
}
