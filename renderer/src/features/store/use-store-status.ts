import { useCallback, useEffect } from 'react';
import type { StoreStatus } from '../../../../shared/domain/store-status';
import { getApi, useRemote, type Remote } from '../../api';

export interface StoreState {
  status: Remote<StoreStatus>;
  /** Asks again (after restoring the keychain item, say). */
  recheck: () => void;
  /** Asks again without showing "Checking…" (Settings opened: the profile count may have changed). */
  refresh: () => void;
}

/** Whether the profile store can be read; asked once, again on request, and after any Start over. */
export function useStoreStatus(): StoreState {
  const { remote, reload } = useRemote(() => getApi().store.status(), []);
  const recheck = useCallback(() => void reload({ showLoading: true }), [reload]);
  const refresh = useCallback(() => void reload(), [reload]);
  useEffect(() => {
    try {
      return getApi().on('store.reset', () => void reload());
    } catch {
      return undefined;
    }
  }, [reload]);
  return { status: remote, recheck, refresh };
}

/** The store's problem to show, or null when it can be read (or its status is not known yet). */
export function storeProblem(status: Remote<StoreStatus>): StoreStatus | null {
  return status.state === 'loaded' && status.value.state !== 'ok' ? status.value : null;
}
