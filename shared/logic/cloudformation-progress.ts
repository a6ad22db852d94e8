import type { DeployFailure, DeployPhase, DeployProgress, StackEvent } from '../domain/deploy-events';

/**
 * Where a deploy stands, computed from the stack events seen so far (oldest first). Stack
 * statuses from the CloudFormation API reference (Stack.StackStatus) and "Stack status codes".
 */

const SUCCEEDED = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'DELETE_COMPLETE', 'IMPORT_COMPLETE']);
const ROLLED_BACK = new Set(['ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);
const ROLLBACK_FAILED = new Set(['ROLLBACK_FAILED', 'UPDATE_ROLLBACK_FAILED', 'IMPORT_ROLLBACK_FAILED']);
const ROLLING_BACK = new Set([
  'ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'IMPORT_ROLLBACK_IN_PROGRESS',
]);

export interface StackStatusClass {
  phase: DeployPhase;
  /** CloudFormation will not change the stack further on its own: stop polling. */
  terminal: boolean;
  rollback?: 'in-progress' | 'complete' | 'failed';
}

/**
 * Success is a `…_COMPLETE` that is not a rollback; failure is any `…_FAILED` or a completed
 * rollback. `UPDATE_COMPLETE_CLEANUP_IN_PROGRESS` is not terminal yet: the waiters of
 * `aws cloudformation deploy` also wait for UPDATE_COMPLETE.
 */
export function classifyStackStatus(status: string): StackStatusClass {
  if (SUCCEEDED.has(status)) return { phase: 'succeeded', terminal: true };
  if (ROLLED_BACK.has(status)) return { phase: 'failed', terminal: true, rollback: 'complete' };
  if (ROLLBACK_FAILED.has(status)) return { phase: 'failed', terminal: true, rollback: 'failed' };
  if (status.endsWith('_FAILED')) return { phase: 'failed', terminal: true };
  if (ROLLING_BACK.has(status)) return { phase: 'rolling-back', terminal: false, rollback: 'in-progress' };
  return { phase: 'in-progress', terminal: false };
}

export function isTerminalStackStatus(status: string): boolean {
  return classifyStackStatus(status).terminal;
}

/** A resource that reached one of these is done, for the progress bar. */
const RESOURCE_DONE = /_(COMPLETE|FAILED|SKIPPED)$/;
/** Resources CloudFormation stopped because another one failed: not the cause. */
const CANCELLED = /cancell?ed/i;

export interface ProgressOptions {
  /** The deployed stack's name (events of nested stacks carry other names). */
  stackName: string;
  /** Resources this operation touches: the template's count for a create, the change count for an update. */
  total: number;
}

function isStackItself(event: StackEvent, stackName: string): boolean {
  return event.stackName === stackName && event.logicalId === stackName && event.resourceType === 'AWS::CloudFormation::Stack';
}

const isNestedStack = (event: StackEvent) => event.resourceType === 'AWS::CloudFormation::Stack';

/** "…failed to create: [Queue, Topic]." → ['Queue', 'Topic'] */
function namesInReason(reason: string): string[] {
  const list = /failed to (?:create|update|delete): \[([^\]]*)\]/.exec(reason)?.[1];
  return list ? list.split(',').map((name) => name.trim()).filter(Boolean) : [];
}

/**
 * The first resource of `stackId`'s events that really failed; for a nested stack, the failure
 * inside it when its events are among `events`, otherwise the names its reason gives.
 */
function firstFailureIn(events: readonly StackEvent[], own: (event: StackEvent) => boolean, depth: number): DeployFailure | undefined {
  const failed = events.find(
    (event) => own(event) && event.status.endsWith('_FAILED') && !CANCELLED.test(event.statusReason ?? ''),
  );
  if (!failed) return undefined;
  const reason = failed.statusReason ?? failed.status;
  if (isNestedStack(failed) && failed.physicalId && depth < 5) {
    const nestedId = failed.physicalId;
    const inner = firstFailureIn(
      events,
      (event) => event.stackId === nestedId && !(event.physicalId === nestedId && isNestedStack(event)),
      depth + 1,
    );
    if (inner) return { ...inner, path: [failed.logicalId, ...inner.path] };
    const names = namesInReason(reason);
    return {
      path: names.length === 1 ? [failed.logicalId, names[0]!] : [failed.logicalId],
      resourceType: failed.resourceType,
      status: failed.status,
      reason,
      nestedStackId: nestedId,
    };
  }
  return { path: [failed.logicalId], resourceType: failed.resourceType, status: failed.status, reason };
}

/** The stack's own failing event (moto only has those): the failure with an empty path. */
function stackFailure(events: readonly StackEvent[], stackName: string): DeployFailure | undefined {
  const event = events.find(
    (candidate) =>
      isStackItself(candidate, stackName) &&
      classifyStackStatus(candidate.status).phase !== 'in-progress' &&
      classifyStackStatus(candidate.status).phase !== 'succeeded' &&
      candidate.statusReason,
  );
  return event
    ? { path: [], resourceType: event.resourceType, status: event.status, reason: event.statusReason ?? event.status }
    : undefined;
}

/** Progress, phase, rollback and the first real failure, from every event of this deploy so far. */
export function deployProgress(events: readonly StackEvent[], options: ProgressOptions): DeployProgress {
  const { stackName, total } = options;
  let stackStatus: string | undefined;
  const done = new Set<string>();
  for (const event of events) {
    if (event.stackName !== stackName) continue;
    if (isStackItself(event, stackName)) stackStatus = event.status;
    else if (RESOURCE_DONE.test(event.status)) done.add(event.logicalId);
  }
  const status = stackStatus ? classifyStackStatus(stackStatus) : { phase: 'in-progress' as const, terminal: false };
  const rootId = events.find((event) => isStackItself(event, stackName))?.stackId;
  const own = (event: StackEvent) =>
    event.stackName === stackName && !isStackItself(event, stackName) && (rootId === undefined || event.stackId === rootId);
  const failure =
    status.phase === 'failed' || status.phase === 'rolling-back'
      ? (firstFailureIn(events, own, 0) ?? stackFailure(events, stackName))
      : undefined;
  const completed = done.size;
  const fraction = status.terminal ? 1 : total > 0 ? Math.min(completed / total, 0.99) : 0;
  return {
    phase: status.phase,
    ...(stackStatus ? { stackStatus } : {}),
    completed,
    total,
    fraction,
    ...(failure ? { failure } : {}),
    ...('rollback' in status && status.rollback ? { rollback: status.rollback } : {}),
  };
}

/** One line for the history and the CLI: "Bucket (AWS::S3::Bucket) CREATE_FAILED: reason". */
export function describeFailure(failure: DeployFailure): string {
  const where = failure.path.length > 0 ? `${failure.path.join(' › ')} (${failure.resourceType})` : 'Stack';
  return `${where} ${failure.status}: ${failure.reason}`;
}
