import { RoledeckError } from '../../../shared/contract/errors';
import { redactText } from '../../../shared/logic/redact';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../../../shared/logic/session-timing';
import { formatClockTime, type ClockFormat } from '../../../shared/logic/time-left';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import type { Scheduler } from '../../../shared/ports/scheduler';
import { AwsCallError } from '../../../shared/domain/aws-call-error';
import type { EventSink } from '../../../shared/ports/event-sink';
import type { SessionStatus } from '../../../shared/logic/session-state';
import type { ScheduledSession } from './session.board';

/** What the scheduler drives: the session service, seen through the few calls it needs. */
export interface RefreshTarget {
  scheduled(): ScheduledSession[];
  /** Refreshes without asking anybody; throws MFA_REQUIRED when only a code would do. */
  renew(profileId: string): Promise<void>;
  setStatus(profileId: string, status: SessionStatus | null): void;
  notifyChanged(): void;
  onChange(listener: () => void): () => void;
  hydrate(): Promise<void>;
}

export interface RefreshSchedulerOptions {
  /** How long before a refresh that needs MFA the person is warned. */
  warnAheadMs?: number;
  /** The wall-clock check interval; a gap much longer than this means the machine slept. */
  tickMs?: number;
  backoff?: BackoffOptions;
  /** In [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
  clockFormat?: ClockFormat;
}

type Action = 'refresh' | 'needs-mfa' | 'expired';

interface Retry {
  attempt: number;
  nextAt: number;
}

/**
 * Keeps live sessions fresh: refreshes each at its refreshAt (lead before expiry, or half-life for
 * short sessions), backs off with jitter after a failure until the session expires, and never
 * prompts on its own — a refresh that needs an MFA code is announced ahead of time
 * ('sessions.warning') and then waits for the person ('needs-mfa').
 *
 * Timers are only hints: every timer re-reads the clock. A laptop that slept fires them late (or
 * the tick notices the wall clock jumped), and `recheck()` (Electron's powerMonitor 'resume')
 * re-plans everything from the real time.
 */
export class RefreshScheduler {
  private readonly timers = new Map<string, () => void>();
  private readonly retries = new Map<string, Retry>();
  private readonly running = new Set<string>();
  /** `${profileId}@${expiresAt}` announced as expired; `${device}@${time}` warned about. */
  private readonly announced = new Set<string>();
  private readonly warned = new Set<string>();
  private readonly warnAheadMs: number;
  private readonly tickMs: number;
  private readonly random: () => number;
  private cancelTick: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastTick = 0;
  private planning = false;
  private planAgain = false;

