import type { DeployRun, DeployRunStatus } from '../../../shared/domain/deploy';
import type { DeployTarget } from '../../../shared/domain/deploy-flow';
import { deployAuditEntry, deployHistory, isDeployAction } from '../../../shared/logic/cloudformation-history';
import { finishDeployRun } from '../../../shared/logic/cloudformation-recipe';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import { recordAudit } from '../audit/record-audit';

/** What the journal needs to know of a run that ended. */
export interface FinishedRun {
  runId: string;
  target: DeployTarget;
  stackName: string;
  stackId?: string | undefined;
  operation: DeployRun['operation'];
  startedAt: number;
  changeCount: number;
  finalStatus?: string | undefined;
  failure?: string | undefined;
}

/**
 * The deploy history, kept in the audit log with everything else Roledeck did: one entry per run
 * that ended (status, duration, change count, the identity that ran it), read back per profile.
 * A log that cannot be written is logged, never turned into a failed deploy (recordAudit).
 */
export class DeployJournal {
  constructor(private readonly deps: { audit: AuditLog; clock: Clock; logger: Logger }) {}

  async record(run: FinishedRun, status: Exclude<DeployRunStatus, 'running'>): Promise<void> {
    const { target } = run;
    const started: DeployRun = {
      id: run.runId,
      profileId: target.profileId,
      operation: run.operation,
      stackName: run.stackName,
      ...(run.stackId ? { stackId: run.stackId } : {}),
      region: target.region,
      accountId: target.accountId,
      identityArn: target.identityArn,
      status: 'running',
      startedAt: run.startedAt,
      changeCount: run.changeCount,
    };
    const finished = finishDeployRun(started, {
      status,
      endedAt: this.deps.clock.now(),
      ...(run.finalStatus ? { finalStatus: run.finalStatus } : {}),
      ...(run.failure ? { failure: run.failure } : {}),
    });
    await recordAudit(this.deps.audit, this.deps.logger, deployAuditEntry(finished, target.customer));
  }

  /** The profile's runs, newest first. */
  async list(profileId: string): Promise<DeployRun[]> {
    const entries = await this.deps.audit.list({ profileId });
    return deployHistory(entries.filter((entry) => isDeployAction(entry.action)));
  }
}
