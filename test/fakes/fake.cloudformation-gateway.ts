import type { AwsCredentials } from '../../shared/domain/aws';
import { AwsCallError } from '../../shared/domain/aws-call-error';
import type { ChangeSetDescription, ResourceChange, StackDescription, StackEvent, StackOutput, StackResource } from '../../shared/domain/cloudformation';
import type {
  ChangeSetOutcome,
  ChangeSetRef,
  CloudFormationGateway,
  CreateChangeSetInput,
  CreateChangeSetResult,
  StackEventsOptions,
} from '../../shared/ports/cloudformation-gateway';

/** What the next change set turns out to be. */
export type ChangeSetScript =
  | { kind: 'changes'; changes: ResourceChange[] }
  /** AWS's first "no changes" form: a FAILED change set whose reason says so. */
  | { kind: 'failed-empty' }
  /** The second form: CreateChangeSet answers ValidationError "No updates are to be performed." (moto). */
  | { kind: 'no-updates-error' }
  | { kind: 'failed'; reason: string };

/** One resource's fate in a scripted stack operation. */
export interface ResourceScript {
  logicalId: string;
  type: string;
  /** Fails with this reason instead of completing. */
  fails?: string;
  /** A nested stack: its own stack ARN and events. */
  nested?: { stackName: string; failing: { logicalId: string; type: string; reason: string } };
}

interface FakeStack {
  stackId: string;
  stackName: string;
  status: string;
  events: StackEvent[];
  /** Batches still to appear, one per DescribeStackEvents call, as time passes on AWS's side. */
  upcoming: StackEvent[][];
  parameters: string[];
  outputs: StackOutput[];
  resources: StackResource[];
}

const ACCOUNT = '111122223333';

/**
 * A hand-written CloudFormation for unit tests of the deploy services: stacks, change sets and
 * events in memory, each stack operation scripted as batches of events that appear one per
 * DescribeStackEvents call (newest first, as AWS answers). It can throttle polls, fail a resource
 * (with rollback), fail inside a nested stack, and answer "no changes" in both of AWS's forms.
 */
export class FakeCloudFormation implements CloudFormationGateway {
  readonly calls: string[] = [];
  readonly stacks = new Map<string, FakeStack>();
  readonly changeSets = new Map<string, { stackName: string; type: 'CREATE' | 'UPDATE'; changes: ResourceChange[]; input: CreateChangeSetInput }>();
  /** Nested stacks' events, by stack ARN. */
  readonly nestedEvents = new Map<string, StackEvent[]>();
  nextChangeSet: ChangeSetScript = { kind: 'changes', changes: [{ action: 'Add', logicalId: 'Queue', resourceType: 'AWS::SQS::Queue', scope: [] }] };
  /** Resources of the next executed operation; defaults to the change set's. */
  nextResources: ResourceScript[] | undefined;
  nextOutputs: StackOutput[] = [];
  /** DescribeStackEvents calls to answer with Throttling before answering again. */
  throttlePolls = 0;
  /** Polls that fail with 500 InternalFailure (after the SDK's retries, as the gateway reports it). */
  failPolls = 0;
  private tick = Date.UTC(2026, 0, 1, 12);
  private ids = 0;

  private id(prefix: string): string {
    this.ids += 1;
    return `${prefix}-${this.ids}`;
  }

  private event(stack: { stackId: string; stackName: string }, logicalId: string, type: string, status: string, extra: Partial<StackEvent> = {}): StackEvent {
    this.tick += 1000;
    return {
      eventId: this.id('event'),
      stackId: stack.stackId,
      stackName: stack.stackName,
      logicalId,
      resourceType: type,
      status,
      timestamp: this.tick,
      ...(logicalId === stack.stackName ? { physicalId: stack.stackId } : {}),
      ...extra,
    };
  }

  private find(ref: string): FakeStack | undefined {
    return this.stacks.get(ref) ?? [...this.stacks.values()].find((stack) => stack.stackId === ref);
  }

  /** A stack that exists already (a test's starting point). */
  seedStack(stackName: string, status: string, options: { parameters?: string[]; resources?: string[] } = {}): FakeStack {
    const stack: FakeStack = {
      stackId: `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/${stackName}/${this.id('uuid')}`,
      stackName,
      status,
      events: [],
      upcoming: [],
      parameters: options.parameters ?? [],
      outputs: [],
      resources: (options.resources ?? []).map((logicalId) => ({ logicalId, resourceType: 'AWS::SQS::Queue', status: 'CREATE_COMPLETE', updatedAt: this.tick })),
    };
    stack.events.unshift(this.event(stack, stackName, 'AWS::CloudFormation::Stack', status));
    this.stacks.set(stackName, stack);
    return stack;
  }

