import type { ReactElement } from 'react';
import { Icon } from '../ui/Icon';
import type { AppStatus } from './use-app-status';

type Tone = 'neutral' | 'ok' | 'warn' | 'danger';

function keychainSummary(keychain: AppStatus['keychain']): { tone: Tone; label: string } {
  if (keychain.state === 'loading') return { tone: 'neutral', label: 'Checking keychain…' };
  if (keychain.state === 'failed') return { tone: 'danger', label: 'Keychain status unknown' };
  switch (keychain.value.state) {
    case 'ready':
      return { tone: 'ok', label: 'Keychain ready' };
    case 'locked':
      return { tone: 'warn', label: 'Keychain locked' };
    case 'unavailable':
      return { tone: 'danger', label: 'Keychain unavailable' };
  }
}

/** The top bar's right side: keychain state at a glance, and the version. */
export function StatusArea({ status }: { status: AppStatus }): ReactElement {
  const { info, keychain } = status;
  const summary = keychainSummary(keychain);
  const version =
    info.state === 'loaded' ? `v${info.value.version}` : info.state === 'loading' ? 'v…' : 'version unknown';
  return (
    <div className="status-area">
      <p
        className={`status-pill status-pill--${summary.tone}`}
        role="status"
        data-testid="keychain-status"
        data-state={keychain.state === 'loaded' ? keychain.value.state : keychain.state}
      >
        <Icon name="lock" />
        <span>{summary.label}</span>
      </p>
      <p className="status-version" data-testid="app-version">
        <span className="visually-hidden">Roledeck version </span>
        {version}
      </p>
    </div>
  );
}

/**
 * When the keychain cannot be used, or the main side cannot be reached, say so in full with the
 * message from the main side and a way to check again. Nothing is shown when all is well.
 */
export function StatusBanner({ status }: { status: AppStatus }): ReactElement | null {
  const { keychain, info } = status;
  let title: string;
  let message: string;
  let fix: string | undefined;
  // Locked is a normal moment (unlock and carry on); unavailable or unreachable needs fixing.
  let tone: 'warn' | 'danger' = 'danger';
  if (keychain.state === 'failed') {
    title = 'Roledeck cannot reach its background service';
    message = keychain.message;
  } else if (keychain.state === 'loaded' && keychain.value.state !== 'ready') {
    title = keychain.value.state === 'locked' ? 'Your keychain is locked' : 'Your keychain is unavailable';
    message = keychain.value.message;
    fix = keychain.value.fix;
    if (keychain.value.state === 'locked') tone = 'warn';
  } else if (info.state === 'failed') {
    title = 'Roledeck cannot reach its background service';
    message = info.message;
  } else {
    return null;
  }
  return (
    <div className={`banner banner--${tone}`} role="alert">
      <Icon name="alert" className="banner__icon" />
      <div className="banner__text">
        <p className="banner__title">{title}</p>
        <p>{message}</p>
        {fix ? <p data-testid="keychain-fix">{fix}</p> : null}
      </div>
      <button type="button" className="button" onClick={status.recheckKeychain}>
        Check again
      </button>
    </div>
  );
}
