import { describe, expect, it } from 'vitest';
import { CUSTOMER_ACCOUNT, onboardingWorld, OUR_ACCOUNT } from './onboarding-test-world';

describe('OnboardingSetupService', () => {
  it('starts a new customer at "invited" with a fresh 40-character ExternalId and our IAM user as the trusted principal', async () => {
    const world = onboardingWorld();
    await world.addUser();

    const result = await world.onboarding.setup.prepare(world.draft());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.onboarding).toMatchObject({ customerName: 'Acme Ltd', status: 'invited', sourceProfileName: 'consultant' });
    expect(result.onboarding.setup?.externalId).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(result.onboarding.setup?.trustedPrincipal).toEqual({ kind: 'user', accountId: OUR_ACCOUNT, userName: 'consultant' });
    expect((await world.services.customers.list()).map((customer) => [customer.name, customer.onboarding])).toEqual([['Acme Ltd', 'invited']]);
  });

  it('hands over every artefact, each carrying the same ExternalId where it belongs', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared({ permissions: { purpose: 'cloudformation-test-deploy', stackNamePrefix: 'acme-test-' } });
    const externalId = (await world.onboarding.setup.show(customerId)).setup!.externalId;

    const { artefacts } = await world.onboarding.setup.kit(customerId);

    expect(artefacts.map((artefact) => artefact.fileName)).toEqual([
      'trust-policy.json',
      'permissions-policy.json',
      'roledeck-RoledeckAccess.yaml',
      'deploy-command.sh',
      'setup-acme-ltd.md',
      'setup-acme-ltd.html',
      'our-iam-policy.json',
    ]);
    const byId = Object.fromEntries(artefacts.map((artefact) => [artefact.id, artefact.content]));
    expect(JSON.parse(byId['trust-policy']!).Statement[0].Condition.StringEquals['sts:ExternalId']).toBe(externalId);
    expect(byId['deploy-command']).toContain(`--parameter-overrides ExternalId=${externalId}`);
    expect(byId['template']).toContain('NoEcho: true');
    expect(byId['guide-markdown']).toContain(externalId);
    expect(byId['guide-html']).toMatch(/^<!doctype html>/);
    expect(JSON.parse(byId['our-policy']!).Statement[0].Resource).toBe('arn:aws:iam::*:role/RoledeckAccess');
  });

  it('copies an artefact through the main-side clipboard, concealed from clipboard history', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();

    const copied = await world.onboarding.setup.copy(customerId, 'trust-policy');

    expect(copied).toEqual({ copied: true, fileName: 'trust-policy.json' });
    expect(JSON.parse(world.clipboard.text).Statement[0].Action).toBe('sts:AssumeRole');
    expect(world.clipboard.concealed).toBe(true);
  });

  it('refuses a second customer of the same name, whatever its case', async () => {
    const world = onboardingWorld();
    await world.addUser();
    await world.prepared();

    const again = await world.onboarding.setup.prepare(world.draft({ customerName: 'ACME ltd' }));

    expect(again).toEqual({ ok: false, issues: [{ path: 'customerName', message: expect.stringMatching(/^A customer named "Acme Ltd" already exists/) }] });
    expect(await world.services.customers.list()).toHaveLength(1);
  });

  it('refuses role names outside the allow-list and outside AWS’s rules, and creates no customer', async () => {
    const world = onboardingWorld();
    await world.addUser();
    await world.services.settings.updateSettings({ roleNameAllowList: ['Roledeck*'] });

    const notAllowed = await world.onboarding.setup.prepare(world.draft({ roleName: 'AdminAccess' }));
    const badName = await world.onboarding.setup.prepare(world.draft({ roleName: 'Roledeck Access!' }));
    const tooLong = await world.onboarding.setup.prepare(world.draft({ roleName: `Roledeck${'x'.repeat(60)}` }));

    expect(notAllowed).toEqual({ ok: false, issues: [{ path: 'roleName', message: expect.stringMatching(/The role "AdminAccess" is not allowed: this installation accepts only roles named "Roledeck\*"/) }] });
    expect(badName).toMatchObject({ ok: false, issues: [{ path: 'roleName', message: expect.stringMatching(/space/i) }] });
    expect(tooLong).toMatchObject({ ok: false, issues: [{ path: 'roleName', message: expect.stringMatching(/64/) }] });
    expect(await world.services.customers.list()).toEqual([]);
  });

  it('says how many digits a customer account ID has when it is the wrong length', async () => {
    const world = onboardingWorld();
    await world.addUser();

    const short = await world.onboarding.setup.prepare(world.draft({ customerAccountId: '22222222222' }));
    const long = await world.onboarding.setup.prepare(world.draft({ customerAccountId: '2222-2222-22222' }));

    expect(short).toMatchObject({ ok: false, issues: [{ path: 'customerAccountId', message: expect.stringMatching(/11 digits/) }] });
    expect(long).toMatchObject({ ok: false, issues: [{ path: 'customerAccountId', message: expect.stringMatching(/13 digits/) }] });
  });

  it('points at the line and column of broken custom policy JSON, and at the statement and field of a grammar error', async () => {
    const world = onboardingWorld();
    await world.addUser();

    const syntax = await world.onboarding.setup.prepare(world.draft({ permissions: { purpose: 'custom', policyJson: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}' } }));
    const grammar = await world.onboarding.setup.prepare(
      world.draft({ permissions: { purpose: 'custom', policyJson: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"},{"Effect":"Permit","Action":"s3:*","Resource":"*"}]}' } }),
    );

    expect(syntax).toMatchObject({ ok: false, issues: [{ path: 'permissions.policyJson', message: expect.stringMatching(/^The policy is not valid JSON at line 4, column \d+/) }] });
    expect(grammar).toMatchObject({ ok: false, issues: [{ path: 'permissions.policyJson', message: expect.stringMatching(/^Statement 2, Effect/) }] });
  });

  it('refuses a custom policy over IAM’s size limit and says by how much', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const actions = Array.from({ length: 700 }, (_, index) => `"s3:GetObjectVersion${index}"`).join(',');
    const policyJson = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[${actions}],"Resource":"*"}]}`;

    const result = await world.onboarding.setup.prepare(world.draft({ permissions: { purpose: 'custom', policyJson } }));

    expect(result).toMatchObject({ ok: false, issues: [{ path: 'permissions.policyJson', message: expect.stringMatching(/^The policy has [\d,]+ characters .*10,240/) }] });
  });

  it('keeps the ExternalId when the setup is edited, and starts the customer over when a new one is issued', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    const first = (await world.onboarding.setup.show(customerId)).setup!.externalId;

    const edited = await world.onboarding.setup.prepare(world.draft({ customerId, maxSessionDurationSeconds: 3600 }));
    const reissued = await world.onboarding.setup.prepare(world.draft({ customerId, newExternalId: true }));

    expect(edited).toMatchObject({ ok: true, reissued: false, onboarding: { setup: { externalId: first, maxSessionDurationSeconds: 3600 } } });
    expect(reissued).toMatchObject({ ok: true, reissued: true, onboarding: { status: 'invited' } });
    if (reissued.ok) expect(reissued.onboarding.setup?.externalId).not.toBe(first);
  });

  it('trusts the whole account when asked, and names the customer’s account in our policy when it is known up front', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared({ principal: 'account', customerAccountId: `${CUSTOMER_ACCOUNT.slice(0, 4)}-${CUSTOMER_ACCOUNT.slice(4, 8)}-${CUSTOMER_ACCOUNT.slice(8)}` });

    const { artefacts } = await world.onboarding.setup.kit(customerId);

    const trust = JSON.parse(artefacts.find((artefact) => artefact.id === 'trust-policy')!.content);
    expect(trust.Statement[0].Principal).toEqual({ AWS: `arn:aws:iam::${OUR_ACCOUNT}:root` });
    expect(JSON.parse(artefacts.find((artefact) => artefact.id === 'our-policy')!.content).Statement[0].Resource).toBe(`arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`);
  });
});