  constructor(
    private readonly target: RefreshTarget,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly events: EventSink,
    private readonly logger: Logger,
    private readonly options: RefreshSchedulerOptions = {},
  ) {
    this.warnAheadMs = options.warnAheadMs ?? 10 * 60_000;
    this.tickMs = options.tickMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** Starts watching: loads sessions other processes cached, plans timers, starts the wall-clock tick. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.target.onChange(() => this.reschedule());
    this.lastTick = this.clock.now();
    this.cancelTick = this.scheduler.setTimer(this.tick, this.tickMs);
    this.target.hydrate().then(
      () => this.reschedule(),
      (error: unknown) => this.logger.warn('could not load cached sessions at start', { error }),
    );
    this.reschedule();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancelTick?.();
    this.cancelTick = null;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  /** After sleep/resume or a clock change: re-plan from the real time (expire, refresh, warn now). */
  recheck(): void {
    this.lastTick = this.clock.now();
    this.reschedule();
  }

  private readonly tick = (): void => {
    const now = this.clock.now();
    const elapsed = now - this.lastTick;
    this.lastTick = now;
    if (elapsed > 2 * this.tickMs || elapsed < 0) {
      this.logger.info('the wall clock jumped; re-checking sessions', { elapsedMs: elapsed });
      this.reschedule();
    }
    this.cancelTick = this.scheduler.setTimer(this.tick, this.tickMs);
  };

  private reschedule(): void {
    if (this.planning) {
      this.planAgain = true;
      return;
    }
    this.planning = true;
    try {
      do {
        this.planAgain = false;
        this.plan();
      } while (this.planAgain);
    } finally {
      this.planning = false;
    }
  }

  private plan(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    const now = this.clock.now();
    const sessions = this.target.scheduled();
    const wake = new Map<string, number>();
    const soonest = (profileId: string, at: number) => wake.set(profileId, Math.min(wake.get(profileId) ?? Infinity, at));

    for (const session of sessions) {
      const decision = this.decide(session, now);
      if (decision.nextAt !== undefined) soonest(session.view.profileId, decision.nextAt);
    }
    for (const [profileId, at] of this.warnings(sessions, now)) soonest(profileId, at);
    for (const [profileId, at] of wake) {
      this.timers.set(profileId, this.scheduler.setTimer(() => this.fire(profileId), Math.max(0, at - now)));
    }
  }

  /** What is due for one session now (`action`) and when to look at it next. */
  private decide(session: ScheduledSession, now: number): { action?: Action; nextAt?: number } {
    const { view } = session;
    const { expiresAt, refreshAt } = view;
    if (expiresAt === undefined || refreshAt === undefined) return {};
    if (view.state === 'refreshing' || this.running.has(view.profileId)) return now >= expiresAt ? {} : { nextAt: expiresAt };
    if (now >= expiresAt) {
      // Expired while nobody could refresh it (the machine slept): one unattended attempt, unless
      // it needs a code or refreshing already failed (retries stop at expiry).
      if (session.mfaDevice === undefined && !this.retries.has(view.profileId) && view.state !== 'failed') {
        return { action: 'refresh', nextAt: now };
      }
      return this.announced.has(`${view.profileId}@${expiresAt}`) ? {} : { action: 'expired', nextAt: now };
    }
    if (session.mfaDevice !== undefined) {
      if (now < refreshAt) return { nextAt: refreshAt };
      return view.state === 'needs-mfa' || view.state === 'failed' ? { nextAt: expiresAt } : { action: 'needs-mfa', nextAt: now };
    }
    // A renewal found it needs a code after all (its source session was ended meanwhile): wait for
    // the person, as for any session that needs MFA, instead of trying again at once.
    if (view.state === 'needs-mfa') return { nextAt: expiresAt };
    const retry = this.retries.get(view.profileId);
    const due = retry ? retry.nextAt : refreshAt;
    // Retries stop at expiry: the session then reads 'failed' with the reason until someone acts.
    if (due >= expiresAt) return { nextAt: expiresAt };
    return now >= due ? { action: 'refresh', nextAt: now } : { nextAt: due };
  }

  private fire(profileId: string): void {
    this.timers.delete(profileId);
    const now = this.clock.now();
    const session = this.target.scheduled().find((entry) => entry.view.profileId === profileId);
    const decision = session ? this.decide(session, now) : {};
    switch (decision.action) {
      case 'refresh':
        void this.runRefresh(profileId);
        return;
      case 'needs-mfa':
        this.target.setStatus(profileId, { state: 'needs-mfa' });
        break;
      case 'expired':
        this.announced.add(`${profileId}@${session!.view.expiresAt}`);
        this.target.notifyChanged();
        break;
      default:
        break;
    }
    this.reschedule();
  }

  private async runRefresh(profileId: string): Promise<void> {
    this.running.add(profileId);
    this.target.setStatus(profileId, { state: 'refreshing' });
    try {
      await this.target.renew(profileId);
      const after = this.target.scheduled().find((entry) => entry.view.profileId === profileId)?.view;
      if (after?.refreshAt !== undefined && after.refreshAt <= this.clock.now()) {
        // AWS handed out a session this clock already considers due: refreshing again at once would
        // hammer STS. Usually the computer's clock is wrong.
        this.failed(profileId, {
          code: 'ClockSkew',
          message: 'AWS returned a session that this computer’s clock already counts as ending. Check that the clock is set automatically.',
        });
        return;
      }
      this.retries.delete(profileId);
    } catch (error) {
      if (error instanceof RoledeckError && error.code === 'MFA_REQUIRED') {
        this.retries.delete(profileId);
        this.target.setStatus(profileId, { state: 'needs-mfa' });
      } else {
        this.logger.warn('background refresh failed', { profileId, error });
        this.failed(profileId, errorOf(error));
      }
    } finally {
      this.running.delete(profileId);
      this.reschedule();
    }
  }

  private failed(profileId: string, error: { code: string; message: string }): void {
    const attempt = (this.retries.get(profileId)?.attempt ?? 0) + 1;
    const delay = backoffDelay(attempt, this.random(), this.options.backoff ?? DEFAULT_BACKOFF);
    this.retries.set(profileId, { attempt, nextAt: this.clock.now() + delay });
    this.target.setStatus(profileId, { state: 'failed', error });
  }

  /**
   * Warnings ahead of refreshes that need MFA, one per device: "acme-prod will need an MFA code at
   * 17:45". Emits the due ones; returns when to look again for the others.
   */
  private warnings(sessions: ScheduledSession[], now: number): Array<[string, number]> {
    const byDevice = new Map<string, ScheduledSession[]>();
    for (const session of sessions) {
      const { expiresAt, refreshAt } = session.view;
      if (session.mfaDevice === undefined || expiresAt === undefined || refreshAt === undefined || now >= expiresAt) continue;
      // Roles renewed from this MFA session are warned about when *they* need the code.
      if (session.hasDependents) continue;
      byDevice.set(session.mfaDevice, [...(byDevice.get(session.mfaDevice) ?? []), session]);
    }
    const later: Array<[string, number]> = [];
    for (const [device, group] of byDevice) {
      const candidates = group.sort((a, b) => a.view.refreshAt! - b.view.refreshAt!);
      const first = candidates[0]!;
      const at = first.view.refreshAt!;
      const key = `${device}@${at}`;
      if (this.warned.has(key)) continue;
      if (now < at - this.warnAheadMs) {
        later.push([first.view.profileId, at - this.warnAheadMs]);
        continue;
      }
      this.warned.add(key);
      const others = candidates.length - 1;
      const more = others > 0 ? ` (and ${others} other session${others === 1 ? '' : 's'})` : '';
      const time = (epoch: number) => formatClockTime(epoch, this.options.clockFormat ?? {});
      const message =
        at > now
          ? `${first.view.profileName}${more} will need an MFA code at ${time(at)}.`
          : `${first.view.profileName}${more} needs an MFA code to keep working after ${time(first.view.expiresAt!)}.`;
      this.events.emit('sessions.warning', { profileId: first.view.profileId, profileName: first.view.profileName, message, at });
    }
    return later;
  }
}

function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof AwsCallError) return { code: error.awsCode, message: redactText(error.message) };
  if (error instanceof RoledeckError) return { code: error.code, message: redactText(error.message) };
  return { code: 'INTERNAL', message: 'The refresh hit an internal error. Details are in the log.' };
}
