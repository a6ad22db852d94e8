import type { ReactElement } from 'react';
import type { VerifyAllState } from './use-onboarding';
import { VerifyOutcomeView } from './VerifyOutcomeView';

/** "Verify all" as it runs: a progress bar, then which roles broke and why (the verified ones summed up). */
export function VerifyAllReport({ state }: { state: VerifyAllState }): ReactElement | null {
  if (!state.running && state.total === 0 && !state.error) return null;
  const failed = state.outcomes.filter((outcome) => outcome.state === 'failed');
  const verified = state.outcomes.filter((outcome) => outcome.state === 'verified').length;
  const skipped = state.outcomes.filter((outcome) => outcome.state === 'skipped').length;
  return (
    <div className="verify-all" data-testid="verify-all">
      {state.running ? (
        <div className="verify-all__progress">
          <progress max={state.total || 1} value={state.done} aria-label="Customers tested" />
          <span role="status">{state.total ? `Tested ${state.done} of ${state.total}…` : 'Testing every customer…'}</span>
        </div>
      ) : (
        <p role="status" className="verify-all__summary">
          {state.error ? `Verify all failed: ${state.error}` : `${verified} verified, ${failed.length} failed, ${skipped} not tested.`}
        </p>
      )}
      {failed.length ? (
        <ul className="verify-all__failures" aria-label="Roles that broke">
          {failed.map((outcome) => (
            <li key={outcome.customerId}>
              <p className="verify-all__customer">{outcome.customerName}</p>
              <VerifyOutcomeView outcome={outcome} compact />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
