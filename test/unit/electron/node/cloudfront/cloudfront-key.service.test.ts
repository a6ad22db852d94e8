import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { cloudfrontKeyItem } from '../../../../../shared/domain/keychain-items';
import { cloudFrontWorld, failure } from './cloudfront-world';
import { ecP256, encryptedPkcs8Pem, pkcs1Pem, pkcs8Pem, publicPem, rsa1024, rsa2048 } from './test-keys';

const decode = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roledeck-cf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CloudFrontKeyService', () => {
  it('keeps the private key in the keychain only, as PEM bytes that fit one Windows credential', async () => {
    const { keys, secrets, repository } = cloudFrontWorld();
    const { privateKey, publicKey } = rsa2048();
    const key = await keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem: pkcs1Pem(privateKey), label: 'Acme downloads', customer: 'Acme' });
    expect(key).toMatchObject({ keyPairId: 'K2JCJMDEHXQW5F', label: 'Acme downloads', customer: 'Acme', origin: 'imported', publicKeyPem: publicPem(publicKey) });
    expect(decode(await secrets.get(cloudfrontKeyItem(key.id)))).toBe(pkcs8Pem(privateKey));
    expect(secrets.largestItem).toBeGreaterThan(1600);
    expect(secrets.largestItem).toBeLessThanOrEqual(2560);
    expect(JSON.stringify(repository.keys)).not.toMatch(/PRIVATE KEY/);
    expect(await keys.list()).toEqual([key]);
  });

  it('imports from a file, and says plainly when the file is missing or is not a key', async () => {
    const { keys } = cloudFrontWorld();
    const file = path.join(dir, 'pk-APKAEXAMPLE.pem');
    await writeFile(file, pkcs1Pem(rsa2048().privateKey));
    expect((await keys.importKey({ keyPairId: 'APKAEIBAERJR2EXAMPLE', file })).label).toBe('APKAEIBAERJR2EXAMPLE');
    expect((await failure(keys.importKey({ file: path.join(dir, 'nope.pem') }))).message).toBe(`There is no file at ${path.join(dir, 'nope.pem')}.`);
    expect((await failure(keys.importKey({ file: dir }))).message).toMatch(/is not a file/);
    const big = path.join(dir, 'big.pem');
    await writeFile(big, 'x'.repeat(100_000));
    expect((await failure(keys.importKey({ file: big }))).message).toMatch(/far larger than a private key PEM/);
  });

  it('decrypts an encrypted key with its passphrase and stores it decrypted', async () => {
    const { keys, secrets } = cloudFrontWorld();
    const pem = encryptedPkcs8Pem(rsa2048().privateKey, 'hunter2');
    const refused = await failure(keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem }));
    expect(refused.message).toMatch(/encrypted\. Enter its passphrase/);
    expect(secrets.items.size).toBe(0);
    const key = await keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem, passphrase: 'hunter2' });
    expect(decode(await secrets.get(cloudfrontKeyItem(key.id)))).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('stores nothing when a key is refused', async () => {
    const { keys, secrets, repository } = cloudFrontWorld();
    for (const pem of ['garbage', pkcs8Pem(ecP256().privateKey), pkcs1Pem(rsa1024().privateKey)]) {
      expect((await failure(keys.importKey({ pem }))).code).toBe('VALIDATION');
    }
    expect(secrets.items.size).toBe(0);
    expect(repository.keys).toEqual([]);
  });

  it('refuses a second key with the same CloudFront key ID, naming the first', async () => {
    const { keys, secrets } = cloudFrontWorld();
    await keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem: pkcs1Pem(rsa2048().privateKey), label: 'Acme' });
    const error = await failure(keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem: pkcs1Pem(rsa2048().privateKey) }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'The key ID K2JCJMDEHXQW5F is already stored as "Acme". Remove that key first, or check the ID.' });
    expect(secrets.items.size).toBe(1);
  });

  it('takes the keychain item back when the store cannot list the key', async () => {
    const { keys, secrets, repository } = cloudFrontWorld();
    repository.failNextUpdate = new RoledeckError('CONFLICT', 'store busy');
    await failure(keys.importKey({ pem: pkcs1Pem(rsa2048().privateKey) }));
    expect(secrets.items.size).toBe(0);
  });

  it('generates a pair, gives out its public key to upload, then takes the key ID CloudFront assigns', async () => {
    const { keys, secrets } = cloudFrontWorld();
    const key = await keys.generateKey({ customer: 'Globex' });
    expect(key).toMatchObject({ origin: 'generated', label: 'Generated 2026-11-28', customer: 'Globex' });
    expect(key.keyPairId).toBeUndefined();
    expect(await keys.exportPublicKey(key.id)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(decode(await secrets.get(cloudfrontKeyItem(key.id)))).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const updated = await keys.update({ id: key.id, keyPairId: 'K3ABCDEFGHIJKL', label: 'Globex media', customer: '' });
    expect(updated).toMatchObject({ keyPairId: 'K3ABCDEFGHIJKL', label: 'Globex media' });
    expect(updated.customer).toBeUndefined();
  });

  it('removes the keychain item and the listing, and a removed key is gone for signing too', async () => {
    const { keys, secrets, signing } = cloudFrontWorld();
    const key = await keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem: pkcs1Pem(rsa2048().privateKey) });
    await signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a', expires: '1h' });
    await keys.remove(key.id);
    expect(secrets.items.size).toBe(0);
    expect(await keys.list()).toEqual([]);
    expect((await failure(signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a', expires: '1h' }))).code).toBe('NOT_FOUND');
    expect((await failure(keys.remove(key.id))).code).toBe('NOT_FOUND');
  });

  it('records imports, key-ID updates and removals in the history, without key material', async () => {
    const { keys, audit } = cloudFrontWorld();
    const key = await keys.importKey({ pem: pkcs1Pem(rsa2048().privateKey), label: 'Acme', customer: 'Acme Corp' });
    await keys.update({ id: key.id, keyPairId: 'K2JCJMDEHXQW5F' });
    await keys.remove(key.id);
    const entries = await audit.list();
    expect(entries.map((entry) => [entry.action, entry.customer, entry.result])).toEqual([
      ['import-cloudfront-key', 'Acme Corp', 'ok'],
      ['update-cloudfront-key', 'Acme Corp', 'ok'],
      ['remove-cloudfront-key', 'Acme Corp', 'ok'],
    ]);
    expect(entries[0]!.detail).toBe(`"Acme" (no CloudFront key ID yet, ${key.fingerprint})`);
    expect(entries[2]!.detail).toMatch(/^"Acme" \(K2JCJMDEHXQW5F, SHA256:/);
    expect(JSON.stringify(entries)).not.toMatch(/PRIVATE KEY|MII/);
  });

  it('keeps the key listed when the keychain is locked at removal, and says so', async () => {
    const { keys, secrets } = cloudFrontWorld();
    const key = await keys.importKey({ pem: pkcs1Pem(rsa2048().privateKey) });
    secrets.delete = () => Promise.reject(new RoledeckError('KEYCHAIN_LOCKED', 'The OS keychain is locked.'));
    expect((await failure(keys.remove(key.id))).code).toBe('KEYCHAIN_LOCKED');
    expect(await keys.list()).toHaveLength(1);
  });
});
