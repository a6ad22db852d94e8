import type { ReactElement } from 'react';
import { EmptyState } from '../../ui/EmptyState';

export function OnboardingSection(): ReactElement {
  return (
    <EmptyState
      icon="onboarding"
      title="No customers onboarded"
      plans={[
        'Generate an ExternalId, the trust policy, the permissions policy and a role-creating template.',
        'Hand them to the customer as files or text to paste into their console.',
        'Paste their account ID and see “access verified” once the role works.',
      ]}
    >
      <p>
        Prepare everything a new customer needs to create a cross-account role for you, then confirm that you can
        use it.
      </p>
    </EmptyState>
  );
}
