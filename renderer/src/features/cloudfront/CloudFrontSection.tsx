import type { ReactElement } from 'react';
import { EmptyState } from '../../ui/EmptyState';

export function CloudFrontSection(): ReactElement {
  return (
    <EmptyState
      icon="cloudfront"
      title="No signing keys"
      plans={[
        'Keep a CloudFront private key in the OS keychain instead of a PEM file on disk.',
        'Sign URLs and cookies with a canned or custom policy, wildcards included.',
        'Paste a signed URL that fails and see why: expiry, key pair, policy or resource.',
      ]}
    >
      <p>Sign CloudFront URLs and cookies for a customer’s distribution, and check one that does not work.</p>
    </EmptyState>
  );
}
