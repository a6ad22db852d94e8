import { RoledeckError } from '../../../shared/contract/errors';
import { AwsCallError, isAwsError } from '../../../shared/domain/aws-call-error';
import type { AwsCredentials } from '../../../shared/domain/aws';
import type { StackDescription } from '../../../shared/domain/cloudformation';
import type { DeployOperation, ParameterValue, StackTag } from '../../../shared/domain/deploy';
import type { ChangeSetReview } from '../../../shared/domain/deploy-change-set';
import type { Capability, TemplateSummary } from '../../../shared/domain/deploy-template';
import { capabilitiesFromError } from '../../../shared/logic/cloudformation-capabilities';
import { reviewChangeSet } from '../../../shared/logic/cloudformation-change-set';
import { checkParameterValues } from '../../../shared/logic/cloudformation-parameter-rules';
import { planTemplateUpload } from '../../../shared/logic/cloudformation-template-size';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFormationGateway, TemplateSource } from '../../../shared/ports/cloudformation-gateway';
import type { S3Gateway } from '../../../shared/ports/s3-gateway';

export interface PlanInput {
  credentials: AwsCredentials;
  region: string;
  identityArn: string;
  summary: TemplateSummary;
  text: string;
  stackName: string;
  parameters: readonly ParameterValue[];
  tags: readonly StackTag[];
  capabilities: readonly Capability[];
  s3Bucket?: string | undefined;
}

/** A change set waiting for review. */
export interface PlannedChangeSet {
  kind: 'review';
  operation: Exclude<DeployOperation, 'delete'>;
  stackId: string;
  changeSetId: string;
  changeSetName: string;
  review: ChangeSetReview;
  /** The values sent, with UsePreviousValue where the stack keeps its own. */
  parameters: ParameterValue[];
  templateUrl?: string;
  /** The stack's newest events while the change set was made: not part of the run that executes it. */
  baseline: string[];
}

export type Plan = PlannedChangeSet | { kind: 'no-changes'; message: string; stackId?: string };

/** While a change set is being created, look again this often (AWS takes a few seconds). */
const CHANGE_SET_POLL_MS = 500;

/** How long the delete of an abandoned REVIEW_IN_PROGRESS stack is waited for: 60 × 500 ms. */
const REVIEW_CLEANUP_POLLS = 60;

/** A stack in one of these cannot take a change set until it settles or is deleted. */
const CANNOT_UPDATE: Readonly<Record<string, string>> = {
  ROLLBACK_COMPLETE: 'its first create failed and was rolled back, and CloudFormation cannot update such a stack',
  ROLLBACK_FAILED: 'its first create failed and so did the rollback',
  DELETE_FAILED: 'a delete of it failed',
  UPDATE_ROLLBACK_FAILED: 'an update failed and so did its rollback; continue the rollback in the console first',
};

/**
 * The change-set-first half of a deploy: CREATE or UPDATE as the stack's existence requires, the
 * template inline or through the named S3 bucket, the values checked against the template's own
 * rules, then the change set created and reviewed. A stack left in REVIEW_IN_PROGRESS by an
 * abandoned first change set is cleaned up first.
 */
export class ChangeSetPlanner {
  constructor(private readonly deps: { cloudformation: CloudFormationGateway; s3: S3Gateway; clock: Clock; wait: (ms: number) => Promise<void> }) {}

  async plan(input: PlanInput): Promise<Plan> {
    const { cloudformation } = this.deps;
    let existing = await cloudformation.describeStack(input.credentials, input.region, input.stackName);
    if (existing?.status === 'REVIEW_IN_PROGRESS') existing = await this.cleanUp(input, existing);
    const operation = operationFor(input.stackName, existing);
    const check = checkParameterValues(input.summary.parameters, input.parameters, {
      operation,
      ...(operation === 'update' && existing ? { existingParameters: existing.parameters.map((parameter) => parameter.key) } : {}),
    });
    if (!check.ok) throw new RoledeckError('VALIDATION', check.problems.map((problem) => problem.message).join('\n'));
    const { source, url } = await this.templateSource(input);
    const changeSetName = `roledeck-${this.deps.clock.now()}`;
    let created;
    try {
      created = await cloudformation.createChangeSet(input.credentials, input.region, {
        stackName: input.stackName,
        changeSetName,
        changeSetType: operation === 'create' ? 'CREATE' : 'UPDATE',
        template: source,
        parameters: check.values,
        capabilities: input.capabilities,
        tags: input.tags,
        description: `Roledeck test deploy by ${input.identityArn}`.slice(0, 1024),
      });
    } catch (error) {
      throw explainCreateFailure(error);
    }
    if (created.kind === 'no-changes') return { kind: 'no-changes', message: created.message, ...(existing ? { stackId: existing.stackId } : {}) };
    const ref = { stackName: input.stackName, changeSetName };
    // The events already there are read while CloudFormation works on the change set.
    const [outcome, before] = await Promise.all([
      cloudformation.waitForChangeSet(input.credentials, input.region, ref, { intervalMs: CHANGE_SET_POLL_MS }),
      cloudformation.describeStackEvents(input.credentials, input.region, created.stackId, { maxPages: 1 }),
    ]);
    if (outcome.kind === 'no-changes') {
      // AWS keeps FAILED change sets; this one says nothing the history does not.
      await cloudformation.deleteChangeSet(input.credentials, input.region, ref).catch(() => undefined);
      return { kind: 'no-changes', message: outcome.message, stackId: created.stackId };
    }
    if (outcome.kind === 'failed') {
      const reason = outcome.changeSet.statusReason ?? outcome.changeSet.status;
      throw new AwsCallError('ChangeSetFailed', `CloudFormation could not create the change set for ${input.stackName}: ${reason}`, {
        awsMessage: reason,
      });
    }
    return {
      kind: 'review',
      operation,
      stackId: created.stackId,
      changeSetId: created.changeSetId,
      changeSetName,
      review: reviewChangeSet(outcome.changeSet.changes),
      parameters: check.values,
      ...(url ? { templateUrl: url } : {}),
      baseline: before.map((event) => event.eventId),
    };
  }

