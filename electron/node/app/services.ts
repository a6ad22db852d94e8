import type { MfaPrompt } from '../../../shared/domain/session';
import { createDeploy } from '../deploy/deploy.factory';
import { createDeployHandlers } from '../deploy/deploy.ipc';
import type { DeployService } from '../deploy/deploy.service';
import type { SecretStore } from '../../../shared/ports/secret-store';
import type { EventRelay } from '../ipc/event-relay';
import { IpcRouter, type Handlers } from '../ipc/router';
import type { AwsImportService } from '../profiles/aws-import.service';
import { createAwsImport, createPlaintextKeys, createProfiles, createSettings } from '../profiles/profiles.factory';
import type { PlaintextKeysService } from '../profiles/plaintext-keys.service';
import type { ProfileService } from '../profiles/profile.service';
import { createProfileHandlers } from '../profiles/profiles.ipc';
import type { SettingsService } from '../profiles/settings.service';
import type { RefreshScheduler } from '../sessions/refresh.scheduler';
import type { SessionService } from '../sessions/session.service';
import { createRefresh, createSessions, withMfaProcess } from '../sessions/sessions.factory';
import { createConsole } from '../console/console.factory';
import { createConsoleHandlers } from '../console/console.ipc';
import type { ConsoleSigninService } from '../console/console-signin.service';
import { createSessionHandlers } from '../sessions/sessions.ipc';
import { UiMfaPrompter } from '../sessions/ui.mfa-prompter';
import type { SessionWorkService } from '../work/session-work.service';
import { createWork } from '../work/work.factory';
import { createWorkHandlers } from '../work/work.ipc';
import { createAppHandlers } from './app.ipc';
import { AppInfoService } from './app-info.service';
import { createShared, type Ports } from './composition';
import type { CustomerService } from '../customers/customer.service';
import { createCustomers } from '../customers/customers.factory';
import { createCustomerHandlers } from '../customers/customers.ipc';
import { createAudit } from '../audit/audit.factory';
import { createAuditHandlers } from '../audit/audit.ipc';
import type { AuditService } from '../audit/audit.service';
import { createCloudFront, createCloudFrontUpload, type CloudFrontServices } from '../cloudfront/cloudfront.factory';
import type { CloudFrontUploadService } from '../cloudfront/cloudfront-upload.service';
import { createCloudFrontHandlers } from '../cloudfront/cloudfront.ipc';
import { WorkerPoolSigner } from '../cloudfront/sign-worker-pool';
import { createOnboarding, type OnboardingServices } from '../onboarding/onboarding.factory';
import { createOnboardingHandlers } from '../onboarding/onboarding.ipc';
import type { StoreService } from '../store/store.service';
import { createStore } from '../store/store.factory';
import { createStoreHandlers } from '../store/store.ipc';
import { createCliInstall } from '../cli-install/cli-install.factory';
import { createCliInstallHandlers } from '../cli-install/cli-install.ipc';
import type { CliInstallService } from '../cli-install/cli-install.service';

export type { Ports } from './composition';

/** What a host hooks into, beyond the router's events. */
export interface ServiceHooks {
  /** A prompt opened: Electron main raises the window and shows an OS notification. */
  onMfaPrompt?: (prompt: MfaPrompt) => void;
}

/** Every service of a host with a window (Electron main, the browser preview host). */
export interface Services {
  appInfo: AppInfoService;
  secrets: SecretStore;
  profiles: ProfileService;
  settings: SettingsService;
  awsImport: AwsImportService;
  /** Takes plaintext keys out of ~/.aws/credentials once the keychain holds them. */
  plaintextKeys: PlaintextKeysService;
  sessions: SessionService;
  /** The UI side of MFA prompts: pending prompts, answers and cancels from the renderer. */
  mfaPrompts: UiMfaPrompter;
  /** Electron main calls `refresh.recheck()` on powerMonitor 'resume'. */
  refresh: RefreshScheduler;
  /** Events services emit; createRouter connects it to the router. */
  events: EventRelay;
  /** Copy exports to the clipboard, install credential_process profiles. */
  work: SessionWorkService;
  /** Test deploys: change sets, live events, deletes, recipes and their history. */
  deploy: DeployService;
  customers: CustomerService;
  /** The store's health and Start over. */
  store: StoreService;
  /** Customer onboarding: setups, artefacts, quick-create links, closing the loop, verify all. */
  onboarding: OnboardingServices;
  /** Puts the app's `roledeck` command on PATH, and says where it is. */
  cliInstall: CliInstallService;
  /** CloudFront keys, signing and the inspector. */
  cloudfront: CloudFrontServices;
  /** Uploads public keys to key groups with a profile's session; which distributions trust which key groups. */
  cloudfrontUpload: CloudFrontUploadService;
  /** The audit log for the Audit view: filtered entries, the chain's state, exports. */
  audit: AuditService;
  /** Signs batches on two worker threads; hosts close it when they shut down. */
  cloudfrontSigner: WorkerPoolSigner;
  /** Opens the AWS console as a role profile (sessions.openConsole, the tray). */
  console: ConsoleSigninService;
}

