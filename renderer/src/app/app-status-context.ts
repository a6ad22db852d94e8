import { createContext, useContext } from 'react';
import type { AppStatus } from './use-app-status';

/** The window's status (the app, the keychain) for the views that depend on it; null in tests that mount a section alone. */
export const AppStatusContext = createContext<AppStatus | null>(null);

export interface KeychainReadiness {
  /** True when secrets can be saved now; while the status is still loading, assumed true (the save says otherwise). */
  ready: boolean;
  /** Why not, in a sentence; null when ready. */
  reason: string | null;
  /** What to do about it on this platform (the banner at the top says it too); null when ready. */
  fix: string | null;
}

/** Whether the keychain can take a secret now, and why not (the banner above says the same, in full). */
export function useKeychainReadiness(): KeychainReadiness {
  const status = useContext(AppStatusContext);
  const keychain = status?.keychain;
  if (!keychain || keychain.state === 'loading') return { ready: true, reason: null, fix: null };
  if (keychain.state === 'failed') return { ready: false, reason: 'Roledeck cannot reach its background service to check the keychain.', fix: null };
  if (keychain.value.state === 'ready') return { ready: true, reason: null, fix: null };
  const what = keychain.value.state === 'locked' ? 'Your keychain is locked' : 'Your keychain cannot be reached';
  return { ready: false, reason: `${what}, so Roledeck cannot save a secret now.`, fix: keychain.value.fix ?? keychain.value.message };
}

/**
 * Whether this host has a tray (menu bar) icon: the desktop app does, the browser preview (a Node
 * host) does not, so its words must not send people looking for one.
 */
export function useHasTray(): boolean {
  const status = useContext(AppStatusContext);
  return status?.info.state === 'loaded' && status.info.value.runtime.kind === 'electron';
}
