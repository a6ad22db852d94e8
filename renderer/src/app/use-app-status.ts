import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/domain/app-info';
import type { KeychainStatus } from '../../../shared/domain/keychain';
import { getApi } from '../api';

/** One remote value as the UI shows it: never a silent blank. */
export type Remote<T> =
  | { state: 'loading' }
  | { state: 'loaded'; value: T }
  | { state: 'failed'; message: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface AppStatus {
  info: Remote<AppInfo>;
  keychain: Remote<KeychainStatus>;
  /** Asks the main side for the keychain status again (after the user unlocked it, say). */
  recheckKeychain: () => void;
}

export function useAppStatus(): AppStatus {
  const [info, setInfo] = useState<Remote<AppInfo>>({ state: 'loading' });
  const [keychain, setKeychain] = useState<Remote<KeychainStatus>>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const value = await getApi().app.info();
        if (live) setInfo({ state: 'loaded', value });
      } catch (error) {
        if (live) setInfo({ state: 'failed', message: messageOf(error) });
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const loadKeychain = useCallback((live: () => boolean) => {
    setKeychain({ state: 'loading' });
    (async () => {
      try {
        const value = await getApi().keychain.status();
        if (live()) setKeychain({ state: 'loaded', value });
      } catch (error) {
        if (live()) setKeychain({ state: 'failed', message: messageOf(error) });
      }
    })().catch(() => undefined);
  }, []);

  useEffect(() => {
    let live = true;
    loadKeychain(() => live);
    let unsubscribe = (): void => undefined;
    try {
      unsubscribe = getApi().on('keychain.changed', (value) => {
        if (live) setKeychain({ state: 'loaded', value });
      });
    } catch {
      // No bridge: the status call above has already reported it.
    }
    return () => {
      live = false;
      unsubscribe();
    };
  }, [loadKeychain]);

  const recheckKeychain = useCallback(() => loadKeychain(() => true), [loadKeychain]);

  return { info, keychain, recheckKeychain };
}
