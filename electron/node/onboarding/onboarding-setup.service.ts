import { RoledeckError } from '../../../shared/contract/errors';
import { CustomerNameSchema, type Customer } from '../../../shared/domain/customer';
import type { OnboardingSetupInput, SetupIssue } from '../../../shared/domain/onboarding';
import type { OnboardingRecord } from '../../../shared/domain/onboarding-record';
import type { ArtefactId, IdentityView, OnboardingDraft, OnboardingKitView, OnboardingView, PrepareResult } from '../../../shared/domain/onboarding-view';
import { customerKey } from '../../../shared/logic/customer-key';
import { onboardingView } from '../../../shared/logic/onboarding/customer-onboarding';
import { generateExternalId } from '../../../shared/logic/onboarding/external-id';
import { findArtefact, kitArtefacts } from '../../../shared/logic/onboarding/kit-artefacts';
import { checkOnboardingSetup } from '../../../shared/logic/onboarding/onboarding-kit';
import { draftIssue, setupFromDraft } from '../../../shared/logic/onboarding/setup-draft';
import type { RandomBytes } from '../../../shared/ports/random-bytes';
import type { ClipboardService } from '../clipboard/clipboard.service';
import type { OnboardingWorld } from './onboarding-world';

/** A change to any of these means the customer's trust policy changes: their role must be set up again. */
function trustChanged(before: OnboardingSetupInput, after: OnboardingSetupInput): boolean {
  return (
    before.externalId !== after.externalId ||
    before.roleName !== after.roleName ||
    before.requireMfa !== after.requireMfa ||
    before.partition !== after.partition ||
    JSON.stringify(before.trustedPrincipal) !== JSON.stringify(after.trustedPrincipal)
  );
}

/**
 * A customer's setup: who they are, which role they create for us and under which conditions,
 * and everything they get for it. Preparing a setup generates the ExternalId (kept across edits
 * unless a new one is asked for), checks the setup against AWS's rules and this installation's
 * role allow-list, and starts the customer at "invited".
 */
export class OnboardingSetupService {
  constructor(
    private readonly world: OnboardingWorld,
    private readonly randomBytes: RandomBytes,
    private readonly clipboard: ClipboardService | undefined,
  ) {}

  async list(): Promise<OnboardingView[]> {
    const { customers, store, clock } = this.world.ports;
    const [all, doc] = await Promise.all([customers.list(), store.read()]);
    const now = clock.now();
    return all.map((customer) => onboardingView(customer, doc.onboarding.find((record) => record.customerId === customer.id), doc.profiles, now));
  }

  async show(customerRef: string): Promise<OnboardingView> {
    const { customer, record, snapshot } = await this.world.customer(customerRef);
    return onboardingView(customer, record, snapshot.profiles, this.world.ports.clock.now());
  }

  /** Who one of our profiles is (GetCallerIdentity), to name in the customer's trust policy. */
  async identity(profileRef: string): Promise<IdentityView> {
    return (await this.world.identity(profileRef)).identity;
  }

  async prepare(draft: OnboardingDraft): Promise<PrepareResult> {
    const { customers, store, clock } = this.world.ports;
    const [all, doc] = await Promise.all([customers.list(), store.read()]);
    const found = this.customerFor(draft, all);
    if ('issues' in found) return { ok: false, issues: found.issues };
    const existing = found.customer ? doc.onboarding.find((record) => record.customerId === found.customer?.id) : undefined;

    const { identity, profile } = await this.world.identity(draft.sourceProfile, doc);
    const externalId = existing && !draft.newExternalId ? existing.setup.externalId : generateExternalId(this.randomBytes);
    const drafted = setupFromDraft({ ...draft, customerName: found.name }, { externalId, identity });
    if (!drafted.ok) return drafted;
    const checked = checkOnboardingSetup(drafted.setup, doc.settings.roleNameAllowList);
    if (!checked.ok) return { ok: false, issues: checked.issues.map(draftIssue) };
    const setup = checked.setup;

    const reissued = existing !== undefined && trustChanged(existing.setup, setup);
    let customer: Customer = found.customer ?? (await customers.save({ name: found.name, production: false, onboarding: 'invited' }));
    if (reissued) customer = await this.world.saveStatus(customer, 'invited');
    const now = clock.now();
    const record = await this.world.saveRecord(customer.id, (current): OnboardingRecord => {
      const keep = current && !reissued ? current : undefined;
      return {
        customerId: customer.id,
        setup,
        sourceProfileId: profile.id,
        // A new trust policy starts over: the role must be set up again and reported again.
        ...(keep?.roleArn ? { roleArn: keep.roleArn } : {}),
        ...(current?.profileId ? { profileId: current.profileId } : {}),
        ...(keep?.lastFailure ? { lastFailure: keep.lastFailure } : {}),
        // Kept across a new ExternalId: a failure then says the change was ours.
        ...(current?.verifiedExternalId ? { verifiedExternalId: current.verifiedExternalId } : {}),
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
    });
    const profiles = (await this.world.ports.profiles.read()).profiles;
    return { ok: true, reissued, onboarding: onboardingView(customer, record, profiles, now) };
  }

  /** Every artefact for the customer, as the window previews them and the CLI writes them. */
  async kit(customerRef: string): Promise<OnboardingKitView> {
    const state = await this.world.withSetup(customerRef);
    const kit = this.world.kit(state);
    const now = this.world.ports.clock.now();
    const quickCreate = state.record.quickCreate && state.record.quickCreate.validUntil > now ? state.record.quickCreate : undefined;
    return {
      customerId: state.customer.id,
      artefacts: kitArtefacts(kit, { quickCreate, roleArn: state.record.roleArn }),
      notes: kit.permissions.notes,
    };
  }

  /**
   * Copies one artefact from the main side, like exports: concealed from clipboard history (the
   * ExternalId is in most of them) but not cleared later — the person is about to paste it into
   * an email or the customer's console.
   */
  async copy(customerRef: string, artefactId: ArtefactId): Promise<{ copied: true; fileName: string }> {
    if (!this.clipboard) throw new RoledeckError('INTERNAL', 'This host has no clipboard. Write the files with `roledeck onboard … --out <dir>` instead.');
    const { artefacts } = await this.kit(customerRef);
    const artefact = findArtefact(artefacts, artefactId);
    if (!artefact) throw new RoledeckError('NOT_FOUND', 'This setup has no such file (a quick-create link appears once one was created).');
    await this.clipboard.copyText(artefact.content);
    return { copied: true, fileName: artefact.fileName };
  }

  private customerFor(draft: OnboardingDraft, all: readonly Customer[]): { customer: Customer | undefined; name: string } | { issues: SetupIssue[] } {
    if (draft.customerId) {
      const customer = all.find((candidate) => candidate.id === draft.customerId);
      if (!customer) return { issues: [{ path: 'customerName', message: 'That customer is no longer in Roledeck (it may have been removed elsewhere). Reload the list.' }] };
      return { customer, name: customer.name };
    }
    const name = CustomerNameSchema.safeParse(draft.customerName);
    if (!name.success) return { issues: [{ path: 'customerName', message: name.error.issues[0]?.message ?? 'Name the customer' }] };
    const clash = all.find((candidate) => customerKey(candidate.name) === customerKey(name.data));
    if (clash) {
      return { issues: [{ path: 'customerName', message: `A customer named "${clash.name}" already exists. Choose it in the list to change its setup, or pick another name.` }] };
    }
    return { customer: undefined, name: name.data };
  }
}
