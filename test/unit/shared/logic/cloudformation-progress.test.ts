import { describe, expect, it } from 'vitest';
import { DeployProgressSchema, StackEventSchema, type StackEvent } from '../../../../shared/domain/deploy-events';
import {
  classifyStackStatus,
  deployProgress,
  describeFailure,
  isTerminalStackStatus,
} from '../../../../shared/logic/cloudformation-progress';

const STACK_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/test/1111';
const NESTED_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/test-Network-ABC/2222';

let clock = 0;
/** An event of the deployed stack `test`: `[logicalId, type, status, reason?]`. */
function ev(logicalId: string, resourceType: string, status: string, reason?: string, fields: Partial<StackEvent> = {}): StackEvent {
  clock += 1;
  return {
    eventId: `id-${clock}`,
    stackId: STACK_ID,
    stackName: 'test',
    logicalId,
    resourceType,
    status,
    timestamp: clock * 1000,
    ...(reason ? { statusReason: reason } : {}),
    ...fields,
  };
}
const stack = (status: string, reason?: string) =>
  ev('test', 'AWS::CloudFormation::Stack', status, reason, { physicalId: STACK_ID });
const nested = (logicalId: string, resourceType: string, status: string, reason?: string) =>
  ev(logicalId, resourceType, status, reason, { stackId: NESTED_ID, stackName: 'test-Network-ABC' });

const options = { stackName: 'test', total: 2 };

describe('progress of a create', () => {
  const started = [
    stack('CREATE_IN_PROGRESS', 'User Initiated'),
    ev('Bucket', 'AWS::S3::Bucket', 'CREATE_IN_PROGRESS'),
    ev('Topic', 'AWS::SNS::Topic', 'CREATE_IN_PROGRESS'),
    ev('Topic', 'AWS::SNS::Topic', 'CREATE_IN_PROGRESS', 'Resource creation Initiated'),
    ev('Topic', 'AWS::SNS::Topic', 'CREATE_COMPLETE'),
  ];

  it('counts resources done of the template total while running', () => {
    expect(deployProgress(started, options)).toEqual({
      phase: 'in-progress',
      stackStatus: 'CREATE_IN_PROGRESS',
      completed: 1,
      total: 2,
      fraction: 0.5,
    });
  });

  it('reaches 1 and succeeds on CREATE_COMPLETE', () => {
    const done = [...started, ev('Bucket', 'AWS::S3::Bucket', 'CREATE_COMPLETE'), stack('CREATE_COMPLETE')];
    expect(deployProgress(done, options)).toMatchObject({ phase: 'succeeded', completed: 2, fraction: 1 });
  });

  it('never shows a full bar before the stack says it is done', () => {
    const extra = [...started, ev('Bucket', 'AWS::S3::Bucket', 'CREATE_COMPLETE'), ev('Extra', 'AWS::SQS::Queue', 'CREATE_COMPLETE')];
    expect(deployProgress(extra, options).fraction).toBe(0.99);
    expect(deployProgress([], { stackName: 'test', total: 0 })).toMatchObject({ phase: 'in-progress', fraction: 0 });
  });

  it('succeeds from stack-level events alone (moto has no resource events)', () => {
    expect(deployProgress([stack('CREATE_IN_PROGRESS'), stack('CREATE_COMPLETE')], options)).toMatchObject({
      phase: 'succeeded',
      completed: 0,
      fraction: 1,
    });
  });
});

describe('a failed create that rolls back', () => {
  const failing = [
    stack('CREATE_IN_PROGRESS', 'User Initiated'),
    ev('Topic', 'AWS::SNS::Topic', 'CREATE_IN_PROGRESS'),
    ev('Bucket', 'AWS::S3::Bucket', 'CREATE_IN_PROGRESS'),
    ev('Bucket', 'AWS::S3::Bucket', 'CREATE_FAILED', 'roledeck-dev already exists'),
    ev('Topic', 'AWS::SNS::Topic', 'CREATE_FAILED', 'Resource creation cancelled'),
    stack('ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [Topic, Bucket]. Rollback requested by user.'),
  ];
  const firstFailure = {
    path: ['Bucket'],
    resourceType: 'AWS::S3::Bucket',
    status: 'CREATE_FAILED',
    reason: 'roledeck-dev already exists',
  };

  it('names the first resource that really failed, not the one cancelled because of it', () => {
    expect(deployProgress(failing, options)).toMatchObject({
      phase: 'rolling-back',
      rollback: 'in-progress',
      failure: firstFailure,
    });
  });

  it('ends failed with the rollback complete', () => {
    const rolledBack = [...failing, ev('Topic', 'AWS::SNS::Topic', 'DELETE_COMPLETE'), ev('Bucket', 'AWS::S3::Bucket', 'DELETE_SKIPPED'), stack('ROLLBACK_COMPLETE')];
    expect(deployProgress(rolledBack, options)).toMatchObject({
      phase: 'failed',
      stackStatus: 'ROLLBACK_COMPLETE',
      rollback: 'complete',
      fraction: 1,
      failure: firstFailure,
    });
  });

  it('says when the rollback itself failed', () => {
    const events = [
      stack('UPDATE_IN_PROGRESS'),
      ev('Db', 'AWS::RDS::DBInstance', 'UPDATE_FAILED', 'Invalid DB instance class'),
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      ev('Db', 'AWS::RDS::DBInstance', 'UPDATE_FAILED', 'Resource is not in the state available'),
      stack('UPDATE_ROLLBACK_FAILED', 'The following resource(s) failed to update: [Db].'),
    ];
    expect(deployProgress(events, options)).toMatchObject({
      phase: 'failed',
      rollback: 'failed',
      failure: { path: ['Db'], reason: 'Invalid DB instance class' },
    });
  });

  it('falls back to the stack’s own reason when no resource event says why', () => {
    const events = [stack('CREATE_IN_PROGRESS'), stack('ROLLBACK_COMPLETE', 'Template error: instance of Fn::GetAtt references undefined resource X')];
    expect(deployProgress(events, options).failure).toEqual({
      path: [],
      resourceType: 'AWS::CloudFormation::Stack',
      status: 'ROLLBACK_COMPLETE',
      reason: 'Template error: instance of Fn::GetAtt references undefined resource X',
    });
  });
});

