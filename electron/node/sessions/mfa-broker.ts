import { randomUUID } from 'node:crypto';
import { RoledeckError } from '../../../shared/contract/errors';
import type { MfaPrompt } from '../../../shared/domain/session';
import { MFA_CODE_REUSE_WINDOW_MS } from '../../../shared/logic/session-timing';
import type { Clock } from '../../../shared/ports/clock';
import type { MfaPrompter } from '../../../shared/ports/mfa-prompter';
import type { Scheduler } from '../../../shared/ports/scheduler';
import { AwsCallError } from '../../../shared/domain/aws-call-error';

/** What a code is needed for. Callers with the same `operationKey` share one prompt and one AWS call. */
export interface MfaRequest {
  /** e.g. `mfa-session/<userProfileId>` or `assume/<roleProfileId>`: the operation that uses the code. */
  operationKey: string;
  deviceSerial: string;
  /** The profile the person asked for (shown in the prompt). */
  profileName: string;
  /** For people: "to start an MFA session for consultant (12 h)". */
  reason: string;
  /** Called once, just before the first prompt opens (not when `reuse` made the prompt unnecessary). */
  onPrompting?: () => void;
}

export interface MfaSteps<T> {
  /**
   * Checked when this operation's turn on the device comes, before prompting: what another
   * caller (or process) obtained meanwhile. Return undefined to prompt.
   */
  reuse?: () => Promise<T | undefined>;
  /** Calls AWS with the code. A rejected code must surface as AwsCallError AccessDenied "MultiFactorAuthentication failed…". */
  use: (code: string) => Promise<T>;
}

export interface MfaBrokerOptions {
  maxAttempts?: number;
  /** Closes a prompt nobody answers, so callers (credential_process, a refresh) are not held forever. */
  promptTimeoutMs?: number;
  scheduler?: Scheduler;
  newId?: () => string;
}

export const CODE_REUSED_PROBLEM = 'That code was just used. Wait for the next code on your device (codes change every 30 seconds).';
export const CODE_REJECTED_PROBLEM = 'That code was not accepted by AWS. Enter the code your device shows now.';
const SERIAL_PROBLEM =
  'AWS could not check that code against the MFA device. Enter the code your device shows now; if this keeps happening, check that the MFA device ARN in the profile is the one assigned to the IAM user.';

const MFA_REJECTION = /MultiFactorAuthentication failed/i;

/** Whether AWS refused the code itself (as opposed to the trust policy, the keys, the network). */
export function isCodeRejection(error: unknown): error is AwsCallError {
  return error instanceof AwsCallError && error.awsCode === 'AccessDenied' && MFA_REJECTION.test(error.message);
}

interface Operation {
  key: string;
  waiting: number;
  promise: Promise<unknown>;
  prompt?: MfaPrompt;
}

interface UsedCode {
  code: string;
  at: number;
  what: string;
}

/**
 * One prompt per MFA device at a time, answered once for every caller waiting on it.
 *
 * De-duplication is per *operation* (obtaining the MFA session of one user, assuming one role),
 * not per device: a TOTP code is accepted by AWS once, so two different operations on one device
 * need two codes. The second waits for the first to finish, then prompts, saying why.
 */
export class MfaBroker {
  private readonly operations = new Map<string, Operation>();
  /** Tail of each device's queue: operations on one device run one after another. */
  private readonly deviceQueues = new Map<string, Promise<unknown>>();
  /** Per device, the last code AWS took, held in memory only and never logged. */
  private readonly lastUsed = new Map<string, UsedCode>();
  private readonly maxAttempts: number;
  private readonly newId: () => string;

  constructor(
    private readonly prompter: MfaPrompter,
    private readonly clock: Clock,
    private readonly options: MfaBrokerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.newId = options.newId ?? randomUUID;
  }

  /**
   * Runs `steps` with a code for `request.deviceSerial`, or joins the same operation already in
   * flight. `waiters` is how many callers this call stands for (shown as `waiting` in the prompt).
   */
  run<T>(request: MfaRequest, steps: MfaSteps<T>, waiters = 1): Promise<T> {
    const existing = this.operations.get(request.operationKey);
    if (existing) {
      this.join(request.operationKey, waiters);
      return existing.promise as Promise<T>;
    }
    const operation: Operation = { key: request.operationKey, waiting: waiters, promise: Promise.resolve() };
    const promise = this.onDevice(request.deviceSerial, () => this.execute(operation, request, steps)).finally(() => {
      this.operations.delete(request.operationKey);
    });
    operation.promise = promise;
    this.operations.set(request.operationKey, operation);
    return promise;
  }

