import type { ReactElement } from 'react';
import { EmptyState } from '../../ui/EmptyState';

export function AccountsSection(): ReactElement {
  return (
    <EmptyState
      icon="accounts"
      title="No accounts yet"
      plans={[
        'Import the profiles already in ~/.aws/config and ~/.aws/credentials, with a preview before anything changes.',
        'Add an IAM user with its access key and MFA device; the secret key goes straight into the OS keychain.',
        'See each account’s masked key ID, MFA device and the customer roles that use it.',
      ]}
    >
      <p>
        Add an IAM user or import your <code>~/.aws</code> profiles. Long-term secrets are kept in your OS
        keychain, never in a plain file, and this window only ever sees masked key IDs.
      </p>
    </EmptyState>
  );
}
