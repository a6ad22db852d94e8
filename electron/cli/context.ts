import { systemClock } from '../../shared/ports/clock';
import type { DocumentStore } from '../../shared/ports/document-store';
import type { AuditTrail } from '../../shared/ports/audit-log';
import type { Logger } from '../../shared/ports/logger';
import type { SecretStore } from '../../shared/ports/secret-store';
import type { Shared } from '../node/app/composition';
import type { DeployService } from '../node/deploy/deploy.service';
import type { CloudFrontServices } from '../node/cloudfront/cloudfront.factory';
import type { CloudFrontUploadService } from '../node/cloudfront/cloudfront-upload.service';
import { resolveAppHome } from '../node/app/app-home';
import { StreamLogger } from '../node/log/console.logger';
import type { CustomerService } from '../node/customers/customer.service';
import type { OnboardingServices } from '../node/onboarding/onboarding.factory';
import type { AwsImportService } from '../node/profiles/aws-import.service';
import type { PlaintextKeysService } from '../node/profiles/plaintext-keys.service';
import type { ProfileService } from '../node/profiles/profile.service';
import type { SettingsService } from '../node/profiles/settings.service';
import type { SessionService } from '../node/sessions/session.service';
import type { ConsoleSigninService } from '../node/console/console-signin.service';
import type { CliIo } from './io/terminal';

/**
 * What a command needs, built lazily with the app's own factories (each feature's `<feature>.factory.ts`):
 * `roledeck --help` touches nothing, the keychain is opened only by commands that use it, and the
 * native keyring module, the AWS SDK and the factories themselves load on first use.
 */
export interface CliContext {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  secrets(): Promise<SecretStore>;
  store(): Promise<DocumentStore>;
  profiles(): Promise<ProfileService>;
  /** Imports ~/.aws, found as the AWS SDKs find it in this process's environment. */
  awsImport(): Promise<AwsImportService>;
  /** Takes plaintext keys off disk; the credential_process lines name this very CLI. */
  plaintextKeys(): Promise<PlaintextKeysService>;
  /**
   * Where this command's MFA codes come from besides the devices' settings (`--mfa-process`,
   * `--mfa-code`). A command sets it after parsing, before it first calls `sessions()`.
   */
  mfa: { process?: string; code?: string };
  /** Sessions over the keychain cache the app shares; MFA codes from a device's process, else asked on the terminal. */
  sessions(): Promise<SessionService>;
  /** The settings the app shows too (a CLI process announces no change: the app rereads the store). */
  settings(): Promise<SettingsService>;
  /** Console sign-in with session credentials from the running app or the keychain (sessionFor). */
  console(): Promise<ConsoleSigninService>;
  /** Test deploys, with session credentials from the running app or the keychain (sessionFor). */
  deploy(): Promise<DeployService>;
  /** CloudFront keys, signing (on this thread: a CLI signs once and exits) and the inspector. */
  cloudfront(): Promise<CloudFrontServices>;
  /** Uploads public keys to CloudFront with a profile's session (MFA asked on the terminal). */
  cloudfrontUpload(): Promise<CloudFrontUploadService>;
  /** Customers in the profile store; a CLI process announces no changes (the app rereads the store). */
  customers(): Promise<CustomerService>;
  /** Customer onboarding over the customers, profiles and sessions above, with the SDK's STS, S3 and IAM. */
  onboarding(): Promise<OnboardingServices>;
  /** The audit log file, with the store's earlier history moved into it on first use. */
  audit(): Promise<AuditTrail>;
}

function once<T>(factory: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= factory());
}

