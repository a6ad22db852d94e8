import type { ReactElement } from 'react';
import type { VerifyOutcome } from '../../../../shared/domain/onboarding-view';
import { Icon } from '../../ui/Icon';
import { whenText } from './onboarding-format';

/** What a test found, in plain words: verified, skipped and why, or what broke and what to do. */
export function VerifyOutcomeView({ outcome, compact = false }: { outcome: VerifyOutcome; compact?: boolean }): ReactElement {
  if (outcome.state === 'verified') {
    return (
      <div className="outcome outcome--ok" data-testid="verify-outcome" data-state="verified">
        <Icon name="check-circle" className="outcome__icon" />
        <div>
          <p className="outcome__headline">Access verified</p>
          {compact ? null : (
            <p className="muted">
              {outcome.test?.ok ? `${outcome.test.arn} · ` : ''}
              {whenText(outcome.at)}
            </p>
          )}
        </div>
      </div>
    );
  }
  if (outcome.state === 'skipped') {
    return (
      <div className="outcome" data-testid="verify-outcome" data-state="skipped">
        <p className="muted">{outcome.reason}</p>
      </div>
    );
  }
  const aws = outcome.test && !outcome.test.ok && outcome.test.awsCode ? `${outcome.test.awsCode}: ${outcome.test.awsMessage ?? ''}` : null;
  return (
    <div className="outcome outcome--failed" data-testid="verify-outcome" data-state="failed">
      <Icon name="alert" className="outcome__icon" />
      <div>
        <p className="outcome__headline">{outcome.failure?.headline ?? 'Access failed'}</p>
        <p>{outcome.failure?.explanation}</p>
        {aws && !compact ? <p className="outcome__aws">AWS said: {aws}</p> : null}
      </div>
    </div>
  );
}
