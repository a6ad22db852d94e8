import type { ReactElement } from 'react';
import { Icon } from '../../ui/Icon';
import { STEPS, type StepId } from './onboarding-format';

interface OnboardingStepsProps {
  current: StepId;
  done: ReadonlySet<StepId>;
  /** Steps after an unfinished setup cannot be opened yet. */
  enabled: (step: StepId) => boolean;
  onSelect: (step: StepId) => void;
}

/** The progress indicator: four steps, each done, current or ahead, and each a button to go there. */
export function OnboardingSteps({ current, done, enabled, onSelect }: OnboardingStepsProps): ReactElement {
  return (
    <nav aria-label="Onboarding steps" className="steps" data-testid="onboarding-steps">
      <ol className="steps__list">
        {STEPS.map((step, index) => {
          const isDone = done.has(step.id);
          const state = step.id === current ? 'current' : isDone ? 'done' : 'ahead';
          return (
            <li key={step.id} className={`steps__item steps__item--${state}`} data-state={state}>
              <button type="button" className="steps__button" aria-current={step.id === current ? 'step' : undefined} disabled={!enabled(step.id)} onClick={() => onSelect(step.id)}>
                <span className="steps__marker" aria-hidden="true">
                  {isDone ? <Icon name="check" /> : index + 1}
                </span>
                <span className="steps__label">{step.label}</span>
                {isDone ? <span className="visually-hidden"> (done)</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
