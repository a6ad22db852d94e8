import type { MfaPrompt } from '../../../shared/domain/session';
import type { Clipboard } from '../../../shared/ports/clipboard';
import type { Clock } from '../../../shared/ports/clock';
import type { AwsFilesSource } from '../../../shared/ports/aws-files';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import type { MfaPrompter } from '../../../shared/ports/mfa-prompter';
import type { Scheduler } from '../../../shared/ports/scheduler';
import type { SecretStore } from '../../../shared/ports/secret-store';
import type { StsGateway } from '../../../shared/ports/sts-gateway';
import { IpcRouter, type Handlers } from '../ipc/router';
import { ProfileService } from '../profiles/profile.service';
import { MfaBroker } from '../sessions/mfa-broker';
import { RefreshScheduler } from '../sessions/refresh.scheduler';
import { EventRelay } from '../sessions/session-events';
import { SessionCache } from '../sessions/session.cache';
import { SessionService } from '../sessions/session.service';
import { UiMfaPrompter } from '../sessions/ui.mfa-prompter';
import { AwsConfigEditor } from '../aws-files/aws-config.editor';
import { findCliLauncher, type CliLauncher } from '../aws-files/cli-launcher';
import { ClipboardService } from '../clipboard/clipboard.service';
import { SessionWorkService } from '../work/session-work.service';
import { AppInfoService, type RuntimeDescription } from './app-info.service';

/** An MFA prompt nobody answers is closed after this, so waiting callers get an answer. */
export const MFA_PROMPT_TIMEOUT_MS = 5 * 60_000;

/** The ports a host (Electron main, the CLI, the test host) supplies. */
export interface Ports {
  secrets: SecretStore;
  store: DocumentStore;
  sts: StsGateway;
  awsFiles: AwsFilesSource;
  clock: Clock;
  /** Timers for session refresh and MFA prompt timeouts. */
  scheduler: Scheduler;
  /**
   * Who is asked for MFA codes. Absent (the app, the browser test host): the UI, through router
   * events ('mfa.prompt') and the 'mfa.*' channels. The CLI does not use these services' prompter.
   */
  mfaPrompter?: MfaPrompter;
  /** The system clipboard (the Electron app); absent where there is none (CLI). */
  clipboard?: Clipboard;
  /** Finds the `roledeck` CLI for credential_process lines; default: on this process's PATH. */
  cliLauncher?: () => Promise<CliLauncher>;
  logger: Logger;
  runtime: RuntimeDescription;
}

/** What a host hooks into, beyond the router's events. */
export interface ServiceHooks {
  /** A prompt opened: Electron main raises the window and shows an OS notification. */
  onMfaPrompt?: (prompt: MfaPrompt) => void;
}

export interface Services {
  appInfo: AppInfoService;
  secrets: SecretStore;
  profiles: ProfileService;
  sessions: SessionService;
  /** The UI side of MFA prompts: pending prompts, answers and cancels from the renderer. */
  mfaPrompts: UiMfaPrompter;
  /** Electron main calls `refresh.recheck()` on powerMonitor 'resume'. */
  refresh: RefreshScheduler;
  /** Events services emit; createRouter connects it to the router. */
  events: EventRelay;
  /** Copy exports to the clipboard, install credential_process profiles. */
  work: SessionWorkService;
}

/**
 * Hand-wired composition: plain classes taking ports, no container, no singletons. Services are
 * built before the router that carries their events, so they emit into a relay the router is
 * connected to afterwards (createRouter); until then events are dropped.
 */
export function createServices(ports: Ports, hooks: ServiceHooks = {}): Services {
  const events = new EventRelay();
  const profiles = new ProfileService(ports.store, ports.secrets, ports.clock, ports.logger, ports.awsFiles, events);
  const mfaPrompts = new UiMfaPrompter(events, hooks.onMfaPrompt ? { onPrompt: hooks.onMfaPrompt } : {});
  const broker = new MfaBroker(ports.mfaPrompter ?? mfaPrompts, ports.clock, {
    scheduler: ports.scheduler,
    promptTimeoutMs: MFA_PROMPT_TIMEOUT_MS,
  });
  const sessions = new SessionService({
    profiles,
    store: ports.store,
    sts: ports.sts,
    cache: new SessionCache(ports.secrets, ports.logger),
    broker,
    clock: ports.clock,
    logger: ports.logger,
    events,
  });
  return {
    appInfo: new AppInfoService(ports.runtime),
    secrets: ports.secrets,
    profiles,
    sessions,
    mfaPrompts,
    refresh: new RefreshScheduler(sessions, ports.scheduler, ports.clock, events, ports.logger),
    events,
    work: new SessionWorkService({
      sessions,
      profiles,
      clipboard: ports.clipboard ? new ClipboardService(ports.clipboard, ports.scheduler, ports.clock, ports.logger) : undefined,
      configEditor: () => new AwsConfigEditor({ clock: ports.clock, logger: ports.logger }),
      cliLauncher: ports.cliLauncher ?? (() => findCliLauncher()),
    }),
  };
}

export function createHandlers(services: Services): Handlers {
  const { profiles, sessions, mfaPrompts } = services;
  return {
    'app.info': () => services.appInfo.info(),
    'keychain.status': () => services.secrets.status(),
    'profiles.list': async () => ({ profiles: await profiles.list() }),
    'profiles.addUser': (input) => profiles.addUser(input),
    'profiles.addRole': (input) => profiles.addRole(input),
    'profiles.updateUser': (input) => profiles.updateUser(input),
    'profiles.updateRole': (input) => profiles.updateRole(input),
    'profiles.remove': async ({ name }) => {
      await profiles.remove(name);
      return { removed: true as const };
    },
    'profiles.importPreview': ({ moveKeys }) => profiles.previewImport(moveKeys),
    'profiles.importApply': ({ moveKeys }) => profiles.applyImport(moveKeys),
    'sessions.list': () => sessions.list(),
    'sessions.copyExport': ({ profileId, format }) => services.work.copyExport(profileId, format),
    'sessions.installCliProfile': ({ profileId, awsProfile, force }) => services.work.installCliProfile(profileId, { awsProfile, force }),
    'sessions.start': ({ profileId }) => sessions.start(profileId),
    'sessions.refresh': ({ profileId }) => sessions.refresh(profileId),
    'sessions.end': async ({ profileId }) => {
      await sessions.end(profileId);
      return { ended: true as const };
    },
    'sessions.setActive': ({ profileId }) => sessions.setActive(profileId),
    'sessions.testAccess': ({ profileId }) => sessions.testAccess(profileId),
    'mfa.pending': () => ({ prompts: mfaPrompts.pending() }),
    'mfa.answer': ({ promptId, code }) => {
      mfaPrompts.answer(promptId, code);
      return { accepted: true as const };
    },
    'mfa.cancel': ({ promptId }) => {
      mfaPrompts.cancel(promptId);
      return { cancelled: true as const };
    },
    'settings.get': () => profiles.settings(),
    'settings.update': (changes) => profiles.updateSettings(changes),
  };
}

/**
 * The router with every service behind it, events connected, and the refresh scheduler running
 * (it loads sessions the keychain holds and keeps them fresh). Hosts call `services.refresh.stop()`
 * when they shut down.
 */
export function createRouter(ports: Ports, hooks: ServiceHooks = {}): { router: IpcRouter; services: Services } {
  const services = createServices(ports, hooks);
  const router = new IpcRouter(createHandlers(services), ports.logger);
  services.events.connect(router);
  services.refresh.start();
  return { router, services };
}
