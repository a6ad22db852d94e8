import type * as CloudFormationSdk from '@aws-sdk/client-cloudformation';
import type { Change, CloudFormationClient, Parameter, Stack, StackEvent as SdkStackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { AwsCallError, isAwsError } from '../../../shared/domain/aws-call-error';
import type { ChangeSetDescription, ResourceChange, StackDescription, StackEvent, StackResource, TemplateValidation } from '../../../shared/domain/cloudformation';
import { isNoChangesReason, isNoUpdatesError } from '../../../shared/logic/cloudformation-no-changes';
import type {
  ChangeSetOutcome,
  ChangeSetRef,
  CloudFormationGateway,
  CreateChangeSetInput,
  CreateChangeSetResult,
  StackEventsOptions,
  TemplateSource,
  WaitOptions,
} from '../../../shared/ports/cloudformation-gateway';
import { AwsClientPool, type AwsClientSettings } from './aws-client-pool';

type Sdk = typeof CloudFormationSdk;

const PENDING_CHANGE_SET = new Set(['CREATE_PENDING', 'CREATE_IN_PROGRESS']);
const MAX_POLL_INTERVAL_MS = 10_000;

const epoch = (date: Date | undefined): number | undefined => date?.getTime();
const defined = <T>(value: T | undefined): value is T => value !== undefined;

function templateFields(template: TemplateSource): { TemplateBody?: string; TemplateURL?: string; UsePreviousTemplate?: boolean } {
  if ('body' in template) return { TemplateBody: template.body };
  if ('url' in template) return { TemplateURL: template.url };
  return { UsePreviousTemplate: true };
}

function toParameters(parameters: CreateChangeSetInput['parameters']): Parameter[] | undefined {
  return parameters?.map((parameter) =>
    'usePreviousValue' in parameter ? { ParameterKey: parameter.key, UsePreviousValue: true } : { ParameterKey: parameter.key, ParameterValue: parameter.value },
  );
}

function toStack(stack: Stack): StackDescription {
  return {
    stackId: stack.StackId ?? '',
    stackName: stack.StackName ?? '',
    status: stack.StackStatus ?? 'UNKNOWN',
    ...(stack.StackStatusReason ? { statusReason: stack.StackStatusReason } : {}),
    ...(stack.Description ? { description: stack.Description } : {}),
    createdAt: epoch(stack.CreationTime) ?? 0,
    ...(stack.LastUpdatedTime ? { updatedAt: stack.LastUpdatedTime.getTime() } : {}),
    outputs: (stack.Outputs ?? []).map((output) => ({
      key: output.OutputKey ?? '',
      value: output.OutputValue ?? '',
      ...(output.Description ? { description: output.Description } : {}),
      ...(output.ExportName ? { exportName: output.ExportName } : {}),
    })),
    parameters: (stack.Parameters ?? []).map((parameter) => ({
      key: parameter.ParameterKey ?? '',
      value: parameter.ParameterValue ?? '',
      ...(parameter.ResolvedValue ? { resolvedValue: parameter.ResolvedValue } : {}),
    })),
    capabilities: stack.Capabilities ?? [],
    tags: (stack.Tags ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' })),
  };
}

function toChange(change: Change): ResourceChange | undefined {
  const resource = change.ResourceChange;
  if (!resource) return undefined;
  const replacement = resource.Replacement;
  return {
    action: resource.Action ?? 'Unknown',
    logicalId: resource.LogicalResourceId ?? '',
    ...(resource.PhysicalResourceId ? { physicalId: resource.PhysicalResourceId } : {}),
    resourceType: resource.ResourceType ?? '',
    ...(replacement === 'True' || replacement === 'False' || replacement === 'Conditional' ? { replacement } : {}),
    scope: resource.Scope ?? [],
    ...(resource.PolicyAction ? { policyAction: resource.PolicyAction } : {}),
  };
}

function toEvent(event: SdkStackEvent): StackEvent {
  return {
    eventId: event.EventId ?? '',
    stackId: event.StackId ?? '',
    stackName: event.StackName ?? '',
    logicalId: event.LogicalResourceId ?? '',
    ...(event.PhysicalResourceId ? { physicalId: event.PhysicalResourceId } : {}),
    resourceType: event.ResourceType ?? '',
    status: event.ResourceStatus ?? 'UNKNOWN',
    ...(event.ResourceStatusReason ? { statusReason: event.ResourceStatusReason } : {}),
    timestamp: epoch(event.Timestamp) ?? 0,
  };
}

/**
 * DescribeStacks answers a missing stack with ValidationError "Stack with id X does not exist"
 * (there is no StackNotFound error code in CloudFormation's query API).
 */
function isMissingStack(error: unknown): boolean {
  return isAwsError(error, 'ValidationError') && /does not exist/i.test(error.awsMessage);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** CloudFormationGateway on the AWS SDK v3 (the SDK loads on the first call). */
export class SdkCloudFormationGateway implements CloudFormationGateway {
  private readonly clients: AwsClientPool<Sdk, CloudFormationClient>;

  constructor(settings: AwsClientSettings = {}) {
    this.clients = new AwsClientPool(
      { load: () => import('@aws-sdk/client-cloudformation'), create: (sdk, config) => new sdk.CloudFormationClient(config) },
      settings,
    );
  }

  async describeStack(credentials: AwsCredentials, region: string, stackName: string): Promise<StackDescription | null> {
    try {
      return await this.clients.call(credentials, region, 'DescribeStacks', async (client, sdk) => {
        const out = await client.send(new sdk.DescribeStacksCommand({ StackName: stackName }));
        const stack = out.Stacks?.[0];
        return stack ? toStack(stack) : null;
      });
    } catch (error) {
      if (isMissingStack(error)) return null;
      throw error;
    }
  }

  async createChangeSet(credentials: AwsCredentials, region: string, input: CreateChangeSetInput): Promise<CreateChangeSetResult> {
    try {
      return await this.clients.call(credentials, region, 'CreateChangeSet', async (client, sdk) => {
        const out = await client.send(
          new sdk.CreateChangeSetCommand({
            StackName: input.stackName,
            ChangeSetName: input.changeSetName,
            ChangeSetType: input.changeSetType,
            ...templateFields(input.template),
            Parameters: toParameters(input.parameters),
            Capabilities: input.capabilities ? [...input.capabilities] : undefined,
            Tags: input.tags?.map((tag) => ({ Key: tag.key, Value: tag.value })),
            Description: input.description,
            ClientToken: input.clientToken,
          }),
        );
        return { kind: 'created' as const, changeSetId: out.Id ?? '', stackId: out.StackId ?? '' };
      });
    } catch (error) {
      if (error instanceof AwsCallError && isNoUpdatesError(error.awsCode, error.awsMessage)) {
        return { kind: 'no-changes', message: error.awsMessage };
      }
      throw error;
    }
  }

  describeChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef): Promise<ChangeSetDescription> {
    return this.clients.call(credentials, region, 'DescribeChangeSet', async (client, sdk) => {
      const changes: ResourceChange[] = [];
      let nextToken: string | undefined;
      let first: CloudFormationSdk.DescribeChangeSetCommandOutput | undefined;
      do {
        const page = await client.send(new sdk.DescribeChangeSetCommand({ StackName: ref.stackName, ChangeSetName: ref.changeSetName, NextToken: nextToken }));
        first ??= page;
        changes.push(...(page.Changes ?? []).map(toChange).filter(defined));
        nextToken = page.NextToken;
      } while (nextToken);
      return {
        changeSetId: first.ChangeSetId ?? '',
        changeSetName: first.ChangeSetName ?? ref.changeSetName,
        stackId: first.StackId ?? '',
        stackName: first.StackName ?? ref.stackName,
        status: first.Status ?? 'UNKNOWN',
        ...(first.ExecutionStatus ? { executionStatus: first.ExecutionStatus } : {}),
        ...(first.StatusReason ? { statusReason: first.StatusReason } : {}),
        ...(first.CreationTime ? { createdAt: first.CreationTime.getTime() } : {}),
        changes,
      };
    });
  }

  async waitForChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef, options: WaitOptions = {}): Promise<ChangeSetOutcome> {
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    let interval = options.intervalMs ?? 1_000;
    for (;;) {
      let changeSet: ChangeSetDescription | undefined;
      try {
        changeSet = await this.describeChangeSet(credentials, region, ref);
      } catch (error) {
        // AWS asked us to slow down (after the SDK's own retries): wait longer and ask again.
        if (!(error instanceof AwsCallError && error.throttled)) throw error;
        interval = Math.min(interval * 2, MAX_POLL_INTERVAL_MS);
      }
      if (changeSet && !PENDING_CHANGE_SET.has(changeSet.status)) {
        if (changeSet.status === 'CREATE_COMPLETE') return { kind: 'ready', changeSet };
        if (changeSet.status === 'FAILED' && isNoChangesReason(changeSet.statusReason)) {
          return { kind: 'no-changes', message: changeSet.statusReason ?? '' };
        }
        return { kind: 'failed', changeSet };
      }
      if (Date.now() + interval > deadline) {
        throw new AwsCallError(
          'WaitTimeout',
          `The change set ${ref.changeSetName} of ${ref.stackName} was still ${changeSet?.status ?? 'not described'} after ${Math.round((options.timeoutMs ?? 600_000) / 1000)} s. Look at it in the CloudFormation console, or wait and try again.`,
          { retryable: true },
        );
      }
      await sleep(interval);
    }
  }

  async executeChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef, options: { clientRequestToken?: string; disableRollback?: boolean } = {}): Promise<void> {
    await this.clients.call(credentials, region, 'ExecuteChangeSet', (client, sdk) =>
      client.send(
        new sdk.ExecuteChangeSetCommand({
          StackName: ref.stackName,
          ChangeSetName: ref.changeSetName,
          ClientRequestToken: options.clientRequestToken,
          DisableRollback: options.disableRollback,
        }),
      ),
    );
  }

  async deleteChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef): Promise<void> {
    await this.clients.call(credentials, region, 'DeleteChangeSet', (client, sdk) =>
      client.send(new sdk.DeleteChangeSetCommand({ StackName: ref.stackName, ChangeSetName: ref.changeSetName })),
    );
  }

  async deleteStack(credentials: AwsCredentials, region: string, stackName: string, options: { clientRequestToken?: string; retainResources?: readonly string[] } = {}): Promise<void> {
    await this.clients.call(credentials, region, 'DeleteStack', (client, sdk) =>
      client.send(
        new sdk.DeleteStackCommand({
          StackName: stackName,
          ClientRequestToken: options.clientRequestToken,
          RetainResources: options.retainResources ? [...options.retainResources] : undefined,
        }),
      ),
    );
  }

  describeStackEvents(credentials: AwsCredentials, region: string, stackName: string, options: StackEventsOptions = {}): Promise<StackEvent[]> {
    const maxPages = options.maxPages ?? 10;
    return this.clients.call(credentials, region, 'DescribeStackEvents', async (client, sdk) => {
      const events: StackEvent[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < maxPages; page += 1) {
        const out = await client.send(new sdk.DescribeStackEventsCommand({ StackName: stackName, NextToken: nextToken }));
        for (const event of out.StackEvents ?? []) {
          // AWS returns newest first, so everything after the last seen event is old news.
          if (options.sinceEventId !== undefined && event.EventId === options.sinceEventId) return events;
          events.push(toEvent(event));
        }
        nextToken = out.NextToken;
        if (!nextToken) break;
      }
      return events;
    });
  }

  listStackResources(credentials: AwsCredentials, region: string, stackName: string): Promise<StackResource[]> {
    return this.clients.call(credentials, region, 'ListStackResources', async (client, sdk) => {
      const resources: StackResource[] = [];
      let nextToken: string | undefined;
      do {
        const out = await client.send(new sdk.ListStackResourcesCommand({ StackName: stackName, NextToken: nextToken }));
        for (const summary of out.StackResourceSummaries ?? []) {
          resources.push({
            logicalId: summary.LogicalResourceId ?? '',
            ...(summary.PhysicalResourceId ? { physicalId: summary.PhysicalResourceId } : {}),
            resourceType: summary.ResourceType ?? '',
            status: summary.ResourceStatus ?? 'UNKNOWN',
            ...(summary.ResourceStatusReason ? { statusReason: summary.ResourceStatusReason } : {}),
            updatedAt: epoch(summary.LastUpdatedTimestamp) ?? 0,
          });
        }
        nextToken = out.NextToken;
      } while (nextToken);
      return resources;
    });
  }

  validateTemplate(credentials: AwsCredentials, region: string, template: { body: string } | { url: string }): Promise<TemplateValidation> {
    return this.clients.call(credentials, region, 'ValidateTemplate', async (client, sdk) => {
      const out = await client.send(new sdk.ValidateTemplateCommand('body' in template ? { TemplateBody: template.body } : { TemplateURL: template.url }));
      return {
        ...(out.Description ? { description: out.Description } : {}),
        parameters: (out.Parameters ?? []).map((parameter) => ({
          key: parameter.ParameterKey ?? '',
          ...(parameter.DefaultValue !== undefined ? { defaultValue: parameter.DefaultValue } : {}),
          noEcho: parameter.NoEcho ?? false,
          ...(parameter.Description ? { description: parameter.Description } : {}),
        })),
        capabilities: out.Capabilities ?? [],
        ...(out.CapabilitiesReason ? { capabilitiesReason: out.CapabilitiesReason } : {}),
        declaredTransforms: out.DeclaredTransforms ?? [],
      };
    });
  }

  /** Closes the SDK clients this gateway keeps (app shutdown). */
  destroy(): void {
    this.clients.destroy();
  }
}
