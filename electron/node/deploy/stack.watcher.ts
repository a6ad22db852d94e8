import { AwsCallError } from '../../../shared/domain/aws-call-error';
import type { AwsCredentials } from '../../../shared/domain/aws';
import type { DeployProgress, StackEvent } from '../../../shared/domain/deploy-events';
import { StackEventMerger } from '../../../shared/logic/cloudformation-events';
import { afterPoll, nextPollDelay, type PollState } from '../../../shared/logic/cloudformation-poll';
import { classifyStackStatus, deployProgress } from '../../../shared/logic/cloudformation-progress';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFormationGateway } from '../../../shared/ports/cloudformation-gateway';

export interface WatchInput {
  credentials: AwsCredentials;
  region: string;
  /** The stack's ARN: a deleted stack answers by ARN only ("Stack with id X does not exist" by name). */
  stackId: string;
  stackName: string;
  /** Resources this operation touches, for the progress bar. */
  total: number;
  /** Event IDs that were there before the operation started: never shown as this run's. */
  baseline: readonly string[];
  /** Called with each poll's new events (oldest first) and the progress they make. */
  onUpdate: (events: StackEvent[], progress: DeployProgress) => void;
}

export interface WatchResult {
  events: StackEvent[];
  progress: DeployProgress;
}

/** A stack operation may take hours (a database); past this the watch stops and says where to look. */
const WATCH_LIMIT_MS = 6 * 3600_000;

/** Polls in a row that may fail with a 5xx or no answer (each after the SDK's retries) before the watch gives up: about 3 minutes of backoff. */
export const MAX_FAILED_POLLS_IN_A_ROW = 8;

/**
 * Follows a running stack operation through DescribeStackEvents until the stack reaches a final
 * status: new events in order, each once (StackEventMerger), polling at once, then every 250 ms
 * easing to 2 s, and backing off with jitter while AWS throttles or fails transiently (nextPollDelay). Asking only for
 * events newer than the newest one seen keeps each poll to one page.
 */
export class StackWatcher {
  constructor(
    private readonly deps: {
      cloudformation: CloudFormationGateway;
      clock: Clock;
      wait: (ms: number) => Promise<void>;
      random: () => number;
    },
  ) {}

  async watch(input: WatchInput): Promise<WatchResult> {
    const { cloudformation, clock, wait, random } = this.deps;
    const merger = new StackEventMerger({ baseline: input.baseline });
    const events: StackEvent[] = [];
    let newest = input.baseline[0];
    let state: PollState = { polls: 0, throttles: 0 };
    let failuresInARow = 0;
    let progress = deployProgress(events, { stackName: input.stackName, total: input.total });
    const deadline = clock.now() + WATCH_LIMIT_MS;
    for (;;) {
      let throttled = false;
      try {
        const page = await cloudformation.describeStackEvents(input.credentials, input.region, input.stackId, {
          ...(newest !== undefined ? { sinceEventId: newest } : {}),
        });
        newest = page[0]?.eventId ?? newest;
        const fresh = merger.merge(page);
        if (fresh.length > 0) {
          events.push(...fresh);
          progress = deployProgress(events, { stackName: input.stackName, total: input.total });
          input.onUpdate(fresh, progress);
        }
        failuresInARow = 0;
      } catch (error) {
        // Throttling ("Rate exceeded"), a 5xx or no answer after the SDK's own retries: the stack
        // keeps running in AWS whatever happens to one poll, so slow down and keep watching rather
        // than leave the person with no outcome. Events already shown are never shown again
        // (StackEventMerger), so a poll that resumes after a gap adds only what is new.
        if (!(error instanceof AwsCallError && error.retryable)) throw error;
        failuresInARow += 1;
        // A throttle is AWS saying "later"; a 5xx or network failure that persists is an outage,
        // and after this many polls in a row the person hears about it instead of a silent wait.
        if (!error.throttled && failuresInARow > MAX_FAILED_POLLS_IN_A_ROW) throw error;
        throttled = true;
      }
      if (progress.stackStatus !== undefined && classifyStackStatus(progress.stackStatus).terminal) {
        return this.withNestedFailure(input, events, progress);
      }
      if (clock.now() > deadline) {
        throw new AwsCallError(
          'WaitTimeout',
          `${input.stackName} was still ${progress.stackStatus ?? 'running'} after ${WATCH_LIMIT_MS / 3600_000} hours. Follow it in the CloudFormation console.`,
          { retryable: true },
        );
      }
      const delay = nextPollDelay({ polls: state.polls, throttles: throttled ? state.throttles + 1 : 0 }, random());
      state = afterPoll(state, { throttled });
      await wait(delay);
    }
  }

  /**
   * A nested stack's own events are not among its parent's: the parent only says "Embedded stack
   * … was not successfully created". When the first failure is inside a nested stack, its events
   * are read (a few levels deep) so the failure names the nested resource and its reason.
   */
  private async withNestedFailure(input: WatchInput, events: StackEvent[], progress: DeployProgress): Promise<WatchResult> {
    let current = progress;
    for (let depth = 0; depth < 3 && current.failure?.nestedStackId; depth += 1) {
      const nestedId = current.failure.nestedStackId;
      let nested: StackEvent[];
      try {
        nested = await this.deps.cloudformation.describeStackEvents(input.credentials, input.region, nestedId, { maxPages: 2 });
      } catch {
        // The parent's words already name the nested stack; its events are a bonus.
        break;
      }
      const added = nested.filter((event) => !events.some((seen) => seen.eventId === event.eventId)).reverse();
      if (added.length === 0) break;
      events.push(...added);
      current = deployProgress(events, { stackName: input.stackName, total: input.total });
    }
    return { events, progress: current };
  }
}
