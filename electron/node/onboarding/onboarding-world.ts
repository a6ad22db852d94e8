import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import type { Customer } from '../../../shared/domain/customer';
import type { OnboardingRecord } from '../../../shared/domain/onboarding-record';
import type { IdentityView } from '../../../shared/domain/onboarding-view';
import type { Profile } from '../../../shared/domain/profile';
import { customerNotFoundMessage, findCustomer } from '../../../shared/logic/onboarding/customer-onboarding';
import { buildOnboardingKit, type OnboardingKit } from '../../../shared/logic/onboarding/onboarding-kit';
import { trustedPrincipalFromArn } from '../../../shared/logic/onboarding/trust-policy';
import { callRegion } from '../../../shared/logic/profile-chain';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import type { Clock } from '../../../shared/ports/clock';
import type { CustomerDirectory } from '../../../shared/ports/customer-directory';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { ProfileDirectory, ProfileSnapshot } from '../../../shared/ports/profile-directory';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { StsGateway } from '../../../shared/ports/sts-gateway';

/** What every onboarding service reads and writes through: the ports, and the few lookups they share. */
export interface OnboardingPorts {
  store: DocumentStore;
  customers: CustomerDirectory;
  profiles: ProfileDirectory;
  sessions: SessionAccess;
  sts: StsGateway;
  clock: Clock;
}

export interface CustomerState {
  customer: Customer;
  record: OnboardingRecord | undefined;
  snapshot: ProfileSnapshot;
}

/**
 * The onboarding records in the profile store, and the lookups the services share. The status
 * lives on the Customer (CustomerDirectory); this keeps only what the setup was built from.
 */
export class OnboardingWorld {
  constructor(readonly ports: OnboardingPorts) {}

  async customer(ref: string): Promise<CustomerState> {
    const [customers, doc] = await Promise.all([this.ports.customers.list(), this.ports.store.read()]);
    const customer = findCustomer(customers, ref);
    if (!customer) throw new RoledeckError('NOT_FOUND', customerNotFoundMessage(ref, customers));
    return { customer, record: doc.onboarding.find((entry) => entry.customerId === customer.id), snapshot: doc };
  }

  /** The customer with its setup; NOT_FOUND with what to do when it has none yet. */
  async withSetup(ref: string): Promise<CustomerState & { record: OnboardingRecord }> {
    const state = await this.customer(ref);
    if (!state.record) {
      throw new RoledeckError('NOT_FOUND', `${state.customer.name} has no setup yet: prepare one first (\`roledeck onboard "${state.customer.name}" --role-name …\`, or Onboarding → Set up).`);
    }
    return { ...state, record: state.record };
  }

  /** The kit for a stored setup, under the customer's current name; VALIDATION when today's allow-list refuses it. */
  kit(state: CustomerState & { record: OnboardingRecord }): OnboardingKit {
    const built = buildOnboardingKit({ ...state.record.setup, customerName: state.customer.name }, state.snapshot.settings.roleNameAllowList);
    if (!built.ok) throw new RoledeckError('VALIDATION', built.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    return built.kit;
  }

  /** Writes (or replaces) one customer's record under the store lock. */
  saveRecord(customerId: string, change: (current: OnboardingRecord | undefined) => OnboardingRecord): Promise<OnboardingRecord> {
    return this.ports.store.update((doc) => {
      const index = doc.onboarding.findIndex((entry) => entry.customerId === customerId);
      const next = { ...change(index >= 0 ? doc.onboarding[index] : undefined), updatedAt: this.ports.clock.now() };
      if (index >= 0) doc.onboarding[index] = next;
      else doc.onboarding.push(next);
      return next;
    });
  }

  /** Moves the customer's status (and when access last worked), keeping everything else it has. */
  saveStatus(customer: Customer, onboarding: Customer['onboarding'], lastVerifiedAt?: number): Promise<Customer> {
    return this.ports.customers.save({
      id: customer.id,
      name: customer.name,
      production: customer.production,
      onboarding,
      ...(lastVerifiedAt !== undefined ? { lastVerifiedAt } : {}),
    });
  }

  /**
   * Credentials of one of our profiles without an MFA prompt where none is needed: an IAM user's
   * own keys (GetCallerIdentity and presigning need no MFA), else the profile's session.
   */
  async quietCredentials(profile: Profile): Promise<AwsCredentials> {
    if (profile.kind === 'iam-user') return { accessKeyId: profile.accessKeyId, secretAccessKey: await this.ports.profiles.userSecret(profile) };
    return this.ports.sessions.credentials(profile.id);
  }

  /** Who one of our profiles is, as AWS says (GetCallerIdentity): the account and, for an IAM user, its name. */
  async identity(profileRef: string, snapshot?: ProfileSnapshot): Promise<{ identity: IdentityView; profile: Profile }> {
    const profiles = (snapshot ?? (await this.ports.profiles.read())).profiles;
    const profile = requireProfile(profiles, profileRef);
    const caller = await this.ports.sts.getCallerIdentity(await this.quietCredentials(profile), callRegion(profiles, profile));
    const principal = trustedPrincipalFromArn(caller.arn);
    const partition = principal?.partition ?? partitionOf(caller.arn);
    const user = principal?.principal.kind === 'user' ? principal.principal : undefined;
    return {
      profile,
      identity: {
        arn: caller.arn,
        accountId: principal?.principal.accountId ?? caller.account,
        partition,
        ...(user ? { userName: user.userName, path: user.path ?? '/' } : {}),
      },
    };
  }
}

function partitionOf(arn: string): IdentityView['partition'] {
  const partition = arn.split(':')[1];
  return partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : 'aws';
}