  /** More callers wait on an operation in flight; an open prompt shows the new count. */
  join(operationKey: string, waiters = 1): void {
    const operation = this.operations.get(operationKey);
    if (!operation) return;
    operation.waiting += waiters;
    if (operation.prompt) {
      operation.prompt = { ...operation.prompt, waiting: operation.waiting };
      this.prompter.update?.(operation.prompt);
    }
  }

  private onDevice<T>(device: string, work: () => Promise<T>): Promise<T> {
    const previous = this.deviceQueues.get(device) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.deviceQueues.set(device, tail);
    void tail.then(() => {
      if (this.deviceQueues.get(device) === tail) this.deviceQueues.delete(device);
    });
    return result;
  }

  private async execute<T>(operation: Operation, request: MfaRequest, steps: MfaSteps<T>): Promise<T> {
    const reused = await steps.reuse?.();
    if (reused !== undefined) return reused;

    const device = request.deviceSerial;
    const recent = this.lastUsed.get(device);
    // Another operation on this device just took a code: the person must wait for the next one.
    let problem =
      recent && this.clock.now() - recent.at < 30_000
        ? `A code from this device was just used ${recent.what}. Wait for the next code on your device (codes change every 30 seconds).`
        : undefined;
    let lastRejection: AwsCallError | undefined;
    request.onPrompting?.();

    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const code = await this.ask(operation, request, attempt, problem);
      if (!/^\d{6}$/.test(code)) {
        problem = 'An MFA code is the 6 digits your device shows.';
        continue;
      }
      const used = this.lastUsed.get(device);
      if (used && used.code === code && this.clock.now() - used.at < MFA_CODE_REUSE_WINDOW_MS) {
        problem = CODE_REUSED_PROBLEM;
        continue;
      }
      try {
        const result = await steps.use(code);
        this.lastUsed.set(device, { code, at: this.clock.now(), what: request.reason });
        return result;
      } catch (error) {
        if (!isCodeRejection(error)) {
          // AWS answered about something else (trust policy, keys): it may still have consumed the code.
          if (error instanceof AwsCallError && error.awsCode !== 'NetworkError') {
            this.lastUsed.set(device, { code, at: this.clock.now(), what: request.reason });
          }
          throw error;
        }
        lastRejection = error;
        problem = used && used.code === code ? CODE_REUSED_PROBLEM : /unable to validate/i.test(error.message) ? SERIAL_PROBLEM : CODE_REJECTED_PROBLEM;
      }
    }
    throw new AwsCallError(
      'AccessDenied',
      `AWS did not accept ${this.maxAttempts} MFA codes in a row for ${request.profileName}. Check that the MFA device in the profile (${device}) is the one assigned to the IAM user, and that the device's clock is right, then try again.`,
      { cause: lastRejection },
    );
  }

  private async ask(operation: Operation, request: MfaRequest, attempt: number, problem: string | undefined): Promise<string> {
    const prompt: MfaPrompt = {
      id: this.newId(),
      deviceSerial: request.deviceSerial,
      profileName: request.profileName,
      reason: request.reason,
      attempt,
      ...(problem ? { problem } : {}),
      waiting: operation.waiting,
      requestedAt: this.clock.now(),
    };
    operation.prompt = prompt;
    const controller = new AbortController();
    const { scheduler, promptTimeoutMs } = this.options;
    const cancelTimer =
      scheduler && promptTimeoutMs ? scheduler.setTimer(() => controller.abort(), promptTimeoutMs) : () => undefined;
    try {
      return (await this.prompter.ask(prompt, controller.signal)).trim();
    } catch (error) {
      if (controller.signal.aborted) {
        throw new RoledeckError('MFA_CANCELLED', `No MFA code was entered for ${request.profileName} in time. Start it again when your device is at hand.`);
      }
      throw error;
    } finally {
      cancelTimer();
      delete operation.prompt;
    }
  }
}
