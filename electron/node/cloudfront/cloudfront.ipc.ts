import type { HandlersFor } from '../ipc/router';
import type { CloudFrontUploadService } from './cloudfront-upload.service';
import type { CloudFrontServices } from './cloudfront.factory';

export type CloudFrontChannel =
  | 'cloudfront.keys'
  | 'cloudfront.import'
  | 'cloudfront.generate'
  | 'cloudfront.remove'
  | 'cloudfront.exportPublic'
  | 'cloudfront.sign'
  | 'cloudfront.signBatch'
  | 'cloudfront.signCookies'
  | 'cloudfront.inspect'
  | 'cloudfront.upload'
  | 'cloudfront.trust';

/** The router's handlers for the cloudfront.* channels. No handler returns a private key. */
export function createCloudFrontHandlers(services: { cloudfront: CloudFrontServices; cloudfrontUpload: CloudFrontUploadService }): HandlersFor<CloudFrontChannel> {
  const { keys, sign, inspect } = services.cloudfront;
  const upload = services.cloudfrontUpload;
  return {
    'cloudfront.keys': async () => ({ keys: await keys.list() }),
    'cloudfront.import': (input) => keys.importKey(input),
    'cloudfront.generate': (input) => keys.generateKey(input),
    'cloudfront.remove': async ({ id }) => {
      await keys.remove(id);
      return { removed: true };
    },
    'cloudfront.exportPublic': async ({ id }) => ({ pem: await keys.exportPublicKey(id) }),
    'cloudfront.sign': (input) => sign.signUrl(input),
    'cloudfront.signBatch': (input) => sign.signUrls(input),
    'cloudfront.signCookies': (input) => sign.signCookies(input),
    'cloudfront.inspect': (input) => inspect.inspect(input),
    'cloudfront.upload': (input) => upload.upload(input),
    'cloudfront.trust': ({ profile }) => upload.trustMap(profile),
  };
}
