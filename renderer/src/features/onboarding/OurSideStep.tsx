import { useState, type ReactElement } from 'react';
import type { OnboardingView, OurSideView } from '../../../../shared/domain/onboarding-view';
import { getApi, failedRemote, RemoteView, type Remote } from '../../api';
import { Button } from '../../ui/Button';
import { CodePreview } from './CodePreview';

const STATE_BADGE = { allowed: 'badge badge--ok', denied: 'badge badge--danger', unchecked: 'badge badge--neutral' } as const;
const STATE_WORDS = { allowed: 'allowed', denied: 'not allowed', unchecked: 'not checked' } as const;

/** Step 3: the IAM policy our user needs, and whether IAM's policy simulator says our side allows it. */
export function OurSideStep({ view, onNext }: { view: OnboardingView; onNext: () => void }): ReactElement {
  const [result, setResult] = useState<Remote<OurSideView> | null>(null);
  const check = async (): Promise<void> => {
    setResult({ state: 'loading' });
    try {
      setResult({ state: 'loaded', value: await getApi().onboarding.ourSide({ customerId: view.customerId }) });
    } catch (error) {
      setResult(failedRemote(error));
    }
  };
  return (
    <div className="our-side" data-testid="our-side">
      <p className="step__intro">
        Our IAM user needs <code className="mono">sts:AssumeRole</code> on the customer’s role. The policy is in the files (Our IAM policy);
        attach it to {view.sourceProfileName ?? 'our user'} in our account. Check asks IAM’s policy simulator whether our side allows it — the
        customer’s trust policy is theirs, and is tested in the next step.
      </p>
      <div className="form__actions form__actions--start">
        <Button variant={result ? 'default' : 'primary'} busy={result?.state === 'loading'} onClick={() => void check()}>
          Check our side
        </Button>
      </div>
      {result ? (
        <RemoteView remote={result} loading="Asking IAM’s policy simulator…" failed="Roledeck could not check our side">
          {(ours) => (
            <div className="our-side__result" data-testid="our-side-result">
              <p className="our-side__headline">
                <span className={STATE_BADGE[ours.check.state]}>{STATE_WORDS[ours.check.state]}</span> {ours.check.headline}
              </p>
              <p>{ours.check.explanation}</p>
              <CodePreview content={ours.policyJson} language="json" label="Our IAM policy" />
              <p className="muted">{ours.narrowed ? 'Narrowed to the customer’s account.' : 'Any account’s role of this name, until the customer’s account is known.'}</p>
            </div>
          )}
        </RemoteView>
      ) : null}
      <div className="form__actions">
        <Button variant="primary" onClick={onNext}>
          Next: close the loop
        </Button>
      </div>
    </div>
  );
}
