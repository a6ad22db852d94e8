import { describe, expect, it } from 'vitest';
import { awsError } from '../../../../fakes/scripted.sts-gateway';
import { AwsCallError } from '../../../../../shared/domain/aws-call-error';
import { CUSTOMER_ACCOUNT, DEVICE, onboardingWorld, OUR_ACCOUNT } from './onboarding-test-world';

const DAY = 86_400_000;

describe('QuickCreateService', () => {
  it('uploads the quick-create template (ExternalId visible) to our bucket in the stack’s region and links the console to it for 7 days', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    const externalId = (await world.onboarding.setup.show(customerId)).setup!.externalId;

    const link = await world.onboarding.quickCreate.create(customerId, { bucket: 'our-onboarding' });

    expect(world.s3.buckets.get('our-onboarding')).toBe('eu-west-1');
    expect([...world.s3.objects.keys()]).toEqual([`our-onboarding/${link.key}`]);
    const object = world.s3.objects.get(`our-onboarding/${link.key}`);
    expect(object?.body).toContain('ExternalId');
    expect(object?.body).not.toContain('NoEcho');
    const console = new URL(link.url);
    expect(console.origin).toBe('https://eu-west-1.console.aws.amazon.com');
    const query = new URLSearchParams(console.hash.slice(console.hash.indexOf('?') + 1));
    expect(query.get('stackName')).toBe('roledeck-RoledeckAccess');
    expect(query.get('param_ExternalId')).toBe(externalId);
    expect(new URL(query.get('templateURL')!).hostname).toBe('our-onboarding.s3.eu-west-1.amazonaws.com');
    // Presigned with the IAM user's own keys: no session token, so it can last SigV4's 7 days.
    expect(world.s3.signedWith).toEqual(['AKIAIOSFODNN7EXAMPLE']);
    expect(link.validUntil).toBe(world.clock.now() + 7 * DAY);
    expect(link).toMatchObject({ limitedBy: 'requested', validity: expect.stringMatching(/^The link works until \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/) });
    expect(link.warning).toBeUndefined();
  });

  it('puts the link into the artefacts and the instructions once it exists', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    const link = await world.onboarding.quickCreate.create(customerId, { bucket: 'our-onboarding', expiresInSeconds: 3600 });

    const { artefacts } = await world.onboarding.setup.kit(customerId);

    expect(artefacts.find((artefact) => artefact.id === 'quick-create-link')?.content).toContain(link.url);
    expect(artefacts.find((artefact) => artefact.id === 'guide-markdown')?.content).toContain('Option A: one click in the CloudFormation console');
    world.clock.advance(2 * 3_600_000);
    expect((await world.onboarding.setup.kit(customerId)).artefacts.map((artefact) => artefact.id)).not.toContain('quick-create-link');
  });

  it('builds the link against a custom S3 endpoint but warns that the AWS console cannot read it', async () => {
    const world = onboardingWorld();
    await world.addUser();
    world.s3.endpoint = 'http://127.0.0.1:4566';
    const customerId = await world.prepared();

    const link = await world.onboarding.quickCreate.create(customerId, { bucket: 'our-onboarding' });

    expect(link.warning).toMatch(/127\.0\.0\.1:4566.*AWS_ENDPOINT_URL.*cannot read it/);
  });

  it('refuses a bucket name S3 would refuse, before uploading anything', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();

    await expect(world.onboarding.quickCreate.create(customerId, { bucket: 'Our_Bucket' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^A bucket name is 3–63 lowercase/) });
    expect(world.s3.objects.size).toBe(0);
  });
});

describe('OurSideService', () => {
  it('gives the policy our user needs and asks IAM’s simulator whether our side allows it, with MFA context when the role requires MFA', async () => {
    const world = onboardingWorld();
    await world.addUser(DEVICE);
    world.prompter.codes = ['123456'];
    const customerId = await world.prepared({ requireMfa: true });

    const view = await world.onboarding.ourSide.check(customerId);

    expect(JSON.parse(view.policyJson).Statement[0]).toMatchObject({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/RoledeckAccess' });
    expect(view.narrowed).toBe(false);
    expect(view.check).toMatchObject({ state: 'allowed', principalArn: `arn:aws:iam::${OUR_ACCOUNT}:user/consultant`, resource: 'arn:aws:iam::*:role/RoledeckAccess' });
    expect(world.iam.simulations[0]).toMatchObject({ actionNames: ['sts:AssumeRole'], contextEntries: [{ key: 'aws:MultiFactorAuthPresent', values: ['true'] }] });
  });

  it('says what stops it when the simulator denies', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    world.iam.onSimulate = () => [{ action: 'sts:AssumeRole', resource: '*', decision: 'implicitDeny', matchedPolicies: [], missingContextKeys: [] }];

    const { check } = await world.onboarding.ourSide.check(customerId);

    expect(check).toMatchObject({ state: 'denied', explanation: expect.stringMatching(/^No policy of arn:aws:iam::111111111111:user\/consultant allows sts:AssumeRole .*Attach the policy above/) });
  });

  it('explains why it could not check: no permission to simulate, or an endpoint without the simulator (moto)', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();

    world.iam.onSimulate = () => awsError('AccessDenied', 'User: arn:aws:iam::111111111111:user/consultant is not authorized to perform: iam:SimulatePrincipalPolicy');
    const denied = await world.onboarding.ourSide.check(customerId);
    world.iam.onSimulate = () => new AwsCallError('Error', 'SimulatePrincipalPolicy failed: Error: XML parse error', { httpStatus: 500 });
    const missing = await world.onboarding.ourSide.check(customerId);

    expect(denied.check).toMatchObject({ state: 'unchecked', headline: 'Not checked: we may not run IAM’s policy simulator' });
    expect(missing.check).toMatchObject({ state: 'unchecked', explanation: expect.stringMatching(/moto/) });
  });

  it('narrows our policy to the customer’s account once their role is known', async () => {
    const world = onboardingWorld();
    await world.addUser();
    const customerId = await world.prepared();
    await world.onboarding.verify.complete(customerId, CUSTOMER_ACCOUNT);

    const view = await world.onboarding.ourSide.check(customerId);

    expect(view.narrowed).toBe(true);
    expect(JSON.parse(view.policyJson).Statement[0].Resource).toBe(`arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`);
    expect(world.iam.simulations.at(-1)?.resourceArns).toEqual([`arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`]);
  });
});