export function createCliContext(io: CliIo, env: NodeJS.ProcessEnv = process.env): CliContext {
  const logger = new StreamLogger((line) => io.stderr(line), env.ROLEDECK_LOG_LEVEL === 'debug' ? 'debug' : 'warn');
  const secrets = once(async () => {
    const [{ KeyringSecretStore }, { stampSessionWrites }] = await Promise.all([import('../node/keychain/keyring.secret-store'), import('../node/sessions/session-stamp')]);
    // Every session written or deleted here tells the quick path's kept answers (session-stamp.ts).
    return stampSessionWrites(new KeyringSecretStore(), resolveAppHome(env));
  });
  const store = once(async () => {
    const { EncryptedFileDocumentStore } = await import('../node/store/encrypted-file.document-store');
    return new EncryptedFileDocumentStore({ home: resolveAppHome(env), secrets: await secrets(), logger });
  });
  const audit = once(async () => (await import('../node/audit/audit.factory')).auditTrailIn(resolveAppHome(env), await store(), logger));
  const ports = async () => ({ secrets: await secrets(), store: await store(), audit: await audit(), clock: systemClock, logger });
  // Nobody listens to events in a CLI process: the app learns of what the CLI cached from the keychain.
  const shared = once(async (): Promise<Shared> => {
    const { createShared } = await import('../node/app/composition');
    return createShared(await ports());
  });
  const profiles = once(async () => {
    const { createProfiles } = await import('../node/profiles/profiles.factory');
    return createProfiles(await ports(), await shared());
  });
  const settings = once(async () => {
    const { createSettings } = await import('../node/profiles/profiles.factory');
    return createSettings(await ports(), await shared());
  });
  const awsImport = once(async () => {
    const [{ createAwsImport }, { AwsFilesReader }] = await Promise.all([import('../node/profiles/profiles.factory'), import('../node/aws-files/aws-files.reader')]);
    return createAwsImport({ ...(await ports()), awsFiles: new AwsFilesReader({ env }) }, await shared());
  });
  const plaintextKeys = once(async () => {
    const [{ createPlaintextKeys }, { AwsFilesReader }, path] = await Promise.all([
      import('../node/profiles/profiles.factory'),
      import('../node/aws-files/aws-files.reader'),
      import('node:path'),
    ]);
    // As `config install` writes it: absolute paths, so the SDK runs it from anywhere with any PATH.
    const command = [process.execPath, process.argv[1] ? path.resolve(process.argv[1]) : 'roledeck'];
    return createPlaintextKeys({ ...(await ports()), awsFiles: new AwsFilesReader({ env }) }, await shared(), { profiles: await profiles() }, {
      env,
      ...(env.ROLEDECK_HOME ? { home: path.resolve(env.ROLEDECK_HOME) } : {}),
      cliLauncher: async () => ({ command, found: true }),
    });
  });
  const sts = once(async () => new (await import('../node/aws/sts.gateway')).SdkStsGateway());
  const mfa: CliContext['mfa'] = {};
  const sessions = once(async () => {
    const [{ createSessions, withMfaProcess }, { TerminalMfaPrompter, terminalLineReader }, { GivenCodeMfaPrompter }] = await Promise.all([
      import('../node/sessions/sessions.factory'),
      import('../node/sessions/terminal.mfa-prompter'),
      import('../node/sessions/process.mfa-prompter'),
    ]);
    // --mfa-code first, then the device's process (its stderr straight to ours), then the terminal.
    const terminal = withMfaProcess(new TerminalMfaPrompter(() => terminalLineReader(io.stdinIsTty)), await store(), {
      command: mfa.process,
      onStderr: (text) => io.stderr(text),
    });
    // No scheduler: an MFA prompt on the terminal waits for the person there.
    return createSessions({ ...(await ports()), sts: await sts() }, await shared(), {
      profiles: await profiles(),
      prompter: mfa.code === undefined ? terminal : new GivenCodeMfaPrompter(mfa.code),
    });
  });
  const consoleSignin = once(async () => {
    const [{ createConsole }, { sessionFor }] = await Promise.all([import('../node/console/console.factory'), import('./session-source')]);
    // The running app's session (its one MFA prompt) when there is one, else the keychain's.
    const credentials = async (profileRef: string) => {
      const { accessKeyId, secretAccessKey, sessionToken, expiresAt } = await sessionFor(context, profileRef, 'console');
      return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(expiresAt !== undefined ? { expiresAt } : {}) };
    };
    return createConsole(await ports(), await shared(), { profiles: await profiles(), sessions: { credentials } });
  });
  const cloudfront = once(async () => {
    const [{ createCloudFront }, { inThreadSigner }] = await Promise.all([import('../node/cloudfront/cloudfront.factory'), import('../node/cloudfront/policy-signer')]);
    return createCloudFront(await ports(), await shared(), { signer: inThreadSigner });
  });
  const cloudfrontUpload = once(async () => {
    const [{ createCloudFrontUpload }, { SdkCloudFrontGateway }] = await Promise.all([import('../node/cloudfront/cloudfront.factory'), import('../node/aws/cloudfront.gateway')]);
    const [session, { keys }, profileService] = await Promise.all([sessions(), cloudfront(), profiles()]);
    return createCloudFrontUpload({ cloudfront: new SdkCloudFrontGateway() }, { keys, sessions: session, profiles: profileService });
  });
  
  const customers = once(async () => {
    const { createCustomers } = await import('../node/customers/customers.factory');
    return createCustomers(await ports(), await shared());
  });
  const onboarding = once(async () => {
    const [{ createOnboarding }, { SdkS3Gateway }, { SdkIamGateway }] = await Promise.all([
      import('../node/onboarding/onboarding.factory'),
      import('../node/aws/s3.gateway'),
      import('../node/aws/iam.gateway'),
    ]);
    // No event sink: nobody watches a CLI process's "verify all" progress but its own command.
    return createOnboarding({ ...(await ports()), sts: await sts(), s3: new SdkS3Gateway(), iam: new SdkIamGateway() }, undefined, {
      customers: await customers(),
      profiles: await profiles(),
      sessions: await sessions(),
      audit: (await shared()).audit,
    });
  });
  const deploy = once(async () => {
    const [{ createDeploy }, { SdkCloudFormationGateway }, { SdkS3Gateway }, { sessionFor }] = await Promise.all([
      import('../node/deploy/deploy.factory'),
      import('../node/aws/cloudformation.gateway'),
      import('../node/aws/s3.gateway'),
      import('./session-source'),
    ]);
    // The running app's session (its one MFA prompt) when there is one, else the keychain's.
    const credentials = async (profileRef: string) => {
      const { accessKeyId, secretAccessKey, sessionToken, expiresAt } = await sessionFor(context, profileRef, 'deploy');
      return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(expiresAt !== undefined ? { expiresAt } : {}) };
    };
    return createDeploy(
      { ...(await ports()), sts: await sts(), cloudformation: new SdkCloudFormationGateway(), s3: new SdkS3Gateway() },
      await shared(),
      { profiles: await profiles(), sessions: { credentials } },
    );
  });
  const context: CliContext = {
    io,
    env,
    logger,
    secrets,
    store,
    profiles,
    awsImport,
    plaintextKeys,
    mfa,
    settings,
    sessions,
    console: consoleSignin,
    cloudfront,
    cloudfrontUpload,
    customers,
    onboarding,
    deploy: () => deploy(),
    audit,
  };
  return context;
}
