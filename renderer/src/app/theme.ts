import { useCallback, useEffect, useState } from 'react';

/** 'system' follows the OS (prefers-color-scheme); the others force one theme. */
export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

// A display preference, not a secret: localStorage is the right place for it.
const STORAGE_KEY = 'roledeck.theme';

export function parseThemePreference(value: unknown): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings, opaque origins); the theme then lasts one run.
    return null;
  }
}

export function readThemePreference(): ThemePreference {
  return parseThemePreference(storage()?.getItem(STORAGE_KEY));
}

/** The stylesheet keys both themes off `color-scheme`; forcing a theme sets `data-theme` on <html>. */
export function applyThemePreference(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (preference === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = preference;
}

export function useThemePreference(): [ThemePreference, (next: ThemePreference) => void] {
  const [preference, setPreference] = useState<ThemePreference>(readThemePreference);

  useEffect(() => {
    applyThemePreference(preference);
  }, [preference]);

  // Another window of the app changing the theme updates this one too.
  useEffect(() => {
    const onStorage = (event: StorageEvent): void => {
      if (event.key === STORAGE_KEY) setPreference(parseThemePreference(event.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const update = useCallback((next: ThemePreference) => {
    setPreference(next);
    const store = storage();
    if (next === 'system') store?.removeItem(STORAGE_KEY);
    else store?.setItem(STORAGE_KEY, next);
  }, []);

  return [preference, update];
}
