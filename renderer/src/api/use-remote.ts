import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react';
import type { ErrorCode } from '../../../shared/contract/errors';
import { messageOf } from '../../../shared/logic/error-message';
import { ApiError } from './client';

/** One remote value as the UI shows it: never a silent blank. */
export type Remote<T> =
  | { state: 'loading' }
  | { state: 'loaded'; value: T }
  /** `code` is the contract's error code when the main side answered with one. */
  | { state: 'failed'; message: string; code?: ErrorCode };

/** The failed state for anything a call threw. */
export function failedRemote(error: unknown): Extract<Remote<never>, { state: 'failed' }> {
  return error instanceof ApiError ? { state: 'failed', message: error.message, code: error.code } : { state: 'failed', message: messageOf(error) };
}

export interface RemoteHandle<T> {
  remote: Remote<T>;
  /**
   * Asks again. The value on screen stays until the answer comes, unless `showLoading`; resolves
   * with the new value, or null if the call failed (the failed state shows it).
   */
  reload: (options?: { showLoading?: boolean }) => Promise<T | null>;
  /** Takes a value from elsewhere (a save's answer, an event) and drops any answer still on its way. */
  set: (value: T) => void;
}

/**
 * Loads a value from the main side when the component mounts and whenever `deps` change, with
 * the loading and failed states every view shows the same way (RemoteView). An answer that arrives
 * after a newer request, or after unmount, is dropped.
 */
export function useRemote<T>(load: () => Promise<T>, deps: DependencyList): RemoteHandle<T> {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const loadRef = useRef(load);
  const latest = useRef(0);
  const mounted = useRef(false);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  const reload = useCallback(async ({ showLoading = false }: { showLoading?: boolean } = {}): Promise<T | null> => {
    latest.current += 1;
    const ticket = latest.current;
    if (showLoading) setRemote({ state: 'loading' });
    try {
      const value = await loadRef.current();
      if (mounted.current && ticket === latest.current) setRemote({ state: 'loaded', value });
      return value;
    } catch (error) {
      if (mounted.current && ticket === latest.current) setRemote(failedRemote(error));
      return null;
    }
  }, []);

  const set = useCallback((value: T) => {
    latest.current += 1;
    setRemote({ state: 'loaded', value });
  }, []);

  useEffect(() => {
    mounted.current = true;
    void reload({ showLoading: true });
    return () => {
      mounted.current = false;
    };
    // The caller names what the load depends on, as with useEffect.
  }, deps);

  return { remote, reload, set };
}
