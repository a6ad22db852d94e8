import type { Customer } from '../../domain/customer';
import type { OnboardingProgress, OnboardingStatus } from '../../domain/onboarding';
import type { OnboardingRecord } from '../../domain/onboarding-record';
import type { OnboardingView } from '../../domain/onboarding-view';
import type { Profile } from '../../domain/profile';
import { customerKey } from '../customer-key';

/**
 * One customer's onboarding, put together from the two places it lives: the Customer record (the
 * status and when access last worked — the only copy of either) and the onboarding record (the
 * setup, the role ARN, the last failure).
 */

/** The status as people say it, in the window and the CLI alike. */
export const STATUS_WORDS: Record<OnboardingStatus, string> = {
  invited: 'invited',
  'role-created': 'role created',
  verified: 'access verified',
};

/** A customer by ID, or by name as people type it (case and spacing ignored). */
export function findCustomer(customers: readonly Customer[], ref: string): Customer | undefined {
  const key = customerKey(ref);
  return customers.find((customer) => customer.id === ref) ?? customers.find((customer) => customerKey(customer.name) === key);
}

/** "No customer named x. Customers: a, b." — what the CLI and the window say for an unknown one. */
export function customerNotFoundMessage(ref: string, customers: readonly Customer[]): string {
  const known = customers.slice(0, 8).map((customer) => customer.name);
  const list = known.length ? ` Customers: ${known.join(', ')}${customers.length > known.length ? ', …' : ''}.` : ' There are no customers yet: start one with `roledeck onboard <customer> …` or in the Onboarding section.';
  return `There is no customer named "${ref.slice(0, 80)}".${list}`;
}

/** The progress the pure state machine (advanceOnboarding) works on. */
export function progressOf(customer: Pick<Customer, 'onboarding' | 'lastVerifiedAt'>, record: OnboardingRecord | undefined): OnboardingProgress {
  return {
    status: customer.onboarding,
    ...(record?.roleArn ? { roleArn: record.roleArn } : {}),
    ...(customer.lastVerifiedAt !== undefined ? { lastVerifiedAt: customer.lastVerifiedAt } : {}),
    ...(record?.lastFailure ? { lastFailure: record.lastFailure } : {}),
  };
}

/** The role profiles that give access to a customer: the one onboarding created, else those labelled with its name. */
export function customerRoleProfiles(customer: Customer, record: OnboardingRecord | undefined, profiles: readonly Profile[]): Profile[] {
  if (record?.profileId) {
    const own = profiles.find((profile) => profile.id === record.profileId);
    if (own) return [own];
  }
  const key = customerKey(customer.name);
  return profiles.filter((profile) => profile.kind === 'role' && profile.label !== undefined && customerKey(profile.label) === key);
}

export function onboardingView(customer: Customer, record: OnboardingRecord | undefined, profiles: readonly Profile[], now: number): OnboardingView {
  const name = (id: string | undefined) => (id ? profiles.find((profile) => profile.id === id)?.name : undefined);
  const profileName = name(record?.profileId);
  const sourceProfileName = name(record?.sourceProfileId);
  // An expired link is worse than none: it fails when the customer opens it.
  const quickCreate = record?.quickCreate && record.quickCreate.validUntil > now ? record.quickCreate : undefined;
  return {
    customerId: customer.id,
    customerName: customer.name,
    ...(customer.color ? { color: customer.color } : {}),
    production: customer.production,
    status: customer.onboarding,
    ...(customer.lastVerifiedAt !== undefined ? { lastVerifiedAt: customer.lastVerifiedAt } : {}),
    ...(record ? { setup: { ...record.setup, customerName: customer.name } } : {}),
    ...(sourceProfileName ? { sourceProfileName } : {}),
    ...(record?.roleArn ? { roleArn: record.roleArn } : {}),
    ...(record?.profileId && profileName ? { profileId: record.profileId, profileName } : {}),
    ...(record?.lastFailure ? { lastFailure: record.lastFailure } : {}),
    ...(quickCreate ? { quickCreate } : {}),
  };
}
