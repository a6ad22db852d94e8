import { useEffect, type ReactElement } from 'react';
import type { StoreStatus } from '../../../../shared/domain/store-status';
import { RemoteView, type Remote } from '../../api';
import { Button } from '../../ui/Button';
import './store.css';

function stateText(status: StoreStatus): string {
  if (status.state === 'ok') return `Readable · ${status.profiles ?? 0} ${status.profiles === 1 ? 'profile' : 'profiles'}`;
  // The banner at the top of the window says what happened and what to do; not repeated here.
  return status.state === 'newer' ? 'Saved by a newer Roledeck (see the message at the top)' : 'Cannot be read (see the message at the top)';
}

/** Settings → Profile store: where it lives, whether it can be read, and Start over. */
export function StorePanel({ status, onStartOver, onShown }: { status: Remote<StoreStatus>; onStartOver: () => void; onShown?: () => void }): ReactElement {
  // The count of profiles was read when the window opened; profiles may have been added since.
  useEffect(() => onShown?.(), [onShown]);
  return (
    <section className="panel" aria-labelledby="settings-store" data-testid="store-panel">
      <h2 id="settings-store" className="panel__title">
        Profile store
      </h2>
      <p className="panel__intro">
        Profiles, customers, settings and history live in one encrypted file whose key is kept in your OS keychain.
      </p>
      <RemoteView remote={status} loading="Checking the profile store…" failed="Roledeck could not check the profile store">
        {(value) => (
          <dl className="facts">
            <div className="facts__row">
              <dt>File</dt>
              <dd className="store-panel__path">{value.location}</dd>
            </div>
            <div className="facts__row">
              <dt>State</dt>
              <dd>{stateText(value)}</dd>
            </div>
          </dl>
        )}
      </RemoteView>
      <div className="store-panel__actions">
        <Button variant="danger" onClick={onStartOver}>
          Start over…
        </Button>
        <p className="field__hint">
          Moves the file aside (it is kept) and starts an empty profile list. Keychain secrets stay.
        </p>
      </div>
    </section>
  );
}
