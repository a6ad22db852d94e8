import { useEffect, useId, useState, type ReactElement } from 'react';
import type { OnboardingView } from '../../../../shared/domain/onboarding-view';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { HandOverStep } from './HandOverStep';
import { nextStep, statusBadge, statusWords, stepsDone, type StepId } from './onboarding-format';
import { OnboardingSteps } from './OnboardingSteps';
import { OurSideStep } from './OurSideStep';
import { SetupForm } from './SetupForm';
import { VerifyStep } from './VerifyStep';

interface CustomerFlowProps {
  /** Absent: a new customer. */
  view: OnboardingView | undefined;
  profiles: readonly ProfileView[];
  allowList: readonly string[];
  onPrepared: (view: OnboardingView) => void;
  onChanged: () => void;
  onCancel: () => void;
}

/** One customer's onboarding, step by step, opened at the first step not done yet. */
export function CustomerFlow({ view, profiles, allowList, onPrepared, onChanged, onCancel }: CustomerFlowProps): ReactElement {
  const headingId = useId();
  const [step, setStep] = useState<StepId>(() => nextStep(view));
  const [reissued, setReissued] = useState(false);
  // Another customer chosen: start where that one stands.
  useEffect(() => {
    setStep(nextStep(view));
    setReissued(false);
  }, [view?.customerId]);
  const done = stepsDone(view);

  return (
    <section className="panel flow" aria-labelledby={headingId} data-testid="customer-flow">
      <header className="flow__header">
        <h2 id={headingId} className="panel__title">
          {view ? view.customerName : 'New customer'}
        </h2>
        {view ? <span className={statusBadge(view.status)}>{statusWords(view.status)}</span> : null}
      </header>
      <OnboardingSteps current={step} done={done} enabled={(candidate) => candidate === 'setup' || view?.setup !== undefined} onSelect={setStep} />
      {reissued ? (
        <p className="quick-create__warning" role="status">
          A new ExternalId was issued: send {view?.customerName ?? 'the customer'} the new files; their role must be set up again.
        </p>
      ) : null}
      <div className="flow__body">
        {step === 'setup' || !view?.setup ? (
          <SetupForm
            key={view?.customerId ?? 'new'}
            existing={view}
            profiles={profiles}
            allowList={allowList}
            onCancel={view ? undefined : onCancel}
            onPrepared={(prepared, wasReissued) => {
              setReissued(wasReissued);
              onPrepared(prepared);
              setStep('hand-over');
            }}
          />
        ) : step === 'hand-over' ? (
          <HandOverStep view={view} onChanged={onChanged} onNext={() => setStep('our-side')} />
        ) : step === 'our-side' ? (
          <OurSideStep view={view} onNext={() => setStep('verify')} />
        ) : (
          <VerifyStep view={view} onChanged={onChanged} />
        )}
      </div>
    </section>
  );
}