describe('a failure inside a nested stack', () => {
  const parentFailure = ev(
    'Network',
    'AWS::CloudFormation::Stack',
    'CREATE_FAILED',
    `Embedded stack ${NESTED_ID} was not successfully created: The following resource(s) failed to create: [Subnet].`,
    { physicalId: NESTED_ID },
  );

  it('names the nested resource from the reason, and the nested stack to read', () => {
    const events = [stack('CREATE_IN_PROGRESS'), parentFailure, stack('ROLLBACK_IN_PROGRESS')];
    expect(deployProgress(events, options).failure).toEqual({
      path: ['Network', 'Subnet'],
      resourceType: 'AWS::CloudFormation::Stack',
      status: 'CREATE_FAILED',
      reason: parentFailure.statusReason,
      nestedStackId: NESTED_ID,
    });
  });

  it('gives the nested resource’s own reason once the nested stack’s events are read', () => {
    const events = [
      stack('CREATE_IN_PROGRESS'),
      nested('test-Network-ABC', 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS'),
      nested('Subnet', 'AWS::EC2::Subnet', 'CREATE_FAILED', "The CIDR '10.0.0.0/33' is invalid."),
      nested('RouteTable', 'AWS::EC2::RouteTable', 'CREATE_FAILED', 'Resource creation cancelled'),
      nested('test-Network-ABC', 'AWS::CloudFormation::Stack', 'ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [Subnet].'),
      parentFailure,
      stack('ROLLBACK_IN_PROGRESS'),
    ];
    const progress = deployProgress(events, options);
    expect(progress.failure).toEqual({
      path: ['Network', 'Subnet'],
      resourceType: 'AWS::EC2::Subnet',
      status: 'CREATE_FAILED',
      reason: "The CIDR '10.0.0.0/33' is invalid.",
    });
    expect(progress.completed).toBe(1);
    expect(DeployProgressSchema.parse(progress)).toEqual(progress);
    expect(events.every((event) => StackEventSchema.safeParse(event).success)).toBe(true);
    expect(describeFailure(progress.failure!)).toBe("Network › Subnet (AWS::EC2::Subnet) CREATE_FAILED: The CIDR '10.0.0.0/33' is invalid.");
  });
});

describe('stack statuses', () => {
  it.each([
    ['CREATE_COMPLETE', 'succeeded', true, undefined],
    ['UPDATE_COMPLETE', 'succeeded', true, undefined],
    ['DELETE_COMPLETE', 'succeeded', true, undefined],
    ['IMPORT_COMPLETE', 'succeeded', true, undefined],
    ['CREATE_IN_PROGRESS', 'in-progress', false, undefined],
    ['UPDATE_IN_PROGRESS', 'in-progress', false, undefined],
    ['UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'in-progress', false, undefined],
    ['DELETE_IN_PROGRESS', 'in-progress', false, undefined],
    ['REVIEW_IN_PROGRESS', 'in-progress', false, undefined],
    ['ROLLBACK_IN_PROGRESS', 'rolling-back', false, 'in-progress'],
    ['UPDATE_ROLLBACK_IN_PROGRESS', 'rolling-back', false, 'in-progress'],
    ['UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'rolling-back', false, 'in-progress'],
    ['ROLLBACK_COMPLETE', 'failed', true, 'complete'],
    ['UPDATE_ROLLBACK_COMPLETE', 'failed', true, 'complete'],
    ['IMPORT_ROLLBACK_COMPLETE', 'failed', true, 'complete'],
    ['ROLLBACK_FAILED', 'failed', true, 'failed'],
    ['UPDATE_ROLLBACK_FAILED', 'failed', true, 'failed'],
    ['CREATE_FAILED', 'failed', true, undefined],
    ['UPDATE_FAILED', 'failed', true, undefined],
    ['DELETE_FAILED', 'failed', true, undefined],
  ])('%s → %s', (status, phase, terminal, rollback) => {
    const result = classifyStackStatus(status);
    expect(result.phase).toBe(phase);
    expect(result.terminal).toBe(terminal);
    expect(result.rollback).toBe(rollback);
    expect(isTerminalStackStatus(status)).toBe(terminal);
  });

  it('describes a stack-level failure without a resource path', () => {
    expect(describeFailure({ path: [], resourceType: 'AWS::CloudFormation::Stack', status: 'ROLLBACK_COMPLETE', reason: 'bad' })).toBe(
      'Stack ROLLBACK_COMPLETE: bad',
    );
  });
});