  async describeStack(_credentials: AwsCredentials, _region: string, stackName: string): Promise<StackDescription | null> {
    this.calls.push(`DescribeStacks ${stackName}`);
    const stack = this.find(stackName);
    if (!stack || stack.status === 'DELETE_COMPLETE') return null;
    return {
      stackId: stack.stackId,
      stackName: stack.stackName,
      status: stack.status,
      createdAt: 0,
      outputs: stack.outputs,
      parameters: stack.parameters.map((key) => ({ key, value: '****' })),
      capabilities: [],
      tags: [],
    };
  }

  async createChangeSet(_credentials: AwsCredentials, _region: string, input: CreateChangeSetInput): Promise<CreateChangeSetResult> {
    this.calls.push(`CreateChangeSet ${input.changeSetType} ${input.stackName}`);
    const script = this.nextChangeSet;
    if (script.kind === 'no-updates-error') return { kind: 'no-changes', message: 'No updates are to be performed.' };
    let stack = this.stacks.get(input.stackName);
    if (input.changeSetType === 'CREATE' && (!stack || stack.status === 'DELETE_COMPLETE')) {
      stack = this.seedStack(input.stackName, 'REVIEW_IN_PROGRESS');
    }
    if (!stack) throw new AwsCallError('ValidationError', `Stack [${input.stackName}] does not exist`, { httpStatus: 400 });
    this.changeSets.set(input.changeSetName, {
      stackName: input.stackName,
      type: input.changeSetType,
      changes: script.kind === 'changes' ? script.changes : [],
      input,
    });
    return { kind: 'created', changeSetId: `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:changeSet/${input.changeSetName}/x`, stackId: stack.stackId };
  }

  async describeChangeSet(_credentials: AwsCredentials, _region: string, ref: ChangeSetRef): Promise<ChangeSetDescription> {
    const changeSet = this.changeSets.get(ref.changeSetName);
    if (!changeSet) throw new AwsCallError('ChangeSetNotFound', `ChangeSet [${ref.changeSetName}] does not exist`, { httpStatus: 404 });
    const script = this.nextChangeSet;
    const failed = script.kind === 'failed-empty' || script.kind === 'failed';
    const reason =
      script.kind === 'failed-empty'
        ? "The submitted information didn't contain changes. Submit different information to create a change set."
        : script.kind === 'failed'
          ? script.reason
          : undefined;
    return {
      changeSetId: ref.changeSetName,
      changeSetName: ref.changeSetName,
      stackId: this.stacks.get(changeSet.stackName)?.stackId ?? '',
      stackName: changeSet.stackName,
      status: failed ? 'FAILED' : 'CREATE_COMPLETE',
      ...(reason ? { statusReason: reason } : {}),
      changes: changeSet.changes,
    };
  }

