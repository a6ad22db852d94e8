import { describe, expect, it, vi } from 'vitest';
import type { AssumeRoleInput } from '../../../../../shared/ports/sts-gateway';
import type { VerifyOutcome } from '../../../../../shared/domain/onboarding-view';
import { awsError } from '../../../../fakes/scripted.sts-gateway';
import { CUSTOMER_ACCOUNT, DEVICE, onboardingWorld } from './onboarding-test-world';

const HOUR = 3_600_000;
const denied = (roleArn: string) => awsError('AccessDenied', `User: arn:aws:iam::111111111111:user/consultant is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);

describe('OnboardingVerifyService.complete', () => {
  it('turns the pasted account ID into a role profile with the setup’s ARN, ExternalId and duration, tests it and marks the customer verified', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    const externalId = (await world.onboarding.setup.show(customerId)).setup!.externalId;

    const result = await world.onboarding.verify.complete(customerId, ` ${CUSTOMER_ACCOUNT.slice(0, 4)}-${CUSTOMER_ACCOUNT.slice(4, 8)}-${CUSTOMER_ACCOUNT.slice(8)} `);

    expect(result).toMatchObject({ profileName: 'acme-ltd', profileCreated: true, warnings: [], outcome: { state: 'verified', test: { ok: true } } });
    expect(await world.services.profiles.show('acme-ltd')).toMatchObject({
      kind: 'role',
      roleArn: `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`,
      externalId,
      durationSeconds: 7200,
      label: 'Acme Ltd',
      sourceName: 'consultant',
    });
    const assumed = world.sts.calls.find((call) => call.operation === 'AssumeRole')?.input as AssumeRoleInput;
    expect(assumed).toMatchObject({ roleArn: `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`, externalId });
    expect(result.onboarding).toMatchObject({ status: 'verified', lastVerifiedAt: world.clock.now(), roleArn: assumed.roleArn, profileName: 'acme-ltd' });
    expect((await world.services.customers.list())[0]).toMatchObject({ onboarding: 'verified', lastVerifiedAt: world.clock.now() });
  });

  it('names our user’s MFA device on the profile when the customer’s role requires MFA', async () => {
    const world = onboardingWorld();
    await world.addUser(DEVICE);
    world.prompter.codes = ['123456'];
    const customerId = await world.prepared({ requireMfa: true });

    const result = await world.onboarding.verify.complete(customerId, `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`);

    expect(result.outcome.state).toBe('verified');
    expect(await world.services.profiles.show(result.profileName)).toMatchObject({ mfaSerial: DEVICE });
  });

  it('refuses an account ID of the wrong length with the count, and creates no profile', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();

    await expect(world.onboarding.verify.complete(customerId, '22222222222')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^The account ID has 11 digits; it needs 12\. If it started with 0/) });
    expect((await world.services.profiles.list()).map((profile) => profile.name)).toEqual(['consultant']);
  });

  it('leaves the customer at "role created" with "not set up yet" when the role does not let us in the first time', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    world.sts.onAssumeRole = (input) => denied(input.roleArn);

    const result = await world.onboarding.verify.complete(customerId, CUSTOMER_ACCOUNT);

    expect(result.outcome).toMatchObject({ state: 'failed', failure: { kinds: ['not-set-up'], headline: 'RoledeckAccess does not let us in yet' } });
    expect(result.onboarding).toMatchObject({ status: 'role-created', lastFailure: { kinds: ['not-set-up'] } });
    expect(result.onboarding.lastVerifiedAt).toBeUndefined();
  });
});

describe('OnboardingVerifyService.verify', () => {
  it('after access worked, a refusal moves the customer back to "role created", keeps when it last worked and names the customer-side causes', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    await world.onboarding.verify.complete(customerId, CUSTOMER_ACCOUNT);
    const verifiedAt = world.clock.now();
    world.clock.advance(24 * HOUR);
    world.sts.onAssumeRole = (input) => denied(input.roleArn);

    const outcome = await world.onboarding.verify.verify('acme ltd');

    expect(outcome).toMatchObject({ state: 'failed', profileName: 'acme-ltd', failure: { headline: 'RoledeckAccess no longer lets us in', kinds: ['trust-changed', 'role-deleted', 'external-id-changed', 'mfa-now-required'] } });
    expect(await world.onboarding.setup.show(customerId)).toMatchObject({ status: 'role-created', lastVerifiedAt: verifiedAt });
  });

  it('blames our own ExternalId when we changed it since access last worked', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    const { profileName } = await world.onboarding.verify.complete(customerId, CUSTOMER_ACCOUNT);
    const profile = await world.services.profiles.show(profileName);
    if (profile.kind !== 'role') throw new Error('not a role');
    await world.services.profiles.updateRole({ id: profile.id, name: profile.name, source: 'consultant', roleArn: profile.roleArn, externalId: 'a-different-external-id-typed-by-hand', label: 'Acme Ltd' });
    world.sts.onAssumeRole = (input) => denied(input.roleArn);

    const outcome = await world.onboarding.verify.verify(customerId);

    expect(outcome.failure).toMatchObject({ kinds: ['external-id-changed'], headline: 'Our ExternalId for this customer changed' });
  });

  it('skips a customer whose role has not been reported yet, and says so', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();

    expect(await world.onboarding.verify.verify(customerId)).toMatchObject({ state: 'skipped', reason: expect.stringMatching(/has not sent back their role yet/) });
  });
});

describe('OnboardingVerifyService.verifyAll', () => {
  async function fiveCustomers() {
    const world = onboardingWorld();
    await world.addUser(DEVICE);
    world.prompter.codes = ['111111'];
    const accounts = ['222222222222', '333333333333', '444444444444', '555555555555', '666666666666'];
    for (const [index, account] of accounts.entries()) {
      const customerId = await world.prepared({ customerName: `Customer ${index + 1}` });
      await world.onboarding.verify.complete(customerId, account);
    }
    expect(world.prompter.shown).toHaveLength(1);
    return world;
  }

  it('tests every customer at most three at a time, behind one MFA prompt for the shared device, and says which role broke and why', async () => {
    const world = await fiveCustomers();
    await world.prepared({ customerName: 'Not yet' });
    // The MFA session has ended: every test needs a new one, and they all wait on one prompt.
    world.clock.advance(13 * HOUR);
    world.sts.latencyMs = 5;
    world.sts.onAssumeRole = (input) => (input.roleArn.includes('444444444444') ? denied(input.roleArn) : undefined);
    let inFlight = 0;
    let most = 0;
    const assumeRole = world.sts.assumeRole.bind(world.sts);
    world.sts.assumeRole = async (...args) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await assumeRole(...args);
      } finally {
        inFlight -= 1;
      }
    };

    const running = world.onboarding.verify.verifyAll();
    await vi.waitFor(() => expect(world.prompter.current()).toBeDefined());
    await vi.waitFor(() => expect(world.prompter.current()?.waiting).toBe(3));
    world.prompter.answer('222222');
    const { outcomes } = await running;

    expect(world.prompter.shown).toHaveLength(2);
    expect(most).toBeLessThanOrEqual(3);
    expect(outcomes.map((outcome) => [outcome.customerName, outcome.state])).toEqual([
      ['Customer 1', 'verified'],
      ['Customer 2', 'verified'],
      ['Customer 3', 'failed'],
      ['Customer 4', 'verified'],
      ['Customer 5', 'verified'],
      ['Not yet', 'skipped'],
    ]);
    expect(outcomes[2]?.failure?.headline).toBe('RoledeckAccess no longer lets us in');
    const progress = world.eventsNamed('onboarding.verifyProgress') as Array<{ done: number; total: number; outcome: VerifyOutcome }>;
    expect(progress.map((event) => event.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.every((event) => event.total === 6)).toBe(true);
  });

  it('tests only the customers named, and refuses a name it does not know', async () => {
    const world = await fiveCustomers();

    const { outcomes } = await world.onboarding.verify.verifyAll(['customer 2', 'Customer 5']);

    expect(outcomes.map((outcome) => outcome.customerName)).toEqual(['Customer 2', 'Customer 5']);
    await expect(world.onboarding.verify.verifyAll(['Globex'])).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^There is no customer named "Globex"\. Customers: Customer 1/) });
  });
});
