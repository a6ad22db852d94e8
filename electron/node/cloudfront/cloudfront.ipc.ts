import type { HandlersFor } from '../ipc/router';
import type { CloudFrontServices } from './cloudfront.factory';

export type CloudFrontChannel =
  | 'cloudfront.keys'
  | 'cloudfront.import'
  | 'cloudfront.generate'
  | 'cloudfront.remove'
  | 'cloudfront.exportPublic'
  | 'cloudfront.sign'
  | 'cloudfront.signCookies'
  | 'cloudfront.inspect';

/** The router's handlers for the cloudfront.* channels. No handler returns a private key. */
export function createCloudFrontHandlers(services: { cloudfront: CloudFrontServices }): HandlersFor<CloudFrontChannel> {
  const { keys, sign, inspect } = services.cloudfront;
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
    'cloudfront.signCookies': (input) => sign.signCookies(input),
    'cloudfront.inspect': (input) => inspect.inspect(input),
  };
}
