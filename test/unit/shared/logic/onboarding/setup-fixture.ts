import type { OnboardingSetupInput } from '../../../../../shared/domain/onboarding';

/** A setup as the form would send it: our IAM user, a 40-character ExternalId, read-only audit. */
export const EXTERNAL_ID = 'Zq3vN8sR2kT6wY1pL5mH9dF4gJ7bX0cVaQeUiOoW';
export const OUR_ACCOUNT = '111111111111';
export const CUSTOMER_ACCOUNT = '222222222222';

export function setupInput(overrides: Partial<OnboardingSetupInput> = {}): OnboardingSetupInput {
  return {
    customerName: 'Acme Ltd',
    partition: 'aws',
    region: 'eu-west-1',
    roleName: 'RoledeckAccess',
    externalId: EXTERNAL_ID,
    requireMfa: false,
    trustedPrincipal: { kind: 'user', accountId: OUR_ACCOUNT, userName: 'consultant' },
    maxSessionDurationSeconds: 3600,
    permissions: { purpose: 'read-only-audit' },
    ...overrides,
  };
}
