import { systemClock } from '../../shared/ports/clock';
import type { DocumentStore } from '../../shared/ports/document-store';
import type { Logger } from '../../shared/ports/logger';
import type { SecretStore } from '../../shared/ports/secret-store';
import type { Shared } from '../node/app/composition';
import type { CloudFrontServices } from '../node/cloudfront/cloudfront.factory';
import type { CloudFrontUploadService } from '../node/cloudfront/cloudfront-upload.service';
import { resolveAppHome } from '../node/app/app-home';
import { StreamLogger } from '../node/log/console.logger';
import type { AwsImportService } from '../node/profiles/aws-import.service';
import type { PlaintextKeysService } from '../node/profiles/plaintext-keys.service';
import type { ProfileService } from '../node/profiles/profile.service';
import type { SessionService } from '../node/sessions/session.service';
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
  /** Sessions over the keychain cache the app shares; MFA codes are asked on the terminal. */
  sessions(): Promise<SessionService>;
  /** CloudFront keys, signing (on this thread: a CLI signs once and exits) and the inspector. */
  cloudfront(): Promise<CloudFrontServices>;
  /** Uploads public keys to CloudFront with a profile's session (MFA asked on the terminal). */
  cloudfrontUpload(): Promise<CloudFrontUploadService>;
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
  const ports = async () => ({ secrets: await secrets(), store: await store(), clock: systemClock, logger });
  // Nobody listens to events in a CLI process: the app learns of what the CLI cached from the keychain.
  const shared = once(async (): Promise<Shared> => {
    const { createShared } = await import('../node/app/composition');
    return createShared(await ports());
  });
  const profiles = once(async () => {
    const { createProfiles } = await import('../node/profiles/profiles.factory');
    return createProfiles(await ports(), await shared());
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
      cliLauncher: async () => ({ command }),
    });
  });
  const sessions = once(async () => {
    const [{ createSessions }, { SdkStsGateway }, { TerminalMfaPrompter, terminalLineReader }] = await Promise.all([
      import('../node/sessions/sessions.factory'),
      import('../node/aws/sts.gateway'),
      import('../node/sessions/terminal.mfa-prompter'),
    ]);
    // No scheduler: an MFA prompt on the terminal waits for the person there.
    return createSessions({ ...(await ports()), sts: new SdkStsGateway() }, await shared(), {
      profiles: await profiles(),
      prompter: new TerminalMfaPrompter(() => terminalLineReader(io.stdinIsTty)),
    });
  });
  const cloudfront = once(async () => {
    const [{ createCloudFront }, { inThreadSigner }] = await Promise.all([import('../node/cloudfront/cloudfront.factory'), import('../node/cloudfront/policy-signer')]);
    return createCloudFront(await ports(), await shared(), { signer: inThreadSigner });
  });
  const cloudfrontUpload = once(async () => {
    const [{ CloudFrontUploadService }, { SdkCloudFrontGateway }] = await Promise.all([import('../node/cloudfront/cloudfront-upload.service'), import('../node/aws/cloudfront.gateway')]);
    const [session, { keys }] = await Promise.all([sessions(), cloudfront()]);
    return new CloudFrontUploadService({ gateway: new SdkCloudFrontGateway(), credentials: (profile) => session.credentials(profile), keys });
  });
  return { io, env, logger, secrets, store, profiles, awsImport, plaintextKeys, sessions, cloudfront, cloudfrontUpload };
}
