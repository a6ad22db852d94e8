import { expect } from 'vitest';
import { DocumentStoreAuditLog } from '../../../../../electron/node/audit/document-store.audit-log';
import { CloudFrontInspectService } from '../../../../../electron/node/cloudfront/cloudfront-inspect.service';
import { CloudFrontKeyService } from '../../../../../electron/node/cloudfront/cloudfront-key.service';
import { CloudFrontSignService } from '../../../../../electron/node/cloudfront/cloudfront-sign.service';
import { inThreadSigner, type BatchSigner } from '../../../../../electron/node/cloudfront/policy-signer';
import { SigningKeyCache } from '../../../../../electron/node/cloudfront/signing-key.cache';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { MemoryCloudFrontKeyRepository } from '../../../../fakes/memory.cloudfront-key-repository';
import { MemoryDocumentStore } from '../../../../fakes/memory.document-store';
import { FakeClock } from '../../../../fakes/ports';
import { recordingLogger } from '../../../../fakes/recording.logger';
import { SizeLimitedSecretStore } from '../../../../fakes/size-limited.secret-store';

/**
 * The three CloudFront services over fakes: a keychain with Windows' 2,560-byte item limit, an
 * in-memory key list, the real history (audit log) over an in-memory store, a hand-moved clock.
 */
export function cloudFrontWorld(signer: BatchSigner = inThreadSigner) {
  const repository = new MemoryCloudFrontKeyRepository();
  const secrets = new SizeLimitedSecretStore(2560);
  const clock = new FakeClock();
  const { logger, lines } = recordingLogger();
  const audit = new DocumentStoreAuditLog(new MemoryDocumentStore());
  const signingKeys = new SigningKeyCache(secrets);
  let next = 0;
  const newId = () => `key-${String(++next).padStart(4, '0')}`;
  const keys = new CloudFrontKeyService({ keys: repository, secrets, clock, logger, audit, signingKeys, newId });
  const signing = new CloudFrontSignService({ keys: repository, signingKeys, clock, logger, audit, signer });
  const inspector = new CloudFrontInspectService({ keys: repository, clock });
  return { repository, secrets, clock, lines, audit, signingKeys, keys, signing, inspector };
}

export async function failure(promise: Promise<unknown>): Promise<RoledeckError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RoledeckError);
  return error as RoledeckError;
}
