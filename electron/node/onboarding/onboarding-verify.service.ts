import { AUDIT_ACTION } from '../../../shared/logic/audit-entry';
import type { AuditRecorder } from '../audit/audit-recorder';
import { RoledeckError } from '../../../shared/contract/errors';
import type { Customer } from '../../../shared/domain/customer';
import type { VerifyFailure } from '../../../shared/domain/onboarding';
import type { CompleteResult, VerifyOutcome } from '../../../shared/domain/onboarding-view';
import type { Profile } from '../../../shared/domain/profile';
import type { TestAccessResult } from '../../../shared/domain/session';
import type { AccessStep } from '../../../shared/logic/access-diagnosis';
import { messageOf } from '../../../shared/logic/error-message';
import { redactText } from '../../../shared/logic/redact';
import { customerRoleProfiles, findCustomer, onboardingView, progressOf, customerNotFoundMessage } from '../../../shared/logic/onboarding/customer-onboarding';
import { parseCustomerReply } from '../../../shared/logic/onboarding/customer-reply';
import { advanceOnboarding, type OnboardingEvent } from '../../../shared/logic/onboarding/onboarding-progress';
import { roleProfileInput, suggestProfileName } from '../../../shared/logic/onboarding/role-profile';
import { classifyVerifyFailure } from '../../../shared/logic/onboarding/verify-failure';
import { rootUserOf } from '../../../shared/logic/profile-chain';
import { findByName } from '../../../shared/logic/profile-lookup';
import type { EventSink } from '../../../shared/ports/event-sink';
import type { ProfileEditor } from '../../../shared/ports/profile-editor';
import type { CustomerState, OnboardingWorld } from './onboarding-world';

/** Customers tested at once by "verify all": enough to finish quickly, few enough not to be throttled by STS. */
export const VERIFY_CONCURRENCY = 3;

