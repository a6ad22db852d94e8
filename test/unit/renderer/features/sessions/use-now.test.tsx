// @vitest-environment jsdom
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../../../../renderer/src/features/sessions/use-now';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Clock({ name }: { name: string }): ReactElement {
  return <span data-name={name}>{useNow()}</span>;
}

const shown = (container: HTMLElement, name: string): number => Number(container.querySelector(`[data-name="${name}"]`)?.textContent);

describe('useNow: one clock for every countdown', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives a component mounted later the same reading as one mounted earlier, and ticks them together', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 28, 9, 59, 59, 200) });
    const container = document.createElement('div');
    const root = createRoot(container);
    act(() => root.render(<Clock name="top-bar" />));
    // Half a second later the list appears: with a timer each, it would read a different time.
    await act(async () => vi.advanceTimersByTimeAsync(500));
    act(() =>
      root.render(
        <>
          <Clock name="top-bar" />
          <Clock name="list" />
        </>,
      ),
    );
    expect(shown(container, 'list')).toBe(shown(container, 'top-bar'));
    const before = shown(container, 'top-bar');
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(shown(container, 'top-bar')).toBeGreaterThan(before);
    expect(shown(container, 'list')).toBe(shown(container, 'top-bar'));
    act(() => root.unmount());
  });

  it('stops its timer when the last countdown goes away', async () => {
    vi.useFakeTimers();
    const container = document.createElement('div');
    const root = createRoot(container);
    act(() => root.render(<Clock name="a" />));
    expect(vi.getTimerCount()).toBe(1);
    act(() => root.unmount());
    expect(vi.getTimerCount()).toBe(0);
  });
});
