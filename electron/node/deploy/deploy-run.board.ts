import type { DeployOutcome, DeployRunView, DeployTarget } from '../../../shared/domain/deploy-flow';
import type { DeployOperation } from '../../../shared/domain/deploy';
import type { DeployProgress, StackEvent } from '../../../shared/domain/deploy-events';
import { deployProgress } from '../../../shared/logic/cloudformation-progress';
import type { EventSink } from '../../../shared/ports/event-sink';

/** What a caller that follows a run itself (the CLI) is told, besides the contract events. */
export type RunListener = (update: { events: StackEvent[]; progress: DeployProgress }) => void;

/**
 * The run in flight (or the one that just ended), for a window that opens the Deploy section in
 * the middle of it, and the contract events that stream it: 'deploy.started' once,
 * 'deploy.event' with each poll's new events, 'deploy.progress' with the progress, and with the
 * outcome at the end.
 */
export class DeployRunBoard {
  private current: DeployRunView | null = null;

  constructor(private readonly events: EventSink) {}

  start(run: { runId: string; target: DeployTarget; stackName: string; operation: DeployOperation; startedAt: number; total: number }): void {
    const { total, ...rest } = run;
    this.current = { ...rest, events: [], progress: deployProgress([], { stackName: run.stackName, total }) };
    this.events.emit('deploy.started', this.current);
  }

  update(runId: string, fresh: StackEvent[], progress: DeployProgress): void {
    if (this.current?.runId !== runId) return;
    this.current = { ...this.current, events: [...this.current.events, ...fresh], progress };
    this.events.emit('deploy.event', { runId, events: fresh });
    this.events.emit('deploy.progress', { runId, progress });
  }

  finish(runId: string, outcome: DeployOutcome, progress?: DeployProgress): void {
    if (this.current?.runId !== runId) return;
    this.current = { ...this.current, progress: progress ?? this.current.progress, outcome };
    this.events.emit('deploy.progress', { runId, progress: this.current.progress, outcome });
  }

  snapshot(): DeployRunView | null {
    return this.current;
  }
}
