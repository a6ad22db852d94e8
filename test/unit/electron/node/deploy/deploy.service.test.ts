import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../../shared/contract/errors';
import type { ChangeSetReady } from '../../../../../shared/domain/deploy-flow';
import { deployWorld, QUEUE_TEMPLATE } from './deploy-world';

async function ready(world: ReturnType<typeof deployWorld>, profileId: string, overrides = {}): Promise<ChangeSetReady> {
  const prepared = await world.deploy.prepare(world.request(profileId, overrides));
  if (prepared.kind !== 'review') throw new Error(`expected a change set, got ${prepared.kind}`);
  return prepared;
}

describe('DeployService: change set first, then the run', () => {
  it('creates a new stack: the target first, a CREATE change set to review, then events in order, outputs and a history entry', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.nextOutputs = [{ key: 'QueueUrl', value: 'https://sqs.eu-west-1.amazonaws.com/222222222222/q' }];
    const targets: string[] = [];

    const prepared = await world.deploy.prepare(world.request(role.id), { onTarget: (target) => targets.push(`${target.accountId} ${target.region} ${target.identityArn}`) });

    expect(targets).toEqual(['222222222222 eu-west-1 arn:aws:sts::222222222222:assumed-role/Deployer/roledeck-consultant']);
    expect(prepared).toMatchObject({ kind: 'review', operation: 'create', stackName: 'acme-queue', target: { accountId: '222222222222', customer: 'Acme', production: false } });
    expect(world.cloudformation.calls).toContain('CreateChangeSet CREATE acme-queue');
    if (prepared.kind !== 'review') return;
    expect(prepared.review.rows).toEqual([{ action: 'Add', logicalId: 'Queue', resourceType: 'AWS::SQS::Queue', scope: [], stateful: false }]);
    expect(prepared.review.summary.headline).toBe('1 to add');

    const updates: string[] = [];
    const outcome = await world.deploy.execute(prepared.runId, { onUpdate: ({ events }) => updates.push(...events.map((event) => `${event.logicalId} ${event.status}`)) });

    expect(updates).toEqual(['acme-queue CREATE_IN_PROGRESS', 'Queue CREATE_IN_PROGRESS', 'Queue CREATE_COMPLETE', 'acme-queue CREATE_COMPLETE']);
    expect(outcome).toMatchObject({ status: 'succeeded', finalStatus: 'CREATE_COMPLETE', operation: 'create', changeCount: 1, outputs: [{ key: 'QueueUrl', value: 'https://sqs.eu-west-1.amazonaws.com/222222222222/q' }] });
    const streamed = world.eventsNamed('deploy.event').flatMap((payload) => payload.events.map((event) => event.eventId));
    expect(new Set(streamed).size).toBe(streamed.length);
    expect(streamed).toHaveLength(4);
    const last = world.eventsNamed('deploy.progress').at(-1);
    expect(last?.outcome?.status).toBe('succeeded');
    expect(last?.progress).toMatchObject({ phase: 'succeeded', completed: 1, total: 1, fraction: 1 });
    expect(world.deploy.current()).toMatchObject({ runId: prepared.runId, events: expect.any(Array), outcome: { status: 'succeeded' } });

    const [run] = await world.deploy.history(role.id);
    expect(run).toMatchObject({ operation: 'create', status: 'succeeded', stackName: 'acme-queue', accountId: '222222222222', region: 'eu-west-1', changeCount: 1, finalStatus: 'CREATE_COMPLETE', identityArn: 'arn:aws:sts::222222222222:assumed-role/Deployer/roledeck-consultant' });
    expect(run?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('hands over the outcome as soon as the stack settled, and writes the history after', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const prepared = await ready(world, role.id);
    const seen: string[] = [];
    await world.deploy.execute(prepared.runId, {
      onOutcome: (outcome) => {
        seen.push(`${outcome.status} ${world.store.document.history.filter((entry) => entry.action === 'deploy-create').length}`);
      },
    });
    expect(seen).toEqual(['succeeded 0']);
    expect(await world.deploy.history(role.id)).toHaveLength(1);
  });

  it('polls at once after executing, then after 250 ms easing towards 2 s', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const prepared = await ready(world, role.id);
    await world.deploy.execute(prepared.runId);
    // Four batches of events: the last one arrives on the fourth poll after the one before executing.
    expect(world.pauses).toEqual([250, 375, 563]);
  });

  it('updates an existing stack with an UPDATE change set; a NoEcho parameter not given keeps its value', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.seedStack('acme-queue', 'CREATE_COMPLETE', { parameters: ['Env', 'Password'] });
    world.cloudformation.nextChangeSet = { kind: 'changes', changes: [{ action: 'Modify', logicalId: 'Queue', physicalId: 'q-url', resourceType: 'AWS::SQS::Queue', replacement: 'False', scope: ['Properties'] }] };

    const prepared = await ready(world, role.id, { parameters: [{ key: 'Env', value: 'prod' }] });

    expect(prepared.operation).toBe('update');
    const sent = [...world.cloudformation.changeSets.values()][0]?.input;
    expect(sent?.changeSetType).toBe('UPDATE');
    expect(sent?.parameters).toEqual([{ key: 'Env', value: 'prod' }, { key: 'Password', usePreviousValue: true }]);
    const outcome = await world.deploy.execute(prepared.runId);
    expect(outcome).toMatchObject({ status: 'succeeded', finalStatus: 'UPDATE_COMPLETE', operation: 'update' });
  });

  it.each([
    ['a FAILED change set that "didn\'t contain changes"', 'failed-empty' as const, /didn't contain changes/],
    ['ValidationError "No updates are to be performed."', 'no-updates-error' as const, /No updates are to be performed/],
  ])('reports "up to date" when CloudFormation answers %s, and executes nothing', async (_form, kind, message) => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.seedStack('acme-queue', 'UPDATE_COMPLETE', { parameters: ['Env', 'Password'] });
    world.cloudformation.nextChangeSet = { kind };

    const prepared = await world.deploy.prepare(world.request(role.id));

    expect(prepared).toMatchObject({ kind: 'no-changes', stackName: 'acme-queue', message: expect.stringMatching(message) });
    expect(world.cloudformation.calls.some((call) => call.startsWith('ExecuteChangeSet'))).toBe(false);
    expect((await world.deploy.history(role.id))[0]).toMatchObject({ status: 'no-changes', changeCount: 0 });
  });

  it('cleans up a stack an abandoned first change set left in REVIEW_IN_PROGRESS, then creates it afresh', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const abandoned = world.cloudformation.seedStack('acme-queue', 'REVIEW_IN_PROGRESS');

    const prepared = await ready(world, role.id);
    const outcome = await world.deploy.execute(prepared.runId);

    const calls = world.cloudformation.calls;
    expect(calls.indexOf(`DeleteStack ${abandoned.stackId}`)).toBeGreaterThan(-1);
    expect(calls.indexOf(`DeleteStack ${abandoned.stackId}`)).toBeLessThan(calls.indexOf('CreateChangeSet CREATE acme-queue'));
    expect(prepared.operation).toBe('create');
    expect(outcome.finalStatus).toBe('CREATE_COMPLETE');
  });

  it('refuses to update a stack whose first create rolled back, saying to delete it first', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.seedStack('acme-queue', 'ROLLBACK_COMPLETE');

    await expect(world.deploy.prepare(world.request(role.id))).rejects.toThrow(/ROLLBACK_COMPLETE.*Delete it/);
    expect(world.cloudformation.calls.some((call) => call.startsWith('CreateChangeSet'))).toBe(false);
  });

  it('a resource that fails rolls the stack back: the first real failure with its reason, not the cancelled ones', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.nextResources = [
      { logicalId: 'Queue', type: 'AWS::SQS::Queue' },
      { logicalId: 'Topic', type: 'AWS::SNS::Topic', fails: 'Topic name already exists (Service: Sns, Status Code: 400)' },
    ];
    const prepared = await ready(world, role.id);

    const outcome = await world.deploy.execute(prepared.runId);

    expect(outcome).toMatchObject({
      status: 'failed',
      finalStatus: 'ROLLBACK_COMPLETE',
      rollback: 'complete',
      failure: { path: ['Topic'], resourceType: 'AWS::SNS::Topic', status: 'CREATE_FAILED', reason: 'Topic name already exists (Service: Sns, Status Code: 400)' },
    });
    expect(outcome.failureText).toBe('Topic (AWS::SNS::Topic) CREATE_FAILED: Topic name already exists (Service: Sns, Status Code: 400)');
    expect(outcome.outputs).toEqual([]);
    expect((await world.deploy.history(role.id))[0]).toMatchObject({ status: 'failed', finalStatus: 'ROLLBACK_COMPLETE', failure: outcome.failureText });
  });

  it("a failure inside a nested stack names the nested resource and its reason, from the nested stack's own events", async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.nextResources = [
      { logicalId: 'Network', type: 'AWS::CloudFormation::Stack', nested: { stackName: 'acme-queue-Network-1', failing: { logicalId: 'PrivateSubnet', type: 'AWS::EC2::Subnet', reason: 'The CIDR 10.0.9.0/24 conflicts with another subnet' } } },
    ];
    const prepared = await ready(world, role.id);

    const outcome = await world.deploy.execute(prepared.runId);

    expect(outcome.failure).toMatchObject({ path: ['Network', 'PrivateSubnet'], resourceType: 'AWS::EC2::Subnet', reason: 'The CIDR 10.0.9.0/24 conflicts with another subnet' });
    expect(outcome.failureText).toMatch(/^Network › PrivateSubnet \(AWS::EC2::Subnet\) CREATE_FAILED: The CIDR/);
  });

  it('backs off while DescribeStackEvents is throttled (2 s and more, with jitter), then streams every event once', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const prepared = await ready(world, role.id);
    // The events before the run were read with the change set; the first two polls after executing are throttled.
    world.cloudformation.throttlePolls = 2;

    const outcome = await world.deploy.execute(prepared.runId);

    expect(outcome.status).toBe('succeeded');
    expect(world.pauses[0]).toBeGreaterThanOrEqual(2000);
    expect(world.pauses[1]).toBeGreaterThanOrEqual(world.pauses[0]!);
    expect(world.pauses[1]).toBeLessThanOrEqual(8000);
    const streamed = world.eventsNamed('deploy.event').flatMap((payload) => payload.events.map((event) => `${event.logicalId} ${event.status}`));
    expect(streamed).toEqual(['acme-queue CREATE_IN_PROGRESS', 'Queue CREATE_IN_PROGRESS', 'Queue CREATE_COMPLETE', 'acme-queue CREATE_COMPLETE']);
  });

  it('keeps watching through 500s on DescribeStackEvents (backing off), then streams every event once', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const prepared = await ready(world, role.id);
    world.cloudformation.failPolls = 3;

    const outcome = await world.deploy.execute(prepared.runId);

    expect(outcome.status).toBe('succeeded');
    expect(world.pauses.slice(0, 3).every((pause) => pause >= 2000)).toBe(true);
    const streamed = world.eventsNamed('deploy.event').flatMap((payload) => payload.events.map((event) => `${event.logicalId} ${event.status}`));
    expect(streamed).toEqual(['acme-queue CREATE_IN_PROGRESS', 'Queue CREATE_IN_PROGRESS', 'Queue CREATE_COMPLETE', 'acme-queue CREATE_COMPLETE']);
  });

  it('gives up with AWS’s words when DescribeStackEvents keeps failing with 500 (an outage, not a slow stack)', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const prepared = await ready(world, role.id);
    world.cloudformation.failPolls = 100;

    const outcome = await world.deploy.execute(prepared.runId).then(
      (value) => value,
      (error: unknown) => error,
    );

    expect(JSON.stringify(outcome, Object.getOwnPropertyNames(outcome as object))).toMatch(/InternalFailure/);
    expect(world.cloudformation.failPolls).toBe(100 - 9);
  });

  it('shows replacement flags, and warns before a stateful resource is replaced or deleted', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.seedStack('acme-queue', 'CREATE_COMPLETE', { parameters: ['Env', 'Password'] });
    world.cloudformation.nextChangeSet = {
      kind: 'changes',
      changes: [
        { action: 'Modify', logicalId: 'Database', physicalId: 'acme-db', resourceType: 'AWS::RDS::DBInstance', replacement: 'True', scope: ['Properties'] },
        { action: 'Modify', logicalId: 'Table', physicalId: 'acme-table', resourceType: 'AWS::DynamoDB::Table', replacement: 'Conditional', scope: ['Properties'] },
        { action: 'Remove', logicalId: 'Bucket', physicalId: 'acme-bucket', resourceType: 'AWS::S3::Bucket', scope: [], policyAction: 'Retain' },
        { action: 'Modify', logicalId: 'Queue', physicalId: 'q', resourceType: 'AWS::SQS::Queue', replacement: 'False', scope: ['Tags'] },
      ],
    };

    const prepared = await ready(world, role.id);

    expect(prepared.review.rows.map((row) => [row.logicalId, row.action, row.replacement ?? '-'])).toEqual([
      ['Database', 'Modify', 'True'],
      ['Table', 'Modify', 'Conditional'],
      ['Bucket', 'Remove', '-'],
      ['Queue', 'Modify', 'False'],
    ]);
    expect(prepared.review.summary.headline).toBe('3 to change (1 replaced, 1 may be replaced), 1 to remove');
    expect(prepared.review.warnings.map((warning) => warning.kind)).toEqual(['replace', 'may-replace']);
    expect(prepared.review.warnings[0]?.message).toMatch(/Database \(acme-db, AWS::RDS::DBInstance\) will be replaced/);
  });

  it('uploads a template over 51,200 bytes to the named bucket and passes its URL', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const padding = `# ${'x'.repeat(100)}\n`.repeat(600);
    const prepared = await ready(world, role.id, { template: { text: `${world.request(role.id).template.text}${padding}`, source: 'big.yaml' }, s3Bucket: 'acme-templates' });

    expect(prepared.templateUrl).toMatch(/^https:\/\/acme-templates\.s3\.eu-west-1\.amazonaws\.com\/roledeck\/acme-queue\/\d+\.template$/);
    expect(world.s3.buckets.has('acme-templates')).toBe(true);
    expect([...world.cloudformation.changeSets.values()][0]?.input.template).toEqual({ url: prepared.templateUrl });
  });
});