/** Runs `work` over `items`, at most `limit` at a time; results keep the items' order. */
async function bounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** The failed step as the diagnosis reads it: the contract's optional fields without their explicit undefineds. */
function accessStepOf(step: NonNullable<Extract<TestAccessResult, { ok: false }>['failedStep']>): AccessStep {
  const { profileName, operation, roleArn, hasExternalId, source, signedBy, mfa, durationSeconds } = step;
  return {
    profileName,
    operation,
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(hasExternalId !== undefined ? { hasExternalId } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(signedBy !== undefined ? { signedBy } : {}),
    ...(mfa !== undefined ? { mfa } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
  };
}

function uniqueProfileName(base: string, profiles: readonly Profile[]): string {
  let name = base;
  for (let suffix = 2; findByName(profiles, name); suffix += 1) name = `${base.slice(0, 60)}-${suffix}`;
  return name;
}

/**
 * Closing the loop and keeping it closed: the customer's reply becomes a role profile (through the
 * profiles' own rules), Test access runs with its diagnosis, and the customer moves invited →
 * role created → access verified. "Verify all" re-tests every customer, a few at a time, through
 * the sessions' one MFA prompt per device, and says per customer what broke.
 */
export class OnboardingVerifyService {
  private runs = 0;

  constructor(
    private readonly world: OnboardingWorld,
    private readonly editor: ProfileEditor,
    private readonly events?: EventSink,
    private readonly audit?: AuditRecorder,
  ) {}

  async complete(customerRef: string, reply: string, options: { profileName?: string | undefined } = {}): Promise<CompleteResult> {
    const state = await this.world.withSetup(customerRef);
    const { customer, record, snapshot } = state;
    const { setup } = record;
    const parsed = parseCustomerReply(reply, { partition: setup.partition, roleName: setup.roleName, customerAccountId: setup.customerAccountId, allowList: snapshot.settings.roleNameAllowList });
    if (!parsed.ok) throw new RoledeckError('VALIDATION', parsed.message);

    const source = snapshot.profiles.find((profile) => profile.id === record.sourceProfileId);
    if (!source) throw new RoledeckError('NOT_FOUND', `The profile this setup uses (${customer.name}’s source) was removed. Prepare the setup again with one of your profiles.`);
    const existing = record.profileId ? snapshot.profiles.find((profile) => profile.id === record.profileId) : undefined;
    const profileName = options.profileName ?? existing?.name ?? uniqueProfileName(suggestProfileName(customer.name), snapshot.profiles);
    const built = roleProfileInput({
      setup: { ...setup, customerName: customer.name },
      roleArn: parsed.roleArn,
      profileName,
      sourceProfile: source.name,
      sourceIsRole: source.kind === 'role',
      mfaSerial: rootUserOf(snapshot.profiles, source)?.mfaSerial,
    });
    if (!built.ok) throw new RoledeckError('VALIDATION', built.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    const view =
      existing?.kind === 'role'
        ? await this.editor.updateRole({
            ...built.input,
            id: existing.id,
            ...(existing.color ? { color: existing.color } : {}),
            ...(existing.favorite ? { favorite: true } : {}),
            ...(existing.sessionName ? { sessionName: existing.sessionName } : {}),
          })
        : await this.editor.addRole(built.input);

    const progress = this.advance(customer, record, { type: 'role-reported', roleArn: parsed.roleArn });
    await this.world.saveRecord(customer.id, (current) => {
      const { lastFailure: _dropped, ...rest } = current ?? record;
      return { ...rest, roleArn: parsed.roleArn, profileId: view.id };
    });
    await this.world.saveStatus(customer, progress.status);

    const outcome = await this.verify(customer.id);
    await this.audit?.record(
      AUDIT_ACTION.onboard,
      { id: view.id, name: view.name, label: customer.name },
      {
        identity: parsed.roleArn,
        detail: `${existing?.kind === 'role' ? 'updated' : 'created'} role profile; access ${outcome.state}`,
        ...(outcome.state === 'failed' ? { error: outcome.failure?.headline ?? 'the access test failed' } : {}),
      },
    );
    const after = await this.world.customer(customer.id);
    return {
      warnings: parsed.warnings,
      notes: built.notes,
      profileName: view.name,
      profileCreated: existing?.kind !== 'role',
      outcome,
      onboarding: onboardingView(after.customer, after.record, after.snapshot.profiles, this.world.ports.clock.now()),
    };
  }

  /** Tests the customer's role now and records the outcome on the customer. */
  async verify(customerRef: string): Promise<VerifyOutcome> {
    return this.verifyState(await this.world.customer(customerRef));
  }

  /** Every customer (or the ones named), at most VERIFY_CONCURRENCY at a time; each finished one is announced. */
  async verifyAll(
    customerRefs?: readonly string[],
    onProgress?: (progress: { done: number; total: number; outcome: VerifyOutcome }) => void,
  ): Promise<{ runId: string; outcomes: VerifyOutcome[] }> {
    const all = await this.world.ports.customers.list();
    const targets = customerRefs?.length
      ? customerRefs.map((ref) => {
          const customer = findCustomer(all, ref);
          if (!customer) throw new RoledeckError('NOT_FOUND', customerNotFoundMessage(ref, all));
          return customer;
        })
      : all;
    this.runs += 1;
    const runId = `verify-${this.world.ports.clock.now()}-${this.runs}`;
    let done = 0;
    const outcomes = await bounded(targets, VERIFY_CONCURRENCY, async (customer) => {
      const outcome = await this.verify(customer.id).catch((error: unknown): VerifyOutcome => this.crashed(customer, error));
      done += 1;
      this.events?.emit('onboarding.verifyProgress', { runId, total: targets.length, done, outcome });
      onProgress?.({ done, total: targets.length, outcome });
      return outcome;
    });
    return { runId, outcomes };
  }

  private async verifyState(state: CustomerState): Promise<VerifyOutcome> {
    const { customer, record, snapshot } = state;
    const at = this.world.ports.clock.now();
    const base = { customerId: customer.id, customerName: customer.name, at };
    const targets = customerRoleProfiles(customer, record, snapshot.profiles);
    if (targets.length === 0) {
      const reason = record
        ? 'Not tested: the customer has not sent back their role yet. Paste their account ID or role ARN first.'
        : 'Not tested: no role profile belongs to this customer yet.';
      return { ...base, state: 'skipped', reason };
    }
    let last: { profile: Profile; test: Extract<TestAccessResult, { ok: true }> } | undefined;
    for (const profile of targets) {
      const test = await this.world.ports.sessions.testAccess(profile.id);
      if (!test.ok) {
        const failure = this.failureOf(test, profile, state, at);
        const roleArn = record?.roleArn ?? (profile.kind === 'role' ? profile.roleArn : undefined);
        const progress = this.advance(customer, record, ...(roleArn && !record?.roleArn ? [{ type: 'role-reported', roleArn } as const] : []), { type: 'access-failed', failure });
        if (record) await this.world.saveRecord(customer.id, (current) => ({ ...(current ?? record), lastFailure: failure }));
        await this.world.saveStatus(customer, progress.status);
        return { ...base, state: 'failed', profileName: profile.name, failure, test };
      }
      last = { profile, test };
    }
    const verified = last!;
    const roleArn = record?.roleArn ?? (verified.profile.kind === 'role' ? verified.profile.roleArn : undefined);
    const progress = this.advance(customer, record, ...(roleArn && !record?.roleArn ? [{ type: 'role-reported', roleArn } as const] : []), { type: 'access-verified', at });
    if (record) {
      await this.world.saveRecord(customer.id, (current) => {
        const { lastFailure: _dropped, ...rest } = current ?? record;
        const externalId = verified.profile.kind === 'role' ? verified.profile.externalId : undefined;
        return { ...rest, ...(externalId ? { verifiedExternalId: externalId } : {}) };
      });
    }
    await this.world.saveStatus(customer, progress.status, progress.lastVerifiedAt);
    return { ...base, state: 'verified', profileName: verified.profile.name, test: verified.test };
  }

  /** The pure state machine over the stored progress; an event it refuses is a bug here, not the user's. */
  private advance(customer: Customer, record: CustomerState['record'], ...events: OnboardingEvent[]) {
    let progress = progressOf(customer, record);
    for (const event of events) {
      const next = advanceOnboarding(progress, event);
      if (!next.ok) throw new RoledeckError('INTERNAL', next.message);
      progress = next.progress;
    }
    return progress;
  }

  private failureOf(test: Extract<TestAccessResult, { ok: false }>, profile: Profile, state: CustomerState, at: number): VerifyFailure {
    // Not an answer from AWS (a cancelled prompt, a locked keychain, the allow-list): ours to fix.
    if (test.awsCode === undefined) return { at, kinds: ['our-side'], headline: 'The problem is on our side', explanation: test.explanation };
    const { customer, record } = state;
    const verifiedWith = record?.verifiedExternalId;
    return classifyVerifyFailure({
      step: test.failedStep ? accessStepOf(test.failedStep) : { profileName: test.failedAt, operation: 'AssumeRole', ...(profile.kind === 'role' ? { roleArn: profile.roleArn } : {}) },
      code: test.awsCode,
      message: test.awsMessage ?? test.explanation,
      at,
      lastVerifiedAt: customer.lastVerifiedAt,
      externalIdChangedSinceVerified: verifiedWith !== undefined && profile.kind === 'role' && profile.externalId !== verifiedWith,
      trustsUser: record?.setup.trustedPrincipal.kind === 'user',
    });
  }

  private crashed(customer: Customer, error: unknown): VerifyOutcome {
    const at = this.world.ports.clock.now();
    const explanation = error instanceof RoledeckError ? error.message : `Roledeck could not run the test: ${redactText(messageOf(error))}`;
    return { customerId: customer.id, customerName: customer.name, at, state: 'failed', failure: { at, kinds: ['unknown'], headline: `Could not test ${customer.name}`, explanation } };
  }
}
