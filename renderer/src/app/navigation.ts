import { useCallback, useEffect, useState } from 'react';
import { hashFor, sectionForShortcut, sectionFromHash, type SectionId } from './sections';

export function detectMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/**
 * The current section lives in the URL hash (`#/sessions`): reload keeps your place, links in the
 * sidebar are ordinary links, and no router library is needed. Hash changes are in-page
 * navigations, which the Electron window's navigation guard allows.
 */
export function useSection(isMac: boolean): [SectionId, (next: SectionId) => void] {
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = (): void => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((next: SectionId) => {
    if (window.location.hash !== hashFor(next)) window.location.hash = hashFor(next);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return;
      const target = sectionForShortcut(event, isMac);
      if (!target) return;
      event.preventDefault();
      navigate(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isMac, navigate]);

  return [section, navigate];
}
