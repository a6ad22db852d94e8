import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../../electron/node/app/services';
import { cloudfrontKeyItem } from '../../../../../shared/domain/keychain-items';
import { MemoryCloudFrontGateway } from '../../../../fakes/memory.cloudfront-gateway';
import { fakePorts } from '../../../../fakes/ports';
import { ScriptedStsGateway } from '../../../../fakes/scripted.sts-gateway';
import { pkcs8Pem, rsa2048 } from './test-keys';

const direct = { transport: 'direct' } as const;

function app() {
  const world = fakePorts();
  const { router, services } = createRouter(world.ports);
  return { ...world, router, services };
}

describe('cloudfront.* channels', () => {
  let stop = async (): Promise<void> => undefined;
  afterEach(() => stop());

  it('import a pasted PEM into the keychain and the store, list it, sign with it and inspect the result', async () => {
    const { router, services, store, secrets } = app();
    stop = async () => {
      services.refresh.stop();
      await services.cloudfrontSigner.close();
    };
    const pem = pkcs8Pem(rsa2048().privateKey);
    const imported = await router.dispatch('cloudfront.import', { pem, keyPairId: 'K2JCJMDEHXQW5F', label: 'Acme media' }, direct);
    expect(imported).toMatchObject({ ok: true, value: { label: 'Acme media', keyPairId: 'K2JCJMDEHXQW5F', origin: 'imported' } });
    expect(JSON.stringify(imported)).not.toContain('PRIVATE KEY');
    expect(store.document.cloudfrontKeys).toHaveLength(1);
    const id = store.document.cloudfrontKeys[0]?.id ?? '';
    expect(Buffer.from((await secrets.get(cloudfrontKeyItem(id))) ?? []).toString()).toContain('PRIVATE KEY');

    const listed = await router.dispatch('cloudfront.keys', {}, direct);
    expect(listed).toMatchObject({ ok: true, value: { keys: [{ id, label: 'Acme media' }] } });
    expect(JSON.stringify(listed)).not.toContain('PRIVATE KEY');

    const signed = await router.dispatch('cloudfront.sign', { key: id, url: 'https://d111111abcdef8.cloudfront.net/movie.mp4', expires: '2h' }, direct);
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    const signedUrl = (signed.value as { signedUrl: string }).signedUrl;
    expect(signedUrl).toContain('Key-Pair-Id=K2JCJMDEHXQW5F');

    expect(await router.dispatch('cloudfront.inspect', { text: signedUrl }, direct)).toMatchObject({ ok: true, value: { verdict: 'accepted', signature: 'valid' } });
    const tampered = signedUrl.replace('movie.mp4', 'other.mp4');
    expect(await router.dispatch('cloudfront.inspect', { text: tampered }, direct)).toMatchObject({ ok: true, value: { verdict: 'refused' } });

    expect(await router.dispatch('cloudfront.exportPublic', { id }, direct)).toMatchObject({ ok: true, value: { pem: expect.stringContaining('BEGIN PUBLIC KEY') } });
    expect(await router.dispatch('cloudfront.remove', { id }, direct)).toEqual({ ok: true, value: { removed: true } });
    expect(store.document.cloudfrontKeys).toEqual([]);
  });

  it('refuse a file path from the window: the renderer sends PEM text, never a path for main to read', async () => {
    const { router, services } = app();
    stop = async () => services.refresh.stop();
    const refused = await router.dispatch('cloudfront.import', { file: '/home/user/.ssh/id_rsa' }, direct);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});

describe('cloudfront.upload, cloudfront.trust and cloudfront.signBatch over the app wiring', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

  async function world() {
    const fake = fakePorts();
    const cloudfront = new MemoryCloudFrontGateway();
    const { router, services } = createRouter({ ...fake.ports, sts: new ScriptedStsGateway(fake.clock), cloudfront });
    const call = async (channel: Parameters<typeof router.dispatch>[0], request: unknown) => {
      const result = await router.dispatch(channel, request as never, direct);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    };
    await call('profiles.addUser', { name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    return { router, services, cloudfront, call };
  }

  let stop = async (): Promise<void> => undefined;
  afterEach(() => stop());

  it('uploads with a China profile’s session to cn-northwest-1, adds the key to a new key group, and names who trusts it', async () => {
    const { services, cloudfront, call } = await world();
    stop = async () => {
      services.refresh.stop();
      await services.cloudfrontSigner.close();
    };
    await call('profiles.addRole', { name: 'acme-cn', source: 'consultant', roleArn: 'arn:aws-cn:iam::222222222222:role/Signer' });
    const generated: { id: string } = await call('cloudfront.generate', { label: 'Acme China' });

    const uploaded: { key: { keyPairId: string }; keyGroup: { id: string; name: string } } = await call('cloudfront.upload', { id: generated.id, profile: 'acme-cn', keyGroup: 'acme-signers' });
    expect(uploaded.keyGroup.name).toBe('acme-signers');
    expect(cloudfront.calls.map((entry) => entry.region)).toEqual(cloudfront.calls.map(() => 'cn-northwest-1'));
    expect(cloudfront.calls.map((entry) => entry.operation)).toContain('CreateKeyGroup');

    cloudfront.addDistribution('E1CHINA', 'd1.cloudfront.cn', [uploaded.keyGroup.id]);
    const trust: { keyGroups: Array<{ publicKeyIds: string[] }>; distributions: Array<{ id: string }> } = await call('cloudfront.trust', { profile: 'acme-cn' });
    expect(trust.keyGroups[0]?.publicKeyIds).toEqual([uploaded.key.keyPairId]);
    expect(trust.distributions.map((distribution) => distribution.id)).toEqual(['E1CHINA']);
  });

  it('refuses a GovCloud profile before any CloudFront call, saying CloudFront is not offered there', async () => {
    const { services, cloudfront, router, call } = await world();
    stop = async () => services.refresh.stop();
    await call('profiles.addRole', { name: 'acme-gov', source: 'consultant', roleArn: 'arn:aws-us-gov:iam::222222222222:role/Signer' });
    const refused = await router.dispatch('cloudfront.trust', { profile: 'acme-gov' }, direct);
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('not offered in AWS GovCloud') } });
    expect(cloudfront.calls).toEqual([]);
  });

  it('signs a pasted batch under one policy, in the order pasted, and refuses a key group name CloudFront would not take', async () => {
    const { services, router, call } = await world();
    stop = async () => {
      services.refresh.stop();
      await services.cloudfrontSigner.close();
    };
    const imported: { id: string } = await call('cloudfront.import', { pem: pkcs8Pem(rsa2048().privateKey), keyPairId: 'K2JCJMDEHXQW5F', label: 'Acme media' });
    const urls = ['c', 'a', 'b'].map((name) => `https://d111111abcdef8.cloudfront.net/${name}.mp4`);
    const batch: { items: Array<{ url: string; signedUrl: string }> } = await call('cloudfront.signBatch', { key: imported.id, urls, expires: '2h' });
    expect(batch.items.map((item) => item.url)).toEqual(urls);
    expect(batch.items.every((item) => item.signedUrl.includes('Key-Pair-Id=K2JCJMDEHXQW5F'))).toBe(true);

    const refused = await router.dispatch('cloudfront.upload', { id: imported.id, profile: 'consultant', keyGroup: 'acme signers!' }, direct);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('key group name') } });
  });
});
