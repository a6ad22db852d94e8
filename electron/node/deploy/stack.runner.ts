import type { AwsCredentials } from '../../../shared/domain/aws';
import type { DeployOperation } from '../../../shared/domain/deploy';
import type { DeployOutcome, DeployTarget } from '../../../shared/domain/deploy-flow';
import { describeFailure } from '../../../shared/logic/cloudformation-progress';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFormationGateway } from '../../../shared/ports/cloudformation-gateway';
import type { DeployRunBoard, RunListener } from './deploy-run.board';
import type { DeployTargetResolver } from './deploy-target.resolver';
import type { StackWatcher } from './stack.watcher';

export interface RunSpec {
  runId: string;
  target: DeployTarget;
  stackName: string;
  stackId: string;
  operation: DeployOperation;
  /** Resources the operation touches, for the progress bar. */
  total: number;
  /** What the history counts as this run's changes. */
  changeCount: number;
  /** The credentials the target was resolved with, used again while they have time left. */
  credentials?: AwsCredentials;
  /** Event IDs read just before (the change set's review); read here when absent. */
  baseline?: readonly string[];
}

/** How a run went, and when its stack operation started (the history's duration counts from there). */
export type RunResult = DeployOutcome & { startedAt: number };

/**
 * Runs one stack operation (execute a change set, delete a stack) and follows it to the end:
 * fresh session credentials, the events already there set aside, the operation started, its
 * events streamed (board events for the window, `listener` for the CLI), then the outcome with
 * the outputs of a stack that succeeded. An AWS error on the way ends the run as failed on the
 * board and is thrown on.
 */
export class StackRunner {
  constructor(
    private readonly deps: {
      resolver: DeployTargetResolver;
      cloudformation: CloudFormationGateway;
      watcher: StackWatcher;
      board: DeployRunBoard;
      clock: Clock;
    },
  ) {}

  async run(spec: RunSpec, start: (credentials: AwsCredentials) => Promise<void>, listener?: RunListener): Promise<RunResult> {
    const { cloudformation, board, clock } = this.deps;
    const { region } = spec.target;
    const credentials = await this.deps.resolver.credentials(spec.target, spec.credentials);
    const baseline = spec.baseline ?? (await cloudformation.describeStackEvents(credentials, region, spec.stackId, { maxPages: 1 })).map((event) => event.eventId);
    const startedAt = clock.now();
    board.start({ runId: spec.runId, target: spec.target, stackName: spec.stackName, operation: spec.operation, startedAt, total: spec.total });
    const base = { runId: spec.runId, operation: spec.operation, stackName: spec.stackName, stackId: spec.stackId, changeCount: spec.changeCount, startedAt };
    try {
      await start(credentials);
      const { progress } = await this.deps.watcher.watch({
        credentials,
        region,
        stackId: spec.stackId,
        stackName: spec.stackName,
        total: spec.total,
        baseline,
        onUpdate: (events, update) => {
          board.update(spec.runId, events, update);
          listener?.({ events, progress: update });
        },
      });
      const succeeded = progress.phase === 'succeeded';
      const stack = succeeded && spec.operation !== 'delete' ? await cloudformation.describeStack(credentials, region, spec.stackId) : null;
      const outcome: RunResult = {
        ...base,
        status: succeeded ? 'succeeded' : 'failed',
        ...(progress.stackStatus ? { finalStatus: progress.stackStatus } : {}),
        outputs: stack?.outputs ?? [],
        ...(progress.failure ? { failure: progress.failure, failureText: describeFailure(progress.failure) } : {}),
        ...(progress.rollback ? { rollback: progress.rollback } : {}),
        durationMs: Math.max(0, clock.now() - startedAt),
      };
      board.finish(spec.runId, outcome, progress);
      return outcome;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      board.finish(spec.runId, { ...base, status: 'failed', outputs: [], failureText: message, durationMs: Math.max(0, clock.now() - startedAt) });
      throw error;
    }
  }
}
