/**
 * CloudFormation behaviour moto never shows, played with canned SDK answers on the real gateway:
 * the FAILED "didn't contain changes" change set, change sets that take time, throttling, and
 * paged changes and events (moto answers at once, in one page, and never throttles).
 */
import {
  CloudFormationClient,
  CloudFormationServiceException,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  type Change,
  type ChangeAction,
  type ChangeSetStatus,
  type DescribeChangeSetCommandOutput,
  type Replacement,
  type ResourceStatus,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SdkCloudFormationGateway } from '../../../../../electron/node/aws/cloudformation.gateway';
import { AwsCallError } from '../../../../../shared/domain/aws-call-error';

const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret'.padEnd(40, 'x'), sessionToken: 'token' };
const REGION = 'eu-west-1';
const ref = { stackName: 'roledeck-test', changeSetName: 'roledeck-2' };
const cfn = mockClient(CloudFormationClient);

function changeSet(status: ChangeSetStatus, extra: Partial<DescribeChangeSetCommandOutput> = {}): Partial<DescribeChangeSetCommandOutput> {
  return { ChangeSetId: 'arn:aws:cloudformation:eu-west-1:111111111111:changeSet/roledeck-2/1', ChangeSetName: 'roledeck-2', StackName: 'roledeck-test', StackId: 'stack-id', Status: status, ...extra };
}

function awsFault(name: string, status: number, message: string): CloudFormationServiceException {
  return new CloudFormationServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });
}

function event(id: string, status: ResourceStatus) {
  return { EventId: id, StackId: 'stack-id', StackName: 'roledeck-test', LogicalResourceId: 'Topic', ResourceType: 'AWS::SNS::Topic', ResourceStatus: status, Timestamp: new Date(Date.UTC(2026, 0, 1)) };
}

describe('SdkCloudFormationGateway with canned CloudFormation answers', () => {
  const gateway = new SdkCloudFormationGateway();
  beforeEach(() => cfn.reset());
  afterEach(() => cfn.reset());

  it("AWS fails a change set that changes nothing with \"didn't contain changes\": waiting reports no changes", async () => {
    const reason = "The submitted information didn't contain changes. Submit different information to create a change set.";
    cfn
      .on(DescribeChangeSetCommand)
      .resolvesOnce(changeSet('CREATE_PENDING'))
      .resolvesOnce(changeSet('CREATE_IN_PROGRESS'))
      .resolves(changeSet('FAILED', { ExecutionStatus: 'UNAVAILABLE', StatusReason: reason }));

    const outcome = await gateway.waitForChangeSet(credentials, REGION, ref, { intervalMs: 1 });

    expect(outcome).toEqual({ kind: 'no-changes', message: reason });
    expect(cfn.commandCalls(DescribeChangeSetCommand)).toHaveLength(3);
  });

  it('AWS fails a change set for a real reason: waiting reports the failure with AWS’s reason', async () => {
    cfn.on(DescribeChangeSetCommand).resolves(changeSet('FAILED', { StatusReason: 'Template format error: Unresolved resource dependencies [Bucket]' }));

    const outcome = await gateway.waitForChangeSet(credentials, REGION, ref, { intervalMs: 1 });

    expect(outcome).toMatchObject({ kind: 'failed', changeSet: { status: 'FAILED', statusReason: expect.stringMatching(/Unresolved resource dependencies/) } });
  });

  it('AWS throttles DescribeChangeSet while the change set is created: the wait backs off and still finishes', async () => {
    cfn
      .on(DescribeChangeSetCommand)
      .rejectsOnce(awsFault('Throttling', 400, 'Rate exceeded'))
      .rejectsOnce(awsFault('SomethingNew', 429, 'Too many requests'))
      .resolves(changeSet('CREATE_COMPLETE', { ExecutionStatus: 'AVAILABLE' }));

    const outcome = await gateway.waitForChangeSet(credentials, REGION, ref, { intervalMs: 1 });

    expect(outcome.kind).toBe('ready');
    expect(cfn.commandCalls(DescribeChangeSetCommand)).toHaveLength(3);
  });

  it('AWS throttles a stack-events poll: the error says so, for the caller to back off', async () => {
    for (const [name, status] of [['Throttling', 400], ['ThrottlingException', 400], ['TooManyRequestsException', 400], ['Unnamed', 429]] as const) {
      cfn.reset();
      cfn.on(DescribeStackEventsCommand).rejects(awsFault(name, status, 'Rate exceeded'));
      const failure = await gateway.describeStackEvents(credentials, REGION, 'roledeck-test').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AwsCallError);
      expect(failure).toMatchObject({ throttled: true, retryable: true, message: expect.stringMatching(/^DescribeStackEvents failed: /) });
    }
  });

  it('a change set still being created when the wait runs out is a retryable WaitTimeout naming it', async () => {
    cfn.on(DescribeChangeSetCommand).resolves(changeSet('CREATE_IN_PROGRESS'));

    const failure = await gateway.waitForChangeSet(credentials, REGION, ref, { intervalMs: 5, timeoutMs: 30 }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ awsCode: 'WaitTimeout', retryable: true, message: expect.stringMatching(/roledeck-2 of roledeck-test was still CREATE_IN_PROGRESS/) });
  });

  it('AWS pages the changes of a large change set: every page comes back, in order', async () => {
    const change = (id: string, action: ChangeAction, replacement?: Replacement): Change => ({ Type: 'Resource' as const, ResourceChange: { Action: action, LogicalResourceId: id, ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: `phys-${id}`, Replacement: replacement, Scope: ['Properties' as const] } });
    cfn
      .on(DescribeChangeSetCommand, { NextToken: undefined })
      .resolves(changeSet('CREATE_COMPLETE', { Changes: [change('A', 'Modify', 'True')], NextToken: 'page-2' }))
      .on(DescribeChangeSetCommand, { NextToken: 'page-2' })
      .resolves(changeSet('CREATE_COMPLETE', { Changes: [change('B', 'Remove')] }));

    const described = await gateway.describeChangeSet(credentials, REGION, ref);

    expect(described.changes).toEqual([
      { action: 'Modify', logicalId: 'A', physicalId: 'phys-A', resourceType: 'AWS::S3::Bucket', replacement: 'True', scope: ['Properties'] },
      { action: 'Remove', logicalId: 'B', physicalId: 'phys-B', resourceType: 'AWS::S3::Bucket', scope: ['Properties'] },
    ]);
  });

  it('AWS pages stack events newest first: polling stops at the last event seen, even on a later page', async () => {
    cfn
      .on(DescribeStackEventsCommand, { NextToken: undefined })
      .resolves({ StackEvents: [event('e5', 'UPDATE_COMPLETE'), event('e4', 'UPDATE_IN_PROGRESS')], NextToken: 'older' })
      .on(DescribeStackEventsCommand, { NextToken: 'older' })
      .resolves({ StackEvents: [event('e3', 'UPDATE_IN_PROGRESS'), event('e2', 'CREATE_COMPLETE'), event('e1', 'CREATE_IN_PROGRESS')] });

    const newer = await gateway.describeStackEvents(credentials, REGION, 'roledeck-test', { sinceEventId: 'e2' });
    const all = await gateway.describeStackEvents(credentials, REGION, 'roledeck-test');
    const firstPage = await gateway.describeStackEvents(credentials, REGION, 'roledeck-test', { maxPages: 1 });

    expect(newer.map((e) => e.eventId)).toEqual(['e5', 'e4', 'e3']);
    expect(all.map((e) => e.eventId)).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
    expect(firstPage.map((e) => e.eventId)).toEqual(['e5', 'e4']);
  });
});
