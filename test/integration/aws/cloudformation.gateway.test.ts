import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { SdkCloudFormationGateway } from '../../../electron/node/aws/cloudformation.gateway';
import { SdkS3Gateway } from '../../../electron/node/aws/s3.gateway';
import { AwsCallError } from '../../../shared/domain/aws-call-error';
import type { ChangeSetOutcome } from '../../../shared/ports/cloudformation-gateway';
import { createUserWithKey } from '../fixtures/iam';
import { useMoto } from '../fixtures/moto';

const REGION = 'eu-west-1';

/** A small stack: one SNS topic named by a parameter, a second parameter kept across updates, one output. */
function template(displayName: string): string {
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Roledeck test stack',
    Parameters: {
      TopicName: { Type: 'String' },
      Owner: { Type: 'String', Default: 'nobody' },
    },
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { Ref: 'TopicName' }, DisplayName: { 'Fn::Sub': `\${Owner} ${displayName}` } } },
    },
    Outputs: { TopicArn: { Value: { Ref: 'Topic' }, Description: 'the topic', Export: { Name: 'roledeck-topic' } } },
  });
}

async function session() {
  return (await createUserWithKey('deployer')).credentials;
}

function ready(outcome: ChangeSetOutcome) {
  if (outcome.kind !== 'ready') throw new Error(`expected a ready change set, got ${JSON.stringify(outcome)}`);
  return outcome.changeSet;
}

