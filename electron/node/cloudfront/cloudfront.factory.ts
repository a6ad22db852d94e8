import { cloudfrontApiRegion, partitionOfProfile } from '../../../shared/logic/cloudfront-endpoint';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { Ports, Shared } from '../app/composition';
import { CloudFrontUploadService } from './cloudfront-upload.service';
import { CloudFrontInspectService } from './cloudfront-inspect.service';
import { CloudFrontKeyService } from './cloudfront-key.service';
import { CloudFrontSignService } from './cloudfront-sign.service';
import { DocumentStoreCloudFrontKeyRepository } from './document-store.cloudfront-key.repository';
import type { BatchSigner } from './policy-signer';
import { SigningKeyCache } from './signing-key.cache';

export interface CloudFrontServices {
  keys: CloudFrontKeyService;
  sign: CloudFrontSignService;
  inspect: CloudFrontInspectService;
}

/**
 * CloudFront keys, signing and the inspector, on one key repository (the profile store) and one
 * signing-key cache, so a removed key is forgotten by the signer too. `signer` is the host's
 * choice: the app passes a WorkerPoolSigner (and closes it on quit), the CLI inThreadSigner.
 */
export function createCloudFront(
  ports: Pick<Ports, 'store' | 'secrets' | 'clock' | 'logger'>,
  shared: Pick<Shared, 'audit'>,
  needs: { signer: BatchSigner },
): CloudFrontServices {
  const keys = new DocumentStoreCloudFrontKeyRepository(ports.store);
  const signingKeys = new SigningKeyCache(ports.secrets);
  const common = { keys, clock: ports.clock, logger: ports.logger, audit: shared.audit };
  return {
    keys: new CloudFrontKeyService({ ...common, secrets: ports.secrets, signingKeys }),
    sign: new CloudFrontSignService({ ...common, signingKeys, signer: needs.signer }),
    inspect: new CloudFrontInspectService({ keys, clock: ports.clock }),
  };
}

/**
 * Uploads to CloudFront with a profile's session, through the host's CloudFront gateway (Ports),
 * signed in the region of the profile's partition (shared/logic/cloudfront-endpoint.ts).
 */
export function createCloudFrontUpload(
  ports: Pick<Ports, 'cloudfront'>,
  needs: { keys: CloudFrontServices['keys']; sessions: Pick<SessionAccess, 'credentials'>; profiles: Pick<ProfileDirectory, 'read'> },
): CloudFrontUploadService {
  return new CloudFrontUploadService({
    gateway: ports.cloudfront,
    credentials: (profile) => needs.sessions.credentials(profile),
    apiRegion: async (ref) => {
      const { profiles } = await needs.profiles.read();
      return cloudfrontApiRegion(partitionOfProfile(profiles, requireProfile(profiles, ref)));
    },
    keys: needs.keys,
  });
}