/**
 * The whole graph for a host with a window, from each feature's factory. Services are
 * built before the router that carries their events, so they emit into a relay the router is
 * connected to afterwards (createRouter); until then events are dropped.
 */
export function createServices(ports: Ports, hooks: ServiceHooks = {}): Services {
  const shared = createShared(ports);
  const profiles = createProfiles(ports, shared);
  const settings = createSettings(ports, shared);
  const mfaPrompts = new UiMfaPrompter(shared.events, hooks.onMfaPrompt ? { onPrompt: hooks.onMfaPrompt } : {});
  // Where a device has an MFA process (a hardware token's CLI), its code comes before any dialog.
  const sessions = createSessions(ports, shared, { profiles, prompter: withMfaProcess(ports.mfaPrompter ?? mfaPrompts, ports.store) });
  // Two workers: the signing budget was measured with two on a two-core machine (test/bench).
  const cloudfrontSigner = new WorkerPoolSigner({ size: 2 });
  const customers = createCustomers(ports, shared);
  const cloudfront = createCloudFront(ports, shared, { signer: cloudfrontSigner });
  return {
    appInfo: new AppInfoService(ports.runtime),
    secrets: ports.secrets,
    profiles,
    settings,
    awsImport: createAwsImport(ports, shared),
    plaintextKeys: createPlaintextKeys(ports, shared, { profiles }),
    sessions,
    mfaPrompts,
    refresh: createRefresh(ports, shared, sessions),
    events: shared.events,
    work: createWork(ports, { sessions, profiles, settings, audit: shared.audit }),
    deploy: createDeploy(ports, shared, { profiles, sessions }),
    customers,
    store: createStore(ports, shared),
    onboarding: createOnboarding(ports, shared, { customers, profiles, sessions, audit: shared.audit }),
    cliInstall: createCliInstall(ports),
    cloudfront,
    cloudfrontUpload: createCloudFrontUpload(ports, { keys: cloudfront.keys, sessions, profiles }),
    cloudfrontSigner,
    console: createConsole(ports, shared, { profiles, sessions }),
    audit: createAudit(ports, shared),
  };
}

/** Every channel of the contract, merged from each feature's `<feature>.ipc.ts`. */
export function createHandlers(services: Services): Handlers {
  return {
    ...createAppHandlers(services),
    ...createProfileHandlers(services),
    ...createSessionHandlers(services),
    ...createWorkHandlers(services),
    ...createDeployHandlers(services),
    ...createCustomerHandlers(services),
    ...createStoreHandlers(services),
    ...createOnboardingHandlers(services),
    ...createCliInstallHandlers(services),
    ...createCloudFrontHandlers(services),
    ...createConsoleHandlers(services),
    ...createAuditHandlers(services),
  };
}

/**
 * The router with every service behind it, events connected, and the refresh scheduler running
 * (it loads sessions the keychain holds and keeps them fresh). Hosts call `services.refresh.stop()`
 * and `services.cloudfrontSigner.close()` when they shut down.
 */
export function createRouter(ports: Ports, hooks: ServiceHooks = {}): { router: IpcRouter; services: Services } {
  const services = createServices(ports, hooks);
  const router = new IpcRouter(createHandlers(services), ports.logger);
  services.events.connect(router);
  services.refresh.start();
  return { router, services };
}