  /**
   * A stack left in REVIEW_IN_PROGRESS by an abandoned first change set has no resources: it is
   * deleted (with its change sets) and the deploy starts afresh. Re-using it would work on AWS,
   * which takes another CREATE change set for it, but emulators (moto) make a second stack of the
   * same name instead. The delete of an empty stack takes a moment; it is awaited here.
   */
  private async cleanUp(input: PlanInput, stack: StackDescription): Promise<null> {
    const { cloudformation, wait } = this.deps;
    await cloudformation.deleteStack(input.credentials, input.region, stack.stackId);
    for (let attempt = 0; attempt < REVIEW_CLEANUP_POLLS; attempt += 1) {
      const now = await cloudformation.describeStack(input.credentials, input.region, stack.stackId);
      if (!now || now.status === 'DELETE_COMPLETE') return null;
      await wait(CHANGE_SET_POLL_MS);
    }
    throw new RoledeckError(
      'CONFLICT',
      `${input.stackName} was left under review by an earlier change set and is still being deleted. Try again in a minute.`,
    );
  }

  /** TemplateBody up to 51,200 bytes; above, the object uploaded to the user's bucket. */
  private async templateSource(input: PlanInput): Promise<{ source: TemplateSource; url?: string }> {
    const plan = planTemplateUpload(input.summary.sizeBytes, input.s3Bucket);
    if (plan.kind === 'inline') return { source: { body: input.text } };
    if (plan.kind !== 's3') throw new RoledeckError('VALIDATION', plan.message);
    const key = `roledeck/${input.stackName}/${this.deps.clock.now()}.template`;
    await this.deps.s3.ensureBucket(input.credentials, input.region, plan.bucket);
    await this.deps.s3.putObject(input.credentials, input.region, {
      bucket: plan.bucket,
      key,
      body: input.text,
      contentType: input.summary.format === 'json' ? 'application/json' : 'application/x-yaml',
    });
    const url = this.deps.s3.objectUrl(input.region, plan.bucket, key);
    return { source: { url }, url };
  }
}

function operationFor(stackName: string, existing: StackDescription | null): 'create' | 'update' {
  if (!existing || existing.status === 'REVIEW_IN_PROGRESS') return 'create';
  const why = CANNOT_UPDATE[existing.status];
  if (why) {
    throw new RoledeckError(
      'CONFLICT',
      `${stackName} is ${existing.status}: ${why}. Delete it (roledeck deploy delete, or the Delete button) and deploy again.`,
    );
  }
  if (existing.status.endsWith('_IN_PROGRESS')) {
    throw new RoledeckError('CONFLICT', `${stackName} is busy (${existing.status}). Wait until that operation finishes, then deploy again.`);
  }
  return 'update';
}

/** InsufficientCapabilities comes from nested stacks the template analysis cannot see into. */
function explainCreateFailure(error: unknown): unknown {
  if (!isAwsError(error, 'InsufficientCapabilities')) return error;
  const needed = capabilitiesFromError(error.awsMessage);
  const list = needed.length > 0 ? needed.join(' ') : 'the capabilities it names';
  return new RoledeckError(
    'VALIDATION',
    `CloudFormation needs more capabilities acknowledged for this template (its nested stacks): ${list}. Acknowledge them (--capabilities ${list}) and deploy again. AWS said: ${error.awsMessage}`,
    { cause: error },
  );
}
