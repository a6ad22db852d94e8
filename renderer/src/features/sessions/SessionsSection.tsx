import type { ReactElement } from 'react';
import { EmptyState } from '../../ui/EmptyState';

export function SessionsSection(): ReactElement {
  return (
    <EmptyState
      icon="sessions"
      title="No active sessions"
      plans={[
        'Assume a customer’s role with its ExternalId, answering one MFA prompt per device.',
        'Keep sessions refreshed before they expire, with a warning when the next refresh needs MFA.',
        'Copy an export for bash, zsh, fish, PowerShell or cmd, or serve credential_process to the AWS CLI and SDKs.',
      ]}
    >
      <p>
        Sessions you start appear here with the account, the role and the time left, so the identity in use is
        never in doubt.
      </p>
    </EmptyState>
  );
}
