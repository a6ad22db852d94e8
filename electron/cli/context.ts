import { systemClock } from '../../shared/ports/clock';
import type { Logger } from '../../shared/ports/logger';
import type { SecretStore } from '../../shared/ports/secret-store';
import type { DocumentStore } from '../../shared/ports/document-store';
import { resolveAppHome } from '../node/app/app-home';
import { StreamLogger } from '../node/log/console.logger';
import { ProfileService } from '../node/profiles/profile.service';
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
}

function once<T>(factory: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= factory());
}

export function createCliContext(io: CliIo, env: NodeJS.ProcessEnv = process.env): CliContext {
  const logger = new StreamLogger((line) => io.stderr(line), env.ROLEDECK_LOG_LEVEL === 'debug' ? 'debug' : 'warn');
  const secrets = once(async () => {
    const { KeyringSecretStore } = await import('../node/keychain/keyring.secret-store');
    return new KeyringSecretStore();
  });
  const store = once(async () => {
    const { EncryptedFileDocumentStore } = await import('../node/store/encrypted-file.document-store');
    return new EncryptedFileDocumentStore({ home: resolveAppHome(env), secrets: await secrets(), logger });
  });
  const profiles = once(async () => {
    const { AwsFilesReader } = await import('../node/aws-files/aws-files.reader');
    return new ProfileService(await store(), await secrets(), systemClock, logger, new AwsFilesReader({ env }));
  });
  return { io, env, logger, secrets, store, profiles };
}
