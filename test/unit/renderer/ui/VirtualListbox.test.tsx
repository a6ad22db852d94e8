// @vitest-environment jsdom
import { act, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualListbox, type VirtualListboxHandle } from '../../../../renderer/src/ui/VirtualListbox';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Deploy events, say: a heading per stack, then its events. */
type Item = { type: 'heading'; stack: string } | { type: 'event'; id: string; stack: string; text: string };

function events(stacks: number, perStack: number): Item[] {
  return Array.from({ length: stacks }, (_, s): Item[] => [
    { type: 'heading', stack: `stack-${s}` },
    ...Array.from({ length: perStack }, (_, e): Item => ({ type: 'event', id: `e-${s}-${e}`, stack: `stack-${s}`, text: `event ${e} of stack ${s}` })),
  ]).flat();
}

describe('VirtualListbox', () => {
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

  function render(items: Item[], activeKey: string | null, handlers: { onActiveChange?: (key: string) => void; onOpen?: (item: Item) => void; onOptionKey?: (key: string, item: Item) => boolean } = {}) {
    const ref = createRef<VirtualListboxHandle>();
    act(() =>
      root.render(
        <VirtualListbox
          listRef={ref}
          items={items}
          itemKey={(item) => (item.type === 'heading' ? `h:${item.stack}` : item.id)}
          itemHeight={(item) => (item.type === 'heading' ? 30 : 40)}
          optionKey={(item) => (item.type === 'event' ? item.id : null)}
          optionId={(key) => `opt-${key}`}
          activeKey={activeKey}
          onActiveChange={handlers.onActiveChange ?? (() => undefined)}
          {...(handlers.onOpen ? { onOpen: handlers.onOpen } : {})}
          {...(handlers.onOptionKey ? { onOptionKey: handlers.onOptionKey } : {})}
          groupOf={(item) => ({ key: item.stack, label: `Stack ${item.stack}` })}
          renderItem={(item, state) =>
            item.type === 'heading' ? (
              <div aria-hidden="true">{item.stack}</div>
            ) : (
              <div id={`opt-${item.id}`} role="option" aria-selected={state.active} onClick={state.select}>
                {item.text}
              </div>
            )
          }
          label="Deploy events"
        />,
      ),
    );
    return ref;
  }

  const listbox = () => container.querySelector<HTMLElement>('[role="listbox"]')!;
  const press = (key: string) => act(() => void listbox().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

  it('draws only the items in view out of 10,000, and holds the height of the rest', () => {
    render(events(100, 99), null);
    const drawn = container.querySelectorAll('[role="option"]').length;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(40);
    const [, below] = container.querySelectorAll('svg.vlist__spacer');
    expect(Number(below?.getAttribute('height'))).toBeGreaterThan(390_000);
    expect(listbox().getAttribute('aria-label')).toBe('Deploy events');
  });

  it('keeps each drawn item inside a group named by the caller', () => {
    render(events(2, 2), null);
    expect(Array.from(container.querySelectorAll('[role="group"]')).map((group) => [group.getAttribute('aria-label'), group.querySelectorAll('[role="option"]').length])).toEqual([
      ['Stack stack-0', 2],
      ['Stack stack-1', 2],
    ]);
  });

  it('moves over options only, skipping headings, and hands Enter and other keys to the caller', () => {
    const items = events(2, 2);
    const onActiveChange = vi.fn();
    const onOpen = vi.fn();
    const onOptionKey = vi.fn(() => true);
    render(items, 'e-0-1', { onActiveChange, onOpen, onOptionKey });
    expect(listbox().getAttribute('aria-activedescendant')).toBe('opt-e-0-1');
    press('ArrowDown');
    expect(onActiveChange).toHaveBeenLastCalledWith('e-1-0');
    press('Home');
    expect(onActiveChange).toHaveBeenLastCalledWith('e-0-0');
    press('End');
    expect(onActiveChange).toHaveBeenLastCalledWith('e-1-1');
    press('PageUp');
    expect(onActiveChange).toHaveBeenLastCalledWith('e-0-0');
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith(items[2]);
    press('Delete');
    expect(onOptionKey).toHaveBeenCalledWith('Delete', items[2]);
  });

  it('makes the first option active when it gets focus with none, and a click selects without moving focus', () => {
    const onActiveChange = vi.fn();
    render(events(1, 3), null, { onActiveChange });
    act(() => listbox().focus());
    expect(onActiveChange).toHaveBeenLastCalledWith('e-0-0');
    act(() => container.querySelector<HTMLElement>('#opt-e-0-2')!.click());
    expect(onActiveChange).toHaveBeenLastCalledWith('e-0-2');
    expect(document.activeElement).toBe(listbox());
  });
});