describe('SdkCloudFormationGateway against moto', () => {
  useMoto();
  const cfn = new SdkCloudFormationGateway();
  const s3 = new SdkS3Gateway();

  it('says there is no stack when none of that name exists', async () => {
    expect(await cfn.describeStack(await session(), REGION, 'never-created')).toBeNull();
  });

  it('creates a stack through a change set: parameters, capabilities and tags go in, the changes and events come out', async () => {
    const credentials = await session();
    const created = await cfn.createChangeSet(credentials, REGION, {
      stackName: 'roledeck-test',
      changeSetName: 'roledeck-1',
      changeSetType: 'CREATE',
      template: { body: template('first') },
      parameters: [
        { key: 'TopicName', value: 'roledeck-topic' },
        { key: 'Owner', value: 'consultant' },
      ],
      capabilities: ['CAPABILITY_IAM'],
      tags: [{ key: 'roledeck:deploy', value: 'test' }],
    });
    if (created.kind !== 'created') throw new Error('expected a change set');
    expect(created.changeSetId).toMatch(/^arn:aws:cloudformation:eu-west-1:\d{12}:changeSet\/roledeck-1\//);
    expect(created.stackId).toMatch(/:stack\/roledeck-test\//);

    const changeSet = ready(await cfn.waitForChangeSet(credentials, REGION, { stackName: 'roledeck-test', changeSetName: 'roledeck-1' }, { intervalMs: 50 }));
    expect(changeSet).toMatchObject({ changeSetName: 'roledeck-1', stackName: 'roledeck-test', status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE' });
    expect(changeSet.changes).toEqual([expect.objectContaining({ action: 'Add', logicalId: 'Topic', resourceType: 'AWS::SNS::Topic' })]);

    await cfn.executeChangeSet(credentials, REGION, { stackName: 'roledeck-test', changeSetName: 'roledeck-1' });

    const stack = await cfn.describeStack(credentials, REGION, 'roledeck-test');
    expect(stack).toMatchObject({ stackName: 'roledeck-test', status: 'CREATE_COMPLETE', tags: [{ key: 'roledeck:deploy', value: 'test' }] });
    expect(stack?.parameters).toEqual(expect.arrayContaining([{ key: 'TopicName', value: 'roledeck-topic' }, { key: 'Owner', value: 'consultant' }]));

    const resources = await cfn.listStackResources(credentials, REGION, 'roledeck-test');
    expect(resources).toEqual([expect.objectContaining({ logicalId: 'Topic', resourceType: 'AWS::SNS::Topic', physicalId: expect.stringContaining('roledeck-topic') })]);

    const events = await cfn.describeStackEvents(credentials, REGION, 'roledeck-test');
    expect(events[0]).toMatchObject({ logicalId: 'roledeck-test', resourceType: 'AWS::CloudFormation::Stack', status: 'CREATE_COMPLETE' });
    const times = events.map((event) => event.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('updates from an uploaded template (TemplateURL), keeping a parameter with UsePreviousValue', async () => {
    const credentials = await session();
    await createStackThroughChangeSet(cfn, credentials);
    await s3.ensureBucket(credentials, REGION, 'roledeck-templates');
    await s3.putObject(credentials, REGION, { bucket: 'roledeck-templates', key: 'stack.json', body: template('second'), contentType: 'application/json' });

    const created = await cfn.createChangeSet(credentials, REGION, {
      stackName: 'roledeck-test',
      changeSetName: 'roledeck-2',
      changeSetType: 'UPDATE',
      template: { url: s3.objectUrl(REGION, 'roledeck-templates', 'stack.json') },
      parameters: [
        { key: 'TopicName', value: 'roledeck-topic' },
        { key: 'Owner', usePreviousValue: true },
      ],
    });
    expect(created.kind).toBe('created');
    const changeSet = ready(await cfn.waitForChangeSet(credentials, REGION, { stackName: 'roledeck-test', changeSetName: 'roledeck-2' }, { intervalMs: 50 }));
    expect(changeSet.changes).toEqual([expect.objectContaining({ action: 'Modify', logicalId: 'Topic', resourceType: 'AWS::SNS::Topic' })]);

    const before = await cfn.describeStackEvents(credentials, REGION, 'roledeck-test');
    await cfn.executeChangeSet(credentials, REGION, { stackName: 'roledeck-test', changeSetName: 'roledeck-2' });

    const stack = await cfn.describeStack(credentials, REGION, 'roledeck-test');
    expect(stack?.status).toBe('UPDATE_COMPLETE');
    expect(stack?.parameters).toEqual(expect.arrayContaining([{ key: 'Owner', value: 'consultant' }]));
    const newer = await cfn.describeStackEvents(credentials, REGION, 'roledeck-test', { sinceEventId: before[0]!.eventId });
    expect(newer.map((event) => event.status)).toEqual(['UPDATE_COMPLETE', 'UPDATE_IN_PROGRESS']);
  });

  it('reports an update that changes nothing as "no changes", not as a failure', async () => {
    const credentials = await session();
    await createStackThroughChangeSet(cfn, credentials);

    const result = await cfn.createChangeSet(credentials, REGION, {
      stackName: 'roledeck-test',
      changeSetName: 'roledeck-same',
      changeSetType: 'UPDATE',
      template: { usePrevious: true },
      parameters: [
        { key: 'TopicName', usePreviousValue: true },
        { key: 'Owner', usePreviousValue: true },
      ],
    });

    expect(result).toEqual({ kind: 'no-changes', message: expect.stringMatching(/No updates are to be performed/) });
  });

  it('deletes a change set that will not be executed', async () => {
    const credentials = await session();
    const ref = { stackName: 'roledeck-test', changeSetName: 'roledeck-1' };
    await cfn.createChangeSet(credentials, REGION, { ...ref, changeSetType: 'CREATE', template: { body: template('first') }, parameters: [{ key: 'TopicName', value: 't' }] });

    await cfn.deleteChangeSet(credentials, REGION, ref);

    const gone = await cfn.describeChangeSet(credentials, REGION, ref).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(AwsCallError);
    // AWS names it ChangeSetNotFound, moto ValidationError; both say it does not exist.
    expect((gone as AwsCallError).message).toMatch(/^DescribeChangeSet failed: \w+: .*does not exist/);
  });

  it('tears a stack down: after deletion there is no stack of that name', async () => {
    const credentials = await session();
    await createStackThroughChangeSet(cfn, credentials);

    await cfn.deleteStack(credentials, REGION, 'roledeck-test');

    expect(await cfn.describeStack(credentials, REGION, 'roledeck-test')).toBeNull();
  });

  it("reads a stack's outputs", async () => {
    const credentials = await session();
    // moto gives stacks made through change sets no Outputs, so this one is created directly.
    const direct = new CloudFormationClient({ region: REGION, credentials });
    try {
      await direct.send(new CreateStackCommand({ StackName: 'with-outputs', TemplateBody: template('x'), Parameters: [{ ParameterKey: 'TopicName', ParameterValue: 'out-topic' }] }));
    } finally {
      direct.destroy();
    }

    const stack = await cfn.describeStack(credentials, REGION, 'with-outputs');

    expect(stack?.outputs).toEqual([{ key: 'TopicArn', value: expect.stringMatching(/:out-topic$/), description: 'the topic', exportName: 'roledeck-topic' }]);
    expect(stack?.description).toBe('Roledeck test stack');
  });

  it('validates a template and returns its description', async () => {
    const validation = await cfn.validateTemplate(await session(), REGION, { body: template('x') });
    expect(validation).toMatchObject({ description: 'Roledeck test stack', capabilities: [], declaredTransforms: [] });
  });

  it('reports a malformed change set name as an AWS ValidationError', async () => {
    const failure = await cfn
      .createChangeSet(await session(), REGION, { stackName: 's', changeSetName: '1-starts-with-a-digit', changeSetType: 'CREATE', template: { body: template('x') } })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'AWS_ERROR', awsCode: 'ValidationError', httpStatus: 400, throttled: false });
  });
});

async function createStackThroughChangeSet(cfn: SdkCloudFormationGateway, credentials: Awaited<ReturnType<typeof session>>): Promise<void> {
  const ref = { stackName: 'roledeck-test', changeSetName: 'roledeck-1' };
  await cfn.createChangeSet(credentials, REGION, {
    ...ref,
    changeSetType: 'CREATE',
    template: { body: template('first') },
    parameters: [
      { key: 'TopicName', value: 'roledeck-topic' },
      { key: 'Owner', value: 'consultant' },
    ],
  });
  ready(await cfn.waitForChangeSet(credentials, REGION, ref, { intervalMs: 50 }));
  await cfn.executeChangeSet(credentials, REGION, ref);
}
