// @vitest-environment jsdom
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../../renderer/src/ui/ErrorBoundary';

// Tells React that act() is in use, so updates are flushed synchronously inside it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken(): ReactElement {
  throw new Error('profiles.map is not a function');
}

describe('ErrorBoundary', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    // React and the boundary both report the caught error on the console; keep the output clean.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.restoreAllMocks();
  });

  it('shows its children while nothing throws', () => {
    act(() =>
      root.render(
        <ErrorBoundary title="The Accounts section failed to show">
          <p>All fine</p>
        </ErrorBoundary>,
      ),
    );
    expect(container.textContent).toBe('All fine');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('replaces a view that throws with an alert naming what failed, the error, and a Reload button', () => {
    act(() =>
      root.render(
        <ErrorBoundary title="The Accounts section failed to show">
          <Broken />
        </ErrorBoundary>,
      ),
    );
    const alert = container.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert?.querySelector('h2')?.textContent).toBe('The Accounts section failed to show');
    expect(alert?.textContent).toContain('Your keys and sessions are not affected');
    expect(alert?.querySelector('pre')?.textContent).toBe('profiles.map is not a function');
    const button = alert?.querySelector('button');
    expect(button?.textContent).toBe('Reload');
    expect(button?.getAttribute('type')).toBe('button');
  });

  it('reloads when the button is pressed', () => {
    const onReload = vi.fn();
    act(() =>
      root.render(
        <ErrorBoundary title="Roledeck could not show this window" onReload={onReload}>
          <Broken />
        </ErrorBoundary>,
      ),
    );
    act(() => container.querySelector('button')?.click());
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('keeps the rest of the page when only a section fails', () => {
    act(() =>
      root.render(
        <main>
          <h1>Accounts</h1>
          <ErrorBoundary title="The Accounts section failed to show">
            <Broken />
          </ErrorBoundary>
        </main>,
      ),
    );
    expect(container.querySelector('h1')?.textContent).toBe('Accounts');
    expect(container.querySelector('main [role="alert"]')).not.toBeNull();
  });

  it('shows something readable when a non-Error value is thrown', () => {
    function ThrowsString(): ReactElement {
      // Third-party code may throw anything, not only Errors.
      throw 'plain string failure';
    }
    act(() =>
      root.render(
        <ErrorBoundary title="Roledeck could not show this window">
          <ThrowsString />
        </ErrorBoundary>,
      ),
    );
    expect(container.querySelector('pre')?.textContent).toBe('plain string failure');
  });
});
