import { afterAll, describe, expect, it } from 'vitest';
import { inThreadSigner } from '../../../../../electron/node/cloudfront/policy-signer';
import { WorkerPoolSigner } from '../../../../../electron/node/cloudfront/sign-worker-pool';
import { cloudFrontWorld } from './cloudfront-world';
import { urlSignatureVerifies } from './signature-check';
import { otherRsa2048, pkcs1Pem, rsa2048 } from './test-keys';

const pool = new WorkerPoolSigner({ size: 2 });
afterAll(() => pool.close());

const policies = (count: number, tag: string) => Array.from({ length: count }, (_, index) => `{"Statement":[{"Resource":"https://cdn.example.com/${tag}/${index}"}]}`);

describe('WorkerPoolSigner', () => {
  it('signs on two worker threads exactly what the calling thread signs, in the same order', async () => {
    const { privateKey } = rsa2048();
    const batch = policies(600, 'a');
    expect(await pool.sign(privateKey, batch)).toEqual(await inThreadSigner.sign(privateKey, batch));
  });

  it('keeps concurrent batches with different keys apart', async () => {
    const [one, two] = [rsa2048().privateKey, otherRsa2048().privateKey];
    const [a, b] = [policies(300, 'one'), policies(301, 'two')];
    const [signedA, signedB] = await Promise.all([pool.sign(one, a), pool.sign(two, b)]);
    expect(signedA).toEqual(await inThreadSigner.sign(one, a));
    expect(signedB).toEqual(await inThreadSigner.sign(two, b));
  });

  it('starts fresh workers for the next batch after it was closed', async () => {
    const local = new WorkerPoolSigner({ size: 2, minBatch: 1 });
    const { privateKey } = rsa2048();
    await local.sign(privateKey, policies(40, 'x'));
    await local.close();
    expect(await local.sign(privateKey, policies(40, 'y'))).toEqual(await inThreadSigner.sign(privateKey, policies(40, 'y')));
    await local.close();
  });

  it('backs a batch of signed URLs whose every signature verifies, order preserved', async () => {
    const { keys, signing } = cloudFrontWorld(pool);
    const key = await keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem: pkcs1Pem(rsa2048().privateKey) });
    const urls = Array.from({ length: 500 }, (_, index) => `https://d111111abcdef8.cloudfront.net/p/${index}.jpg`);
    const result = await signing.signUrls({ key: key.id, urls, expires: '1h' });
    expect(result.items.map((item) => item.url)).toEqual(urls);
    expect(result.items.every((item) => urlSignatureVerifies(item.signedUrl, rsa2048().publicKey))).toBe(true);
  });
});
