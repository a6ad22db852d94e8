import type { AwsCredentials } from '../domain/aws';
import type {
  ChangeSetDescription,
  StackDescription,
  StackEvent,
  StackResource,
  Tag,
  TemplateValidation,
} from '../domain/cloudformation';

/**
 * Where the template comes from: its text (TemplateBody, at most 51,200 bytes), an S3 URL
 * (TemplateURL, at most 1 MB; see S3Gateway.objectUrl), or the stack's current template (updates).
 */
export type TemplateSource = { body: string } | { url: string } | { usePrevious: true };

/** A parameter value, or "keep what the stack has" (UsePreviousValue, updates only; the way to keep a NoEcho value). */
export type ParameterInput = { key: string; value: string } | { key: string; usePreviousValue: true };

export type Capability = 'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM' | 'CAPABILITY_AUTO_EXPAND';

export interface CreateChangeSetInput {
  stackName: string;
  changeSetName: string;
  /** CREATE for a stack that does not exist yet (it appears as REVIEW_IN_PROGRESS), UPDATE otherwise. */
  changeSetType: 'CREATE' | 'UPDATE';
  template: TemplateSource;
  parameters?: readonly ParameterInput[];
  capabilities?: readonly Capability[];
  tags?: readonly Tag[];
  description?: string;
  /** Makes a retried call idempotent (AWS ClientToken). */
  clientToken?: string;
}

/** The change set name, or its ARN (then `stackName` may be the stack's name or ID). */
export interface ChangeSetRef {
  stackName: string;
  changeSetName: string;
}

/** CloudFormation has nothing to do: the template and parameters match the stack. */
export interface NoChanges {
  kind: 'no-changes';
  /** AWS's words (the FAILED reason or the ValidationError message). */
  message: string;
}

export type CreateChangeSetResult = { kind: 'created'; changeSetId: string; stackId: string } | NoChanges;

/** How waiting for a change set ended. A FAILED change set that only changed nothing is `no-changes`. */
export type ChangeSetOutcome = { kind: 'ready'; changeSet: ChangeSetDescription } | { kind: 'failed'; changeSet: ChangeSetDescription } | NoChanges;

export interface WaitOptions {
  /** First pause between polls; it doubles while AWS throttles. Default 1,000 ms. */
  intervalMs?: number;
  /** Give up (AwsCallError 'WaitTimeout', retryable) after this long. Default 10 minutes. */
  timeoutMs?: number;
}

export interface StackEventsOptions {
  /** Stop at this event: only events newer than it are returned (for polling a running deploy). */
  sinceEventId?: string;
  /** Pages read at most (100 events each); the full history of an old stack is long. Default 10. */
  maxPages?: number;
}

/**
 * AWS CloudFormation as Roledeck uses it, signed with the credentials passed in (a session's).
 * Failures are AwsCallError (RoledeckError AWS_ERROR) with `awsCode`, and `throttled` set when
 * AWS asks to slow down (Throttling, ThrottlingException, TooManyRequestsException, HTTP 429) so
 * callers that poll can back off. "No changes" is never an error: see NoChanges.
 */
export interface CloudFormationGateway {
  /** The stack (outputs included), or null when no stack of that name exists. */
  describeStack(credentials: AwsCredentials, region: string, stackName: string): Promise<StackDescription | null>;
  createChangeSet(credentials: AwsCredentials, region: string, input: CreateChangeSetInput): Promise<CreateChangeSetResult>;
  /** One look at the change set, with every page of its changes. */
  describeChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef): Promise<ChangeSetDescription>;
  /** Polls until the change set is ready, failed, or turned out to change nothing. */
  waitForChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef, options?: WaitOptions): Promise<ChangeSetOutcome>;
  executeChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef, options?: { clientRequestToken?: string; disableRollback?: boolean }): Promise<void>;
  deleteChangeSet(credentials: AwsCredentials, region: string, ref: ChangeSetRef): Promise<void>;
  /** Starts the deletion; watch it with describeStackEvents / describeStack. */
  deleteStack(credentials: AwsCredentials, region: string, stackName: string, options?: { clientRequestToken?: string; retainResources?: readonly string[] }): Promise<void>;
  /** Events newest first, as AWS returns them. */
  describeStackEvents(credentials: AwsCredentials, region: string, stackName: string, options?: StackEventsOptions): Promise<StackEvent[]>;
  listStackResources(credentials: AwsCredentials, region: string, stackName: string): Promise<StackResource[]>;
  validateTemplate(credentials: AwsCredentials, region: string, template: { body: string } | { url: string }): Promise<TemplateValidation>;
}
