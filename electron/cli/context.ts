import { systemClock } from '../../shared/ports/clock';
import type { Logger } from '../../shared/ports/logger';
import type { SecretStore } from '../../shared/ports/secret-store';
import type { DocumentStore } from '../../shared/ports/document-store';
import { resolveAppHome } from '../node/app/app-home';
import { StreamLogger } from '../node/log/console.logger';
import { ProfileService } from '../node/profiles/profile.service';
import type { SessionService } from '../node/sessions/session.service';
import type { CliIo } from './io/terminal';

/**
 * What a command needs, built lazily: `roledeck --help` touches nothing, and the keychain is
 * opened only by commands that use it. The native keyring module is loaded on first use.
 */
export interface CliContext {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  secrets(): Promise<SecretStore>;
  store(): Promise<DocumentStore>;
  profiles(): Promise<ProfileService>;
  /** Sessions over the keychain cache the app shares; MFA codes are asked on the terminal. */
  sessions(): Promise<SessionService>;
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
  const profiles = once(async () => {
    const { AwsFilesReader } = await import('../node/aws-files/aws-files.reader');
    return new ProfileService(await store(), await secrets(), systemClock, logger, new AwsFilesReader({ env }));
  });
  const sessions = once(async () => {
    const [{ SdkStsGateway }, { MfaBroker }, { SessionCache }, { SessionService }, { EventRelay }, { TerminalMfaPrompter, terminalLineReader }] =
      await Promise.all([
        import('../node/aws/sts.gateway'),
        import('../node/sessions/mfa-broker'),
        import('../node/sessions/session.cache'),
        import('../node/sessions/session.service'),
        import('../node/sessions/session-events'),
        import('../node/sessions/terminal.mfa-prompter'),
      ]);
    const prompter = new TerminalMfaPrompter(() => terminalLineReader(io.stdinIsTty));
    return new SessionService({
      profiles: await profiles(),
      store: await store(),
      sts: new SdkStsGateway(),
      cache: new SessionCache(await secrets(), logger),
      broker: new MfaBroker(prompter, systemClock),
      clock: systemClock,
      logger,
      // Nobody listens to events in a CLI process: the app learns of what the CLI cached from the keychain.
      events: new EventRelay(),
    });
  });
  return { io, env, logger, secrets, store, profiles, sessions };
}
