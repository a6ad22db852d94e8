import { systemClock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import { auditTrailIn } from '../audit/audit.factory';
import { AwsFilesReader } from '../aws-files/aws-files.reader';
import { SdkCloudFormationGateway } from '../aws/cloudformation.gateway';
import { SdkCloudFrontGateway } from '../aws/cloudfront.gateway';
import { SdkIamGateway } from '../aws/iam.gateway';
import { SdkS3Gateway } from '../aws/s3.gateway';
import { SdkStsGateway } from '../aws/sts.gateway';
import { KeyringSecretStore } from '../keychain/keyring.secret-store';
import { stampSessionWrites } from '../sessions/session-stamp';
import { TimeoutScheduler } from '../sessions/timeout.scheduler';
import { EncryptedFileDocumentStore } from '../store/encrypted-file.document-store';
import type { RuntimeDescription } from './app-info.service';
import type { Ports } from './composition';

/**
 * The production adapters, shared by every host: the Electron main process, the CLI and the
 * browser test host. Only where data lives (`home`) and what the runtime is differ between them.
 * MFA prompts go to the UI (createServices' default); the CLI builds its own terminal prompter.
 */
export function createNodePorts(options: { home: string; runtime: RuntimeDescription; logger: Logger }): Ports {
  // Every session written or deleted tells the CLI's kept by-name answers (session-stamp.ts).
  const secrets = stampSessionWrites(new KeyringSecretStore(), options.home);
  const store = new EncryptedFileDocumentStore({ home: options.home, secrets, logger: options.logger });
  return {
    secrets,
    store,
    audit: auditTrailIn(options.home, store, options.logger),
    sts: new SdkStsGateway(),
    // Each loads its SDK on the first call: a host that never deploys never loads CloudFormation's.
    cloudformation: new SdkCloudFormationGateway(),
    cloudfront: new SdkCloudFrontGateway(),
    s3: new SdkS3Gateway(),
    iam: new SdkIamGateway(),
    awsFiles: new AwsFilesReader(),
    clock: systemClock,
    scheduler: new TimeoutScheduler(),
    logger: options.logger,
    runtime: options.runtime,
  };
}
