import type { MfaPrompter } from '../../../shared/ports/mfa-prompter';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { Scheduler } from '../../../shared/ports/scheduler';
import type { Ports, Shared } from '../app/composition';
import { AuditRecorder } from '../audit/audit-recorder';
import { AccessTester } from './access.tester';
import { ChainResolver } from './chain.resolver';
import type { DocumentStore } from '../../../shared/ports/document-store';
import { MfaBroker } from './mfa-broker';
import { ProcessMfaPrompter } from './process.mfa-prompter';
import { RefreshScheduler } from './refresh.scheduler';
import { KeySessionRecord } from './key-session.record';
import { SessionBoard } from './session.board';
import { SessionService } from './session.service';

/** An MFA prompt nobody answers is closed after this, so waiting callers get an answer. */
export const MFA_PROMPT_TIMEOUT_MS = 5 * 60_000;

/**
 * Sessions over the shared cache, needing profiles only through the ProfileDirectory port.
 * `prompter` asks for MFA codes (the UI, or the terminal). With a scheduler, a prompt nobody
 * answers closes after MFA_PROMPT_TIMEOUT_MS (the app); a CLI process passes none and waits for
 * the person at its terminal.
 */
export function createSessions(
  ports: Pick<Ports, 'store' | 'sts' | 'clock' | 'logger'> & { scheduler?: Scheduler | undefined },
  shared: Shared,
  needs: { profiles: ProfileDirectory; prompter: MfaPrompter },
): SessionService {
  const { clock, logger, sts } = ports;
  const cache = shared.sessionCache;
  const broker = new MfaBroker(needs.prompter, clock, ports.scheduler ? { scheduler: ports.scheduler, promptTimeoutMs: MFA_PROMPT_TIMEOUT_MS } : {});
  const board = new SessionBoard({ cache, clock, events: shared.events, logger, record: new KeySessionRecord({ store: ports.store, clock, logger }) });
  const audit = new AuditRecorder({ audit: shared.audit, clock, logger });
  const resolver = new ChainResolver({ profiles: needs.profiles, sts, cache, broker, clock, board, audit });
  const tester = new AccessTester({ resolver, board, sts, clock, logger });
  return new SessionService({ profiles: needs.profiles, store: ports.store, resolver, board, tester });
}

/** Keeps live sessions fresh in a long-running host (the app); `start()` it once events have a listener. */
export function createRefresh(ports: Pick<Ports, 'scheduler' | 'clock' | 'logger'>, shared: Shared, sessions: SessionService): RefreshScheduler {
  return new RefreshScheduler(sessions, ports.scheduler, ports.clock, shared.events, ports.logger);
}

/**
 * The prompter a host asks through, behind each device's MFA process (the `mfaProcesses` setting,
 * or one command for every device from `--mfa-process`): where a command is configured, its code
 * is used first, and the person is asked only without one.
 */
export function withMfaProcess(
  prompter: MfaPrompter,
  store: DocumentStore,
  options: { command?: string | undefined; onStderr?: (text: string) => void } = {},
): MfaPrompter {
  return new ProcessMfaPrompter(prompter, {
    commandFor: async (deviceSerial) => options.command ?? (await store.read()).settings.mfaProcesses?.[deviceSerial],
    ...(options.onStderr ? { onStderr: options.onStderr } : {}),
  });
}