  async waitForChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef): Promise<ChangeSetOutcome> {
    this.calls.push(`WaitForChangeSet ${ref.changeSetName}`);
    const changeSet = await this.describeChangeSet(credentials, region, ref);
    if (changeSet.status === 'CREATE_COMPLETE') return { kind: 'ready', changeSet };
    if (/didn't contain changes/.test(changeSet.statusReason ?? '')) return { kind: 'no-changes', message: changeSet.statusReason ?? '' };
    return { kind: 'failed', changeSet };
  }

  async executeChangeSet(_credentials: AwsCredentials, _region: string, ref: ChangeSetRef): Promise<void> {
    this.calls.push(`ExecuteChangeSet ${ref.changeSetName}`);
    const changeSet = this.changeSets.get(ref.changeSetName);
    const stack = changeSet && this.stacks.get(changeSet.stackName);
    if (!changeSet || !stack) throw new AwsCallError('ChangeSetNotFound', `ChangeSet [${ref.changeSetName}] does not exist`, { httpStatus: 404 });
    const verb = changeSet.type === 'CREATE' ? 'CREATE' : 'UPDATE';
    const resources = this.nextResources ?? changeSet.changes.map((change) => ({ logicalId: change.logicalId, type: change.resourceType }));
    stack.upcoming = this.script(stack, verb, resources);
    stack.parameters = (changeSet.input.parameters ?? []).map((parameter) => parameter.key);
    this.changeSets.delete(ref.changeSetName);
  }

  /** The operation as batches of events: start, each resource started, each resource's end, the stack's end. */
  private script(stack: FakeStack, verb: 'CREATE' | 'UPDATE' | 'DELETE', resources: readonly ResourceScript[]): StackEvent[][] {
    const own = (logicalId: string, type: string, status: string, extra: Partial<StackEvent> = {}) => this.event(stack, logicalId, type, status, extra);
    const batches: StackEvent[][] = [[own(stack.stackName, 'AWS::CloudFormation::Stack', `${verb}_IN_PROGRESS`, verb === 'UPDATE' ? { statusReason: 'User Initiated' } : {})]];
    batches.push(resources.map((resource) => own(resource.logicalId, resource.type, `${verb}_IN_PROGRESS`)));
    const failing = resources.find((resource) => resource.fails ?? resource.nested);
    if (!failing) {
      batches.push(resources.map((resource) => own(resource.logicalId, resource.type, `${verb}_COMPLETE`)));
      batches.push([own(stack.stackName, 'AWS::CloudFormation::Stack', `${verb}_COMPLETE`)]);
      stack.outputs = verb === 'DELETE' ? [] : this.nextOutputs;
      return batches;
    }
    const others = resources.filter((resource) => resource !== failing);
    let reason = failing.fails ?? '';
    let extra: Partial<StackEvent> = {};
    if (failing.nested) {
      const nestedId = `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/${failing.nested.stackName}/${this.id('uuid')}`;
      const inner = { stackId: nestedId, stackName: failing.nested.stackName };
      const bad = failing.nested.failing;
      this.nestedEvents.set(nestedId, [
        this.event(inner, failing.nested.stackName, 'AWS::CloudFormation::Stack', 'ROLLBACK_COMPLETE'),
        this.event(inner, bad.logicalId, bad.type, `${verb}_FAILED`, { statusReason: bad.reason }),
        this.event(inner, failing.nested.stackName, 'AWS::CloudFormation::Stack', `${verb}_IN_PROGRESS`),
      ]);
      reason = `Embedded stack ${nestedId} was not successfully created: The following resource(s) failed to create: [${bad.logicalId}].`;
      extra = { physicalId: nestedId };
    }
    batches.push([
      own(failing.logicalId, failing.type, `${verb}_FAILED`, { statusReason: reason, ...extra }),
      ...others.map((resource) => own(resource.logicalId, resource.type, `${verb}_FAILED`, { statusReason: 'Resource creation cancelled' })),
    ]);
    const rollback = verb === 'CREATE' ? 'ROLLBACK' : 'UPDATE_ROLLBACK';
    batches.push([own(stack.stackName, 'AWS::CloudFormation::Stack', `${rollback}_IN_PROGRESS`, { statusReason: `The following resource(s) failed to ${verb.toLowerCase()}: [${failing.logicalId}]. ` })]);
    batches.push(resources.map((resource) => own(resource.logicalId, resource.type, 'DELETE_COMPLETE')));
    batches.push([own(stack.stackName, 'AWS::CloudFormation::Stack', `${rollback}_COMPLETE`)]);
    return batches;
  }

  async deleteChangeSet(_credentials: AwsCredentials, _region: string, ref: ChangeSetRef): Promise<void> {
    this.calls.push(`DeleteChangeSet ${ref.changeSetName}`);
    this.changeSets.delete(ref.changeSetName);
  }

  async deleteStack(_credentials: AwsCredentials, _region: string, stackName: string): Promise<void> {
    this.calls.push(`DeleteStack ${stackName}`);
    const stack = this.find(stackName);
    if (!stack) return;
    if (stack.status === 'REVIEW_IN_PROGRESS') {
      stack.status = 'DELETE_COMPLETE';
      return;
    }
    const resources = this.nextResources ?? stack.resources.map((resource) => ({ logicalId: resource.logicalId, type: resource.resourceType }));
    stack.upcoming = this.script(stack, 'DELETE', resources);
  }

  async describeStackEvents(_credentials: AwsCredentials, _region: string, stackName: string, options: StackEventsOptions = {}): Promise<StackEvent[]> {
    this.calls.push(`DescribeStackEvents ${stackName}`);
    const nested = this.nestedEvents.get(stackName);
    if (nested) return nested;
    const stack = this.find(stackName);
    if (!stack) throw new AwsCallError('ValidationError', `Stack [${stackName}] does not exist`, { httpStatus: 400 });
    if (this.throttlePolls > 0) {
      this.throttlePolls -= 1;
      throw new AwsCallError('Throttling', 'Rate exceeded', { httpStatus: 400 });
    }
    if (this.failPolls > 0) {
      this.failPolls -= 1;
      throw new AwsCallError('InternalFailure', 'DescribeStackEvents failed: InternalFailure: We encountered an internal error. Please try again.', { httpStatus: 500 });
    }
    const batch = stack.upcoming.shift();
    if (batch) {
      stack.events = [...[...batch].reverse(), ...stack.events];
      const last = [...batch].reverse().find((event) => event.logicalId === stack.stackName);
      if (last) stack.status = last.status;
    }
    const since = options.sinceEventId === undefined ? -1 : stack.events.findIndex((event) => event.eventId === options.sinceEventId);
    return since < 0 ? [...stack.events] : stack.events.slice(0, since);
  }

  async listStackResources(_credentials: AwsCredentials, _region: string, stackName: string): Promise<StackResource[]> {
    return this.find(stackName)?.resources ?? [];
  }

  async validateTemplate(): Promise<never> {
    throw new Error('ValidateTemplate is not used: templates are read locally');
  }
}