describe('DeployService: bad input is refused before any AWS call', () => {
  async function refusal(world: ReturnType<typeof deployWorld>, promise: Promise<unknown>): Promise<RoledeckError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RoledeckError);
    return error as RoledeckError;
  }

  it.each([
    ['unparseable YAML, with line and column', { template: { text: 'Resources:\n  Queue:\n    Type: [unclosed\n', source: 't.yaml' } }, /\(line \d+, column \d+\)/],
    ['an unknown short-form tag', { template: { text: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sup name\n', source: 't.yaml' } }, /!Sup/],
    ['a stack name that breaks the rules', { stackName: '1-queue' }, /"1-queue" cannot be a stack name/],
    ['a template over 51,200 bytes without a bucket', { template: { text: `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n${'# filler\n'.repeat(6000)}`, source: 't.yaml' }, parameters: [] }, /over the 51,200 bytes.*Name an S3 bucket/],
    ['a template over 1 MB', { template: { text: `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n${'#'.repeat(1_048_600)}`, source: 't.yaml' } }, /at most 1 MB/],
    ['capabilities not acknowledged', { template: { text: 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: deployer\n', source: 't.yaml' }, parameters: [] }, /CAPABILITY_NAMED_IAM: it creates IAM resources with names you chose: Role/],
  ])('refuses %s', async (_case, overrides, message) => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const error = await refusal(world, world.deploy.prepare(world.request(role.id, overrides)));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(message);
    expect(world.cloudformation.calls).toEqual([]);
    expect(world.sts.calls).toEqual([]);
  });

  it.each([
    ['a missing required parameter, named', [], /Env needs a value: the template gives it no default\. Allowed: dev, prod\./],
    ['a value outside AllowedValues', [{ key: 'Env', value: 'staging' }], /Env "staging" is not allowed: use one of dev, prod/],
    ['a parameter the template does not have', [{ key: 'Env', value: 'dev' }, { key: 'env', value: 'x' }], /no parameter env\. Did you mean Env\?/],
    ['a NoEcho value outside the template’s rules, without repeating it', [{ key: 'Env', value: 'dev' }, { key: 'Password', value: 'pass word' }], /^Password does not match the pattern \[\^ \]\+ \(no spaces\)\.$/],
  ])('refuses %s, before creating a change set', async (_case, parameters, message) => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const template = { text: QUEUE_TEMPLATE.replace('    NoEcho: true\n', "    NoEcho: true\n    AllowedPattern: '[^ ]+'\n    ConstraintDescription: no spaces\n"), source: 'queue.yaml' };
    const error = await refusal(world, world.deploy.prepare(world.request(role.id, { parameters, template })));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('pass word');
    expect(world.cloudformation.calls.some((call) => call.startsWith('CreateChangeSet'))).toBe(false);
  });

  it('a production profile deploys only with its account ID typed: none or a wrong one changes nothing', async () => {
    const world = deployWorld();
    const role = await world.addProfiles({ production: true });

    const none = await refusal(world, world.deploy.prepare(world.request(role.id)));
    expect(none.message).toMatch(/acme-test is a production profile: deploying acme-queue in account 222222222222 \(eu-west-1\) needs that account ID typed/);
    const wrong = await refusal(world, world.deploy.prepare(world.request(role.id, { confirmAccount: '111111111111' })));
    expect(wrong.message).toMatch(/not the account this deploy targets/);
    expect(world.cloudformation.calls).toEqual([]);

    const typed = await world.deploy.prepare(world.request(role.id, { confirmAccount: '2222-2222-2222' }));
    expect(typed).toMatchObject({ kind: 'review', target: { production: true } });
  });

  it('a profile whose customer is marked production needs the typed account ID too', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    await world.services.customers.save({ name: 'acme', production: true, onboarding: 'verified' });

    const error = await refusal(world, world.deploy.prepare(world.request(role.id)));
    expect(error.message).toMatch(/production profile/);
    expect(await world.deploy.target(role.id)).toMatchObject({ production: true, customer: 'Acme' });
  });
});

describe('DeployService: keep, discard, delete, deploy again', () => {
  it('discarding a first change set deletes the stack that only existed for it; keeping it leaves it and says so in the history', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const first = await ready(world, role.id);
    expect(await world.deploy.discard(first.runId, { keep: false })).toEqual({ status: 'cancelled' });
    expect(world.cloudformation.calls.at(-1)).toMatch(/^DeleteStack arn:aws:cloudformation/);

    const second = await ready(world, role.id);
    expect(await world.deploy.discard(second.runId, { keep: true })).toEqual({ status: 'kept' });
    expect(world.cloudformation.changeSets.size).toBe(1);
    expect((await world.deploy.history(role.id)).map((run) => run.status)).toEqual(['kept', 'cancelled']);
    await expect(world.deploy.execute(second.runId)).rejects.toThrow(/no longer waiting/);
  });

  it('deletes a stack and follows the delete to DELETE_COMPLETE, with its events', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    world.cloudformation.seedStack('acme-queue', 'CREATE_COMPLETE', { resources: ['Queue', 'Topic'] });

    const outcome = await world.deploy.deleteStack({ profileId: role.id, stackName: 'acme-queue' });

    expect(outcome).toMatchObject({ operation: 'delete', status: 'succeeded', finalStatus: 'DELETE_COMPLETE', changeCount: 2 });
    const streamed = world.eventsNamed('deploy.event').flatMap((payload) => payload.events.map((event) => `${event.logicalId} ${event.status}`));
    expect(streamed).toEqual(['acme-queue DELETE_IN_PROGRESS', 'Queue DELETE_IN_PROGRESS', 'Topic DELETE_IN_PROGRESS', 'Queue DELETE_COMPLETE', 'Topic DELETE_COMPLETE', 'acme-queue DELETE_COMPLETE']);
    expect(world.eventsNamed('deploy.started')[0]).toMatchObject({ operation: 'delete', stackName: 'acme-queue', target: { accountId: '222222222222', region: 'eu-west-1' } });
    expect((await world.deploy.history(role.id))[0]).toMatchObject({ operation: 'delete', status: 'succeeded' });
  });

  it('deleting a stack that is not there says so, and a production delete needs the typed account ID', async () => {
    const world = deployWorld();
    const role = await world.addProfiles({ production: true });
    await expect(world.deploy.deleteStack({ profileId: role.id, stackName: 'acme-queue', confirmAccount: '222222222222' })).rejects.toThrow(
      /There is no stack named acme-queue in account 222222222222 \(eu-west-1\)/,
    );
    world.cloudformation.seedStack('acme-queue', 'CREATE_COMPLETE');
    await expect(world.deploy.deleteStack({ profileId: role.id, stackName: 'acme-queue' })).rejects.toThrow(/production profile: deleting acme-queue/);
    expect(world.cloudformation.calls.some((call) => call.startsWith('DeleteStack'))).toBe(false);
  });

  it('remembers the last deploy without NoEcho values, and "Deploy again" re-runs it into the session', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    const first = await ready(world, role.id, { parameters: [{ key: 'Env', value: 'dev' }, { key: 'Password', value: 's3cret-value' }] });
    await world.deploy.execute(first.runId);

    const recipe = await world.deploy.recipe(role.id);
    expect(recipe).toMatchObject({ templateSource: '/home/me/queue.yaml', stackName: 'acme-queue', parameters: [{ key: 'Env', value: 'dev' }], tags: [{ key: 'team', value: 'web' }] });
    expect(JSON.stringify(world.store.document)).not.toContain('s3cret-value');
    expect(recipe?.summary?.parameters.map((parameter) => parameter.name)).toEqual(['Env', 'Password']);

    world.cloudformation.nextChangeSet = { kind: 'changes', changes: [{ action: 'Modify', logicalId: 'Queue', resourceType: 'AWS::SQS::Queue', replacement: 'False', scope: ['Properties'] }] };
    const again = await world.deploy.rerun(role.id);
    expect(again).toMatchObject({ kind: 'review', operation: 'update', stackName: 'acme-queue' });
    const sent = [...world.cloudformation.changeSets.values()].at(-1)?.input;
    expect(sent?.parameters).toEqual([{ key: 'Env', value: 'dev' }, { key: 'Password', usePreviousValue: true }]);
  });

  it('"Deploy again" for a profile that never deployed says what to do', async () => {
    const world = deployWorld();
    const role = await world.addProfiles();
    await expect(world.deploy.rerun(role.id)).rejects.toThrow(/has no deploy to run again yet/);
    expect(await world.deploy.recipe(role.id)).toBeNull();
  });
});
