import { describe, expect, it } from 'vitest';
import { describeRequest } from '../../fixtures/fault-proxy/aws-request';
import { StackHold } from '../../fixtures/fault-proxy/stack-hold';

// moto 5.2's own answers (captured from a CreateStack of one queue), trimmed of their namespaces.
const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/s1/2392ae88-6980-4ab0-8ca3-652d9c082c83';
const DESCRIBE_STACKS = `<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackId>${STACK_ID}</StackId><StackName>s1</StackName><Parameters><member><ParameterKey>Env</ParameterKey><ParameterValue>dev</ParameterValue></member></Parameters><CreationTime>2026-12-02T14:58:11.140802Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><DisableRollback>false</DisableRollback></member></Stacks></DescribeStacksResult></DescribeStacksResponse>`;
const event = (id: string, at: string, status: string) =>
  `<member><StackId>${STACK_ID}</StackId><EventId>${id}</EventId><StackName>s1</StackName><LogicalResourceId>s1</LogicalResourceId><ResourceType>AWS::CloudFormation::Stack</ResourceType><Timestamp>${at}</Timestamp><ResourceStatus>${status}</ResourceStatus></member>`;
const EVENTS = `<DescribeStackEventsResponse><DescribeStackEventsResult><StackEvents>${event('e2', '2026-12-02T14:58:11.154855Z', 'CREATE_COMPLETE')}${event('e1', '2026-12-02T14:58:11.140836Z', 'CREATE_IN_PROGRESS')}</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>`;

const started = Date.parse('2026-12-02T14:58:11.100Z');
const request = (body: string) => describeRequest('POST', '/', { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261202/us-east-1/cloudformation/aws4_request' }, Buffer.from(body));

describe('the fault proxy’s stack hold (what makes the realistic deploy bench wait)', () => {
  it('reports the stack in progress and hides its final event until the hold is over, then passes moto’s answer unchanged', () => {
    const hold = new StackHold(20_000);
    hold.started(request(`Action=ExecuteChangeSet&ChangeSetName=cs&StackName=${encodeURIComponent(STACK_ID)}`), started);
    const stacks = request('Action=DescribeStacks&StackName=s1');
    const events = request('Action=DescribeStackEvents&StackName=s1');

    expect(hold.rewrite(stacks, DESCRIBE_STACKS, started + 19_000)).toContain('<StackStatus>CREATE_IN_PROGRESS</StackStatus>');
    const during = hold.rewrite(events, EVENTS, started + 19_000);
    expect(during).toContain('<EventId>e1</EventId>');
    expect(during).not.toContain('<EventId>e2</EventId>');

    expect(hold.rewrite(stacks, DESCRIBE_STACKS, started + 20_000)).toBe(DESCRIBE_STACKS);
    expect(hold.rewrite(events, EVENTS, started + 20_000)).toBe(EVENTS);
  });

  it('leaves stacks alone that no operation through the proxy started', () => {
    const hold = new StackHold(20_000);
    hold.started(request('Action=CreateStack&StackName=other'), started);

    expect(hold.rewrite(request('Action=DescribeStacks&StackName=s1'), DESCRIBE_STACKS, started + 1_000)).toBe(DESCRIBE_STACKS);
  });
});
