import { useCallback, useEffect } from 'react';
import type { AppInfo } from '../../../shared/domain/app-info';
import type { KeychainStatus } from '../../../shared/domain/keychain';
import { getApi, useRemote, type Remote } from '../api';

export interface AppStatus {
  info: Remote<AppInfo>;
  keychain: Remote<KeychainStatus>;
  /** Asks the main side for the keychain status again (after the user unlocked it, say). */
  recheckKeychain: () => void;
}

export function useAppStatus(): AppStatus {
  const { remote: info } = useRemote(() => getApi().app.info(), []);
  const { remote: keychain, reload, set } = useRemote(() => getApi().keychain.status(), []);

  useEffect(() => {
    try {
      return getApi().on('keychain.changed', set);
    } catch {
      // No bridge: the status call has already reported it.
      return undefined;
    }
  }, [set]);

  const recheckKeychain = useCallback(() => void reload({ showLoading: true }), [reload]);

  return { info, keychain, recheckKeychain };
}
