import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../../electron/node/app/services';
import { cloudfrontKeyItem } from '../../../../../shared/domain/keychain-items';
import { fakePorts } from '../../../../fakes/ports';
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
