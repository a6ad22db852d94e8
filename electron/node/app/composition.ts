import type { AuditTrail } from '../../../shared/ports/audit-log';
import type { AwsFilesSource } from '../../../shared/ports/aws-files';
import type { Clipboard } from '../../../shared/ports/clipboard';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFormationGateway } from '../../../shared/ports/cloudformation-gateway';
import type { CloudFrontGateway } from '../../../shared/ports/cloudfront-gateway';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { IamGateway } from '../../../shared/ports/iam-gateway';
import type { Logger } from '../../../shared/ports/logger';
import type { MfaPrompter } from '../../../shared/ports/mfa-prompter';
import type { S3Gateway } from '../../../shared/ports/s3-gateway';
import type { Scheduler } from '../../../shared/ports/scheduler';
import type { SecretStore } from '../../../shared/ports/secret-store';
import type { StsGateway } from '../../../shared/ports/sts-gateway';
import type { FederationGateway } from '../../../shared/ports/federation-gateway';
import type { UrlOpener } from '../../../shared/ports/url-opener';
import { DocumentStoreAuditLog } from '../audit/document-store.audit-log';
import type { CliLauncher } from '../aws-files/cli-launcher';
import { EventRelay } from '../ipc/event-relay';
import { SessionCache } from '../sessions/session.cache';
import type { RuntimeDescription } from './app-info.service';

/**
 * What every host's wiring starts from: the ports a host supplies, and the few parts the features
 * of one process share. Each feature has its own factory module beside its services
 * (`profiles/profiles.factory.ts`, `sessions/sessions.factory.ts`, `work/work.factory.ts`), taking
 * only the ports it uses: Electron main and the browser preview host build every feature
 * (services.ts); the CLI builds the few a command needs, on first use, and so loads nothing else.
 * Plain classes, no container, no singletons.
 */

/** The ports a host supplies (electron/node/app/node-ports.ts has the production adapters). */
export interface Ports {
  secrets: SecretStore;
  store: DocumentStore;
  sts: StsGateway;
  /** Test deploys: change sets, stack events, deletes. */
  cloudformation: CloudFormationGateway;
  /** CloudFront signing setup: public keys, key groups, the distributions that trust them. */
  cloudfront: CloudFrontGateway;
  /** Templates over 51,200 bytes (deploys), template uploads and presigned links (onboarding). */
  s3: S3Gateway;
  /** Our own side of onboarding: the policy simulator, who we are. */
  iam: IamGateway;
  awsFiles: AwsFilesSource;
  clock: Clock;
  /** Timers for session refresh and MFA prompt timeouts. */
  scheduler: Scheduler;
  /**
   * Waits between polls of a running deploy. Default: a real timer that keeps the process alive
   * (the scheduler's are unref'd, and a CLI waiting on one would simply exit).
   */
  pause?: (ms: number) => Promise<void>;
  /**
   * Who is asked for MFA codes. Absent (the app, the browser preview host): the UI, through router
   * events ('mfa.prompt') and the 'mfa.*' channels. The CLI asks on the terminal.
   */
  mfaPrompter?: MfaPrompter;
  /** Opens URLs (console sign-in) in the default browser; default: the system's opener. The browser preview records them. */
  urlOpener?: UrlOpener;
  /** Console sign-in's getSigninToken; default: HTTPS to the federation endpoint. */
  federation?: FederationGateway;
  /** The system clipboard (the Electron app); absent where there is none (CLI). */
  clipboard?: Clipboard;
  /** Finds the `roledeck` CLI for credential_process lines; default: `bundledCli`, else on this process's PATH. */
  cliLauncher?: () => Promise<CliLauncher>;
  /** The `roledeck` executable the packaged app carries (resources/cli); absent where there is none. */
  bundledCli?: string;
  /**
   * The audit log: `auditTrailIn(home, store, logger)` (the file in the data folder). Absent (unit
   * tests' fake ports): kept in the store document.
   */
  audit?: AuditTrail;
  /**
   * The data folder the profile store lives in, when the host knows it: a credential_process line
   * names it with --home unless it is the default one the CLI finds by itself.
   */
  home?: string;
  logger: Logger;
  runtime: RuntimeDescription;
}

/** What several features of one process share. */
export interface Shared {
  /** Where services emit; the router is connected to it once it exists (a CLI connects nothing). */
  events: EventRelay;
  /** Sessions read and write it; profile edits invalidate through it (the SessionInvalidator port). */
  sessionCache: SessionCache;
  audit: AuditTrail;
}

export function createShared(ports: Pick<Ports, 'secrets' | 'store' | 'logger'> & Pick<Partial<Ports>, 'audit'>): Shared {
  return {
    events: new EventRelay(),
    sessionCache: new SessionCache(ports.secrets, ports.logger),
    audit: ports.audit ?? new DocumentStoreAuditLog(ports.store),
  };
}
