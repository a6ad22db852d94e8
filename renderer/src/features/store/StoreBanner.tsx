import type { ReactElement } from 'react';
import type { StoreStatus } from '../../../../shared/domain/store-status';
import type { Remote } from '../../api';
import { Icon } from '../../ui/Icon';
import './store.css';
import { storeProblem } from './use-store-status';

interface StoreBannerProps {
  status: Remote<StoreStatus>;
  onStartOver: () => void;
  onRecheck: () => void;
}

/**
 * When the profile store cannot be read (its key gone from the keychain, the file damaged, or
 * written by a newer Roledeck), the one place that says so in full, with Start over. Every view
 * that fails because of it points here in a line instead of repeating the paragraph.
 */
export function StoreBanner({ status, onStartOver, onRecheck }: StoreBannerProps): ReactElement | null {
  const problem = storeProblem(status);
  if (!problem) return null;
  const newer = problem.state === 'newer';
  return (
    <div className="banner banner--danger store-banner" role="alert" data-testid="store-banner">
      <Icon name="alert" className="banner__icon" />
      <div className="banner__text">
        <p className="banner__title">{newer ? 'Your profiles were saved by a newer Roledeck' : 'Roledeck cannot read your profiles'}</p>
        <p>{problem.message}</p>
      </div>
      <div className="store-banner__actions">
        <button type="button" className={newer ? 'button' : 'button button--primary'} onClick={onStartOver}>
          Start over…
        </button>
        <button type="button" className="button" onClick={onRecheck}>
          Check again
        </button>
      </div>
    </div>
  );
}
