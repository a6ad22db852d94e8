import { DeployRunSchema, type DeployOperation, type DeployRun } from '../domain/deploy';
import type { AuditEntry } from '../ports/audit-log';

/**
 * The deploy history lives in the audit log (which identity did what, kept with every other
 * action): one entry per finished run, its facts readable again as a DeployRun. Entries that do
 * not read back (written by another version, cut short) are left out of the history, never shown
 * half.
 */

const ACTION_PREFIX = 'deploy-';

/** 'deploy-create', 'deploy-update', 'deploy-delete'. */
export function deployAction(operation: DeployOperation): string {
  return `${ACTION_PREFIX}${operation}`;
}

export function isDeployAction(action: string): boolean {
  return action.startsWith(ACTION_PREFIX);
}

function sentence(run: DeployRun): string {
  const where = `${run.stackName} in ${run.accountId} (${run.region})`;
  const took = run.durationMs === undefined ? '' : ` in ${Math.max(1, Math.round(run.durationMs / 1000))} s`;
  switch (run.status) {
    case 'succeeded':
      return `${where}: ${run.finalStatus ?? 'complete'}${took}, ${run.changeCount} change${run.changeCount === 1 ? '' : 's'}.`;
    case 'no-changes':
      return `${where}: up to date, nothing to change.`;
    case 'kept':
      return `${where}: change set created and kept, not executed.`;
    case 'cancelled':
      return `${where}: change set discarded, nothing changed.`;
    default:
      return `${where}: ${run.finalStatus ?? run.status}${took}.`;
  }
}

/** The audit entry for a finished run: the failure (or a sentence) as detail, the rest as facts. */
export function deployAuditEntry(run: DeployRun, customer?: string): AuditEntry {
  const facts: Record<string, string | number> = {
    runId: run.id,
    stackName: run.stackName,
    region: run.region,
    accountId: run.accountId,
    status: run.status,
    startedAt: run.startedAt,
    changeCount: run.changeCount,
  };
  if (run.stackId !== undefined) facts.stackId = run.stackId;
  if (run.endedAt !== undefined) facts.endedAt = run.endedAt;
  if (run.durationMs !== undefined) facts.durationMs = run.durationMs;
  if (run.finalStatus !== undefined) facts.finalStatus = run.finalStatus;
  return {
    at: run.endedAt ?? run.startedAt,
    action: deployAction(run.operation),
    profileId: run.profileId,
    ...(customer ? { customer } : {}),
    identity: run.identityArn,
    result: run.status === 'failed' ? 'failed' : 'ok',
    detail: run.failure ?? sentence(run),
    facts,
  };
}

/** A deploy entry read back as a run, or undefined when it does not hold one. */
export function deployRunOf(entry: AuditEntry): DeployRun | undefined {
  if (!isDeployAction(entry.action) || !entry.facts) return undefined;
  const { runId, ...facts } = entry.facts;
  const parsed = DeployRunSchema.safeParse({
    ...facts,
    id: runId,
    profileId: entry.profileId,
    operation: entry.action.slice(ACTION_PREFIX.length),
    identityArn: entry.identity,
    ...(entry.result === 'failed' && entry.detail ? { failure: entry.detail } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

/** The runs among audit entries (oldest first, as the log keeps them), newest first. */
export function deployHistory(entries: readonly AuditEntry[]): DeployRun[] {
  // Reversed before the stable sort, so runs that started in the same millisecond stay newest first.
  return [...entries]
    .reverse()
    .map(deployRunOf)
    .filter((run): run is DeployRun => run !== undefined)
    .sort((a, b) => b.startedAt - a.startedAt);
}
