// @vitest-environment jsdom
import { act, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, RemoteView, useRemote, type Remote } from '../../../../renderer/src/api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A call the test answers by hand, in any order. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('RemoteView', () => {
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

  const show = (remote: Remote<string[]>, variant: 'panel' | 'inline' | 'text' = 'inline', onRetry?: () => void) =>
    act(() =>
      root.render(
        <RemoteView remote={remote} loading="Loading profiles…" failed="Roledeck could not list your profiles" variant={variant} {...(onRetry ? { onRetry } : {})}>
          {(names) => <p>{names.join(', ')}</p>}
        </RemoteView>,
      ),
    );

  it('says what it is loading, then shows the value', () => {
    show({ state: 'loading' });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Loading profiles…');
    show({ state: 'loaded', value: ['acme-prod', 'globex'] });
    expect(container.textContent).toBe('acme-prod, globex');
  });

  it('says what failed and why, as an alert, with Try again', () => {
    let retried = 0;
    show({ state: 'failed', message: 'Roledeck hit an internal error.', code: 'INTERNAL' }, 'panel', () => (retried += 1));
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe('Roledeck could not list your profiles');
    expect(alert?.textContent).toContain('Roledeck hit an internal error.');
    act(() => container.querySelector('button')!.click());
    expect(retried).toBe(1);
  });

  it('points to the banner for a store problem instead of repeating its paragraph, and does not announce it again', () => {
    show({ state: 'failed', message: 'Roledeck cannot read your profiles in /home/me/profiles.rdk: its key is missing…', code: 'STORE_UNREADABLE' });
    expect(container.textContent).toBe('Roledeck could not list your profiles. Your profile store cannot be read. What happened, and how to start over, is at the top of the window.');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('keeps the keychain\'s reason but leaves announcing it to the keychain banner', () => {
    show({ state: 'failed', message: 'The OS keychain is locked.', code: 'KEYCHAIN_LOCKED' }, 'panel');
    expect(container.textContent).toContain('The OS keychain is locked.');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('leaves a main side it could not reach at all (no code) to the status banner', () => {
    show({ state: 'failed', message: 'Roledeck bridge missing: the page was not loaded by Roledeck.' }, 'panel');
    expect(container.textContent).toContain('Roledeck bridge missing');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('is bare text for a status line', () => {
    show({ state: 'failed', message: 'No bridge.' }, 'text');
    expect(container.innerHTML).toBe('Roledeck could not list your profiles: No bridge.');
  });
});

describe('useRemote', () => {
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

  it('shows the answer to the newest request only, and keeps the contract\'s error code', async () => {
    const calls: ReturnType<typeof deferred<string>>[] = [];
    let setQuery: (query: string) => void = () => undefined;
    function Probe(): ReactElement {
      const [query, set] = useState('a');
      setQuery = set;
      const { remote } = useRemote(() => {
        const call = deferred<string>();
        calls.push(call);
        return call.promise;
      }, [query]);
      return <p data-state={remote.state}>{remote.state === 'loaded' ? remote.value : remote.state === 'failed' ? `${remote.code}: ${remote.message}` : '…'}</p>;
    }
    act(() => root.render(<Probe />));
    act(() => setQuery('b'));
    expect(calls).toHaveLength(2);
    await act(async () => calls[1]!.resolve('answer to b'));
    await act(async () => calls[0]!.resolve('late answer to a'));
    expect(container.textContent).toBe('answer to b');

    act(() => setQuery('c'));
    expect(container.textContent).toBe('…');
    await act(async () => calls[2]!.reject(new ApiError({ code: 'STORE_UNREADABLE', message: 'cannot read' })));
    expect(container.textContent).toBe('STORE_UNREADABLE: cannot read');
  });
});
