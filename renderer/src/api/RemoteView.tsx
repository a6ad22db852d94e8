import { useId, type ReactElement, type ReactNode } from 'react';
import type { ErrorCode } from '../../../shared/contract/errors';
import { Icon } from '../ui/Icon';
import type { Remote } from './use-remote';

/**
 * Failures the store banner already explains in full (what happened, Start over): here they get
 * one line pointing there, so the paragraph never shows twice.
 */
const EXPLAINED_ABOVE: Partial<Record<ErrorCode, string>> = {
  STORE_UNREADABLE: 'Your profile store cannot be read. What happened, and how to start over, is at the top of the window.',
  STORE_NEWER_VERSION: 'Your profile store was written by a newer Roledeck. What to do is at the top of the window.',
};

/**
 * Failures a banner at the top of the window already announces: not announced again here. A
 * failure with no code never reached the main side (no bridge, a broken transport), which the
 * status banner announces as "cannot reach its background service".
 */
const ANNOUNCED_ABOVE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['STORE_UNREADABLE', 'STORE_NEWER_VERSION', 'KEYCHAIN_LOCKED', 'KEYCHAIN_UNAVAILABLE']);

export function explainedAbove(code: ErrorCode | undefined): string | undefined {
  return code === undefined ? undefined : EXPLAINED_ABOVE[code];
}

interface RemoteViewProps<T> {
  remote: Remote<T>;
  /** What is being loaded, as a sentence: "Loading profiles…". */
  loading: string;
  /** What failed: "Roledeck could not list your profiles". */
  failed: string;
  /** Offers "Try again" on failure. */
  onRetry?: () => void;
  /**
   * panel: the whole body of a section (a panel with a heading); inline: a line inside a panel
   * or dialog; text: bare text for a status line (the palette's footer).
   */
  variant?: 'panel' | 'inline' | 'text';
  children: (value: T) => ReactNode;
}

/**
 * The loading and failed states of a remote value, written once: loading says what it waits for,
 * failed says what failed, the main side's reason, and offers a retry. A failure the banners
 * above already announce is not announced again (no role="alert").
 */
export function RemoteView<T>({ remote, loading, failed, onRetry, variant = 'inline', children }: RemoteViewProps<T>): ReactElement {
  const titleId = useId();
  if (remote.state === 'loaded') return <>{children(remote.value)}</>;
  if (variant === 'text') return <>{remote.state === 'loading' ? loading : `${failed}: ${explainedAbove(remote.code) ?? remote.message}`}</>;
  if (remote.state === 'loading') {
    return (
      <p className="muted" role="status" data-testid="remote-loading">
        {loading}
      </p>
    );
  }
  const brief = explainedAbove(remote.code);
  const role = remote.code === undefined || ANNOUNCED_ABOVE.has(remote.code) ? undefined : 'alert';
  const retry = onRetry ? (
    <button type="button" className={variant === 'panel' ? 'button button--primary' : 'button'} onClick={onRetry}>
      Try again
    </button>
  ) : null;
  if (variant === 'panel') {
    return (
      <section className="error-panel" role={role} aria-labelledby={titleId} data-testid="remote-failed">
        <Icon name="alert" className="error-panel__icon" />
        <div className="error-panel__text">
          <h2 id={titleId} className="error-panel__title">
            {failed}
          </h2>
          <p>{brief ?? remote.message}</p>
          {retry}
        </div>
      </section>
    );
  }
  return (
    <div className="remote-failed" role={role} data-testid="remote-failed">
      <p className="form__error">
        {brief ? `${failed}. ${brief}` : `${failed}: ${remote.message}`}
      </p>
      {retry}
    </div>
  );
}
