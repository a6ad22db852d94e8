import type { ReactElement } from 'react';
import { EmptyState } from '../../ui/EmptyState';

export function DeploySection(): ReactElement {
  return (
    <EmptyState
      icon="deploy"
      title="No test deploys"
      plans={[
        'Pick a CloudFormation template and fill in its parameters.',
        'Review the change set before anything is created, then watch the stack events as it runs.',
        'Tear the stack down again when the test is done.',
      ]}
    >
      <p>
        Run a one-click CloudFormation test deploy in a customer’s account. The target account stays on screen
        for the whole run.
      </p>
    </EmptyState>
  );
}
