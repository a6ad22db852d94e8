import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { getApi } from '../api';
import { AuditSection } from '../features/audit/AuditSection';
import { AccountsSection } from '../features/accounts/AccountsSection';
import { MfaPromptHost } from '../features/mfa/MfaPromptHost';
import { CommandPalette, paletteShortcutLabel } from '../features/palette/CommandPalette';
import { OnboardingSection } from '../features/onboarding/OnboardingSection';
import { ActiveSessionIndicator } from '../features/sessions/ActiveSessionIndicator';
import { SessionsSection } from '../features/sessions/SessionsSection';
import { SettingsSection } from '../features/settings/SettingsSection';
import { StartOverFlow } from '../features/store/StartOverFlow';
import { StoreBanner } from '../features/store/StoreBanner';
import { useStoreStatus, type StoreState } from '../features/store/use-store-status';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Icon } from '../ui/Icon';
import { detectMac, useSection } from './navigation';
import { hashFor, SECTIONS, sectionById, shortcutLabel, type SectionId } from './sections';
import { AppStatusContext } from './app-status-context';
import { StatusArea, StatusBanner } from './StatusArea';
import { Sidebar } from './Sidebar';
import { useThemePreference } from './theme';
import { useAppStatus, type AppStatus } from './use-app-status';

// Loaded when first opened: the deploy form checks values with the shared zod rules, and zod stays
// out of the initial bundle.
const DeploySection = lazy(() => import('../features/deploy/DeploySection').then((module) => ({ default: module.DeploySection })));
// Likewise: the signer's live policy preview runs shared/logic's signing plan, which uses the contract's errors (zod).
const CloudFrontSection = lazy(() => import('../features/cloudfront/CloudFrontSection').then((module) => ({ default: module.CloudFrontSection })));

interface SectionViewProps {
  id: SectionId;
  status: AppStatus;
  store: StoreState;
  onStartOver: () => void;
  theme: ReturnType<typeof useThemePreference>;
  isMac: boolean;
}

function SectionView({ id, status, store, onStartOver, theme, isMac }: SectionViewProps): ReactElement {
  switch (id) {
    case 'accounts':
      return <AccountsSection />;
    case 'sessions':
      return <SessionsSection />;
    case 'deploy':
      return (
        <Suspense fallback={<p className="muted" role="status">Loading Deploy…</p>}>
          <DeploySection />
        </Suspense>
      );
    case 'cloudfront':
      return (
        <Suspense fallback={<p className="muted" role="status">Loading CloudFront…</p>}>
          <CloudFrontSection />
        </Suspense>
      );
    case 'onboarding':
      return <OnboardingSection />;
    case 'audit':
      return <AuditSection />;
    case 'settings':
      return <SettingsSection theme={theme[0]} onThemeChange={theme[1]} status={status} store={store} onStartOver={onStartOver} isMac={isMac} />;
  }
}

export function App(): ReactElement {
  const isMac = useMemo(detectMac, []);
  const theme = useThemePreference();
  const status = useAppStatus();
  const store = useStoreStatus();
  const [startingOver, setStartingOver] = useState(false);
  // Bumped when the store starts over (here or in another window): every view mounts anew and reloads.
  const [storeEpoch, setStoreEpoch] = useState(0);
  const reloadViews = useCallback(() => setStoreEpoch((epoch) => epoch + 1), []);
  const [current] = useSection(isMac);
  const section = sectionById(current);
  const index = SECTIONS.findIndex((candidate) => candidate.id === current);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const firstRender = useRef(true);

  useEffect(() => {
    try {
      return getApi().on('store.reset', reloadViews);
    } catch {
      return undefined;
    }
  }, [reloadViews]);

  useEffect(() => {
    document.title = `${section.label} · Roledeck`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setAnnouncement(`${section.label} section`);
    // If the element that had focus was inside the section that just went away, focus would fall
    // to <body>; put it on the new section's heading instead so keyboard users keep their place.
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) headingRef.current?.focus();
  }, [section]);

  return (
    <AppStatusContext.Provider value={status}>
      <div className="app">
        {/* The hash holds the current section, so the skip link moves focus itself instead of
            navigating to #main. */}
        <a
          className="skip-link"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          Skip to content
        </a>
        <CommandPalette isMac={isMac}>
          {(openPalette) => (
            <>
              <header className="topbar">
                <div className="brand">
                  <Icon name="deck" className="brand__mark" />
                  <span className="brand__name">Roledeck</span>
                </div>
                {/* The session in use; clicking it opens the switcher (the palette). */}
                <ActiveSessionIndicator key={storeEpoch} onSwitch={() => openPalette({ switching: true })} isMac={isMac} />
                <StatusArea status={status} />
              </header>
              <Sidebar
                current={current}
                isMac={isMac}
                footer={
                  <button
                    type="button"
                    className="palette-trigger"
                    onClick={() => openPalette()}
                    aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
                    title={`Go to a profile or section (${paletteShortcutLabel(isMac)})`}
                  >
                    <Icon name="search" />
                    <span className="palette-trigger__label">Go to…</span>
                    <kbd aria-hidden="true">{paletteShortcutLabel(isMac)}</kbd>
                  </button>
                }
              />
            </>
          )}
        </CommandPalette>
        <main id="main" className="main" tabIndex={-1} aria-labelledby="section-title">
          <StatusBanner status={status} />
          <StoreBanner status={store.status} onStartOver={() => setStartingOver(true)} onRecheck={store.recheck} />
          <div className="page-header">
            <div>
              <h1 id="section-title" className="page-header__title" tabIndex={-1} ref={headingRef}>
                {section.label}
              </h1>
              <p className="page-header__summary">{section.summary}</p>
            </div>
            <kbd className="page-header__shortcut" aria-hidden="true">
              {shortcutLabel(index, isMac)}
            </kbd>
          </div>
          <ErrorBoundary key={`${current}:${storeEpoch}`} title={`The ${section.label} section failed to show`}>
            <SectionView id={current} status={status} store={store} onStartOver={() => setStartingOver(true)} theme={theme} isMac={isMac} />
          </ErrorBoundary>
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
        </main>
        {/* App level: an MFA prompt from any caller shows whichever section is open. */}
        <ErrorBoundary title="The MFA prompt failed to show">
          <MfaPromptHost />
        </ErrorBoundary>
        {startingOver ? (
          <StartOverFlow
            status={store.status.state === 'loaded' ? store.status.value : null}
            onClose={() => setStartingOver(false)}
            onReset={() => {
              reloadViews();
              store.recheck();
            }}
            onImported={() => {
              window.location.hash = hashFor('accounts');
              reloadViews();
            }}
          />
        ) : null}
      </div>
    </AppStatusContext.Provider>
  );
}
