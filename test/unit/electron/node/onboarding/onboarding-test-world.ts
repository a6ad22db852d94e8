/** A Roledeck with fake ports for onboarding tests: scripted STS and MFA, S3 and IAM in memory, a clipboard. */
import { createServices } from '../../../../../electron/node/app/services';
import type { EventName } from '../../../../../shared/contract';
import type { OnboardingDraft } from '../../../../../shared/domain/onboarding-view';
import { FakeScheduler } from '../../../../fakes/fake.scheduler';
import { MemoryClipboard } from '../../../../fakes/memory.clipboard';
import { MemoryS3Gateway } from '../../../../fakes/memory.s3-gateway';
import { FakeClock, fakePorts } from '../../../../fakes/ports';
import { ScriptedIamGateway } from '../../../../fakes/scripted.iam-gateway';
import { ScriptedMfaPrompter } from '../../../../fakes/scripted.mfa-prompter';
import { ScriptedStsGateway } from '../../../../fakes/scripted.sts-gateway';

export const OUR_ACCOUNT = '111111111111';
export const CUSTOMER_ACCOUNT = '222222222222';
export const DEVICE = `arn:aws:iam::${OUR_ACCOUNT}:mfa/consultant`;

export function onboardingWorld() {
  const clock = new FakeClock();
  const scheduler = new FakeScheduler(clock);
  const sts = new ScriptedStsGateway(clock);
  const prompter = new ScriptedMfaPrompter();
  const s3 = new MemoryS3Gateway(clock);
  const iam = new ScriptedIamGateway();
  const clipboard = new MemoryClipboard();
  const fakes = fakePorts({ clock, scheduler, sts, s3, iam, clipboard, mfaPrompter: prompter });
  const services = createServices(fakes.ports);
  const events: Array<{ event: EventName; payload: unknown }> = [];
  services.events.connect({ emit: (event, payload) => events.push({ event, payload }) });

  const addUser = (mfaSerial: string | null = null) =>
    services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', ...(mfaSerial ? { mfaSerial } : {}) });

  const draft = (overrides: Partial<OnboardingDraft> = {}): OnboardingDraft => ({
    customerName: 'Acme Ltd',
    sourceProfile: 'consultant',
    roleName: 'RoledeckAccess',
    requireMfa: false,
    principal: 'user',
    maxSessionDurationSeconds: 7200,
    permissions: { purpose: 'read-only-audit' },
    region: 'eu-west-1',
    ...overrides,
  });

  /** A customer with a prepared setup; its id. */
  const prepared = async (overrides: Partial<OnboardingDraft> = {}): Promise<string> => {
    const result = await services.onboarding.setup.prepare(draft(overrides));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.onboarding.customerId;
  };

  return {
    ...fakes,
    clock,
    sts,
    prompter,
    s3,
    iam,
    clipboard,
    services,
    onboarding: services.onboarding,
    events,
    addUser,
    draft,
    prepared,
    eventsNamed: (name: EventName) => events.filter((entry) => entry.event === name).map((entry) => entry.payload),
  };
}
