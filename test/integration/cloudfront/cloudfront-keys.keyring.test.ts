import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStoreAuditLog } from '../../../electron/node/audit/document-store.audit-log';
import { CloudFrontKeyService } from '../../../electron/node/cloudfront/cloudfront-key.service';
import { CloudFrontSignService } from '../../../electron/node/cloudfront/cloudfront-sign.service';
import { inThreadSigner } from '../../../electron/node/cloudfront/policy-signer';
import { SigningKeyCache } from '../../../electron/node/cloudfront/signing-key.cache';
import { KeyringSecretStore, WINDOWS_MAX_ITEM_BYTES } from '../../../electron/node/keychain/keyring.secret-store';
import { cloudfrontKeyItem } from '../../../shared/domain/keychain-items';
import { MemoryCloudFrontKeyRepository } from '../../fakes/memory.cloudfront-key-repository';
import { MemoryDocumentStore } from '../../fakes/memory.document-store';
import { FakeClock } from '../../fakes/ports';
import { recordingLogger } from '../../fakes/recording.logger';
import { cannedPolicyText, signedTextOfUrl } from '../../unit/electron/node/cloudfront/signature-check';
import { requireKeyringSession } from '../fixtures/keyring';

const service = `roledeck-test-cloudfront-${process.pid}`;
let dir: string;

/** `openssl dgst -sha1 -verify`: the signature checked by a tool that shares no code with Roledeck. */
function opensslVerifies(publicKeyPem: string, text: string, cloudFrontSignature: string): boolean {
  const files = { key: path.join(dir, 'public.pem'), data: path.join(dir, 'data.txt'), signature: path.join(dir, 'signature.bin') };
  execFileSync('sh', ['-c', 'cat > "$1"', 'sh', files.key], { input: publicKeyPem });
  execFileSync('sh', ['-c', 'cat > "$1"', 'sh', files.data], { input: text });
  const standard = cloudFrontSignature.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/');
  execFileSync('sh', ['-c', 'base64 -d > "$1"', 'sh', files.signature], { input: standard });
  const result = spawnSync('openssl', ['dgst', '-sha1', '-verify', files.key, '-signature', files.signature, files.data], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'Verified OK';
}

function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function services(secrets: KeyringSecretStore, repository = new MemoryCloudFrontKeyRepository()) {
  const clock = new FakeClock(Date.now());
  const { logger } = recordingLogger();
  const audit = new DocumentStoreAuditLog(new MemoryDocumentStore());
  const signingKeys = new SigningKeyCache(secrets);
  return {
    repository,
    keys: new CloudFrontKeyService({ keys: repository, secrets, clock, logger, audit, signingKeys }),
    signing: new CloudFrontSignService({ keys: repository, signingKeys, clock, logger, audit, signer: inThreadSigner }),
  };
}

beforeAll(async () => {
  requireKeyringSession();
  dir = await mkdtemp(path.join(tmpdir(), 'roledeck-cf-int-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CloudFront keys in the real OS keychain', () => {
  it.each([
    ['as one item', undefined],
    ['within the Windows credential limit', WINDOWS_MAX_ITEM_BYTES],
    ['split across parts when an item holds only 1,000 bytes', 1000],
  ])('round-trips an openssl-made PKCS#1 PEM %s, and fresh keychain handles with no cached key sign with it', async (_name, maxItemBytes) => {
    const pemFile = path.join(dir, 'pk-legacy.pem');
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', path.join(dir, 'pkcs8.pem'));
    openssl('rsa', '-traditional', '-in', path.join(dir, 'pkcs8.pem'), '-out', pemFile);
    expect(await readFile(pemFile, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const options = { service, ...(maxItemBytes ? { maxItemBytes } : {}) };
    const first = services(new KeyringSecretStore(options));
    const key = await first.keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', file: pemFile, label: 'Acme' });

    // As a second process would: new keychain handles, no cached KeyObject, the same store document.
    const fresh = new KeyringSecretStore(options);
    const stored = await fresh.get(cloudfrontKeyItem(key.id));
    expect(new TextDecoder().decode(stored!)).toBe(openssl('pkey', '-in', pemFile));
    const second = services(fresh, first.repository);
    const { signedUrl } = await second.signing.signUrl({ key: key.id, url: 'https://d111111abcdef8.cloudfront.net/a.jpg', expires: '1h' });
    expect(opensslVerifies(openssl('pkey', '-in', pemFile, '-pubout'), signedTextOfUrl(signedUrl), new URL(signedUrl).searchParams.get('Signature')!)).toBe(true);

    await second.keys.remove(key.id);
    expect(await new KeyringSecretStore(options).get(cloudfrontKeyItem(key.id))).toBeNull();
  });

  it('imports an openssl-encrypted key with its passphrase and keeps it decrypted in the keychain', async () => {
    const pemFile = path.join(dir, 'encrypted.pem');
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes-256-cbc', '-pass', 'pass:open sesame', '-out', pemFile);
    const secrets = new KeyringSecretStore({ service });
    const { keys } = services(secrets);
    await expect(keys.importKey({ file: pemFile })).rejects.toThrow(/encrypted\. Enter its passphrase/);
    const key = await keys.importKey({ file: pemFile, passphrase: 'open sesame' });
    const stored = new TextDecoder().decode((await secrets.get(cloudfrontKeyItem(key.id)))!);
    expect(stored).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(stored).toBe(openssl('pkey', '-in', pemFile, '-passin', 'pass:open sesame'));
    await keys.remove(key.id);
  });
});

describe('CloudFront signatures checked by openssl dgst -sha1 -verify', () => {
  it('verifies canned and custom URLs, existing query strings, unicode paths, wildcard batches and cookies', async () => {
    const secrets = new KeyringSecretStore({ service });
    const { keys, signing } = services(secrets);
    const key = await keys.generateKey({ keyPairId: 'K3OPENSSLCHECK', label: 'openssl check' });
    const check = (text: string, signature: string) => {
      expect(opensslVerifies(key.publicKeyPem, text, signature), text).toBe(true);
      expect(opensslVerifies(key.publicKeyPem, `${text} `, signature), 'a changed text must not verify').toBe(false);
    };

    const urls = [
      await signing.signUrl({ key: key.id, url: 'https://d111111abcdef8.cloudfront.net/images/a.jpg', expires: '1h' }),
      await signing.signUrl({ key: key.id, url: 'https://d111111abcdef8.cloudfront.net/images/a.jpg?size=large&v=a+b', expires: '1h' }),
      await signing.signUrl({ key: key.id, url: 'https://d111111abcdef8.cloudfront.net/vidéos/日本語.mp4?t=é', expires: '1h' }),
      await signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a.mp4', expires: '2h', notBefore: 'now', ipRange: '192.0.2.0/24' }),
    ];
    const batch = await signing.signUrls({ key: key.id, urls: ['https://cdn.example.com/v/1.mp4', 'https://cdn.example.com/v/ü.mp4'], expires: '1d', resource: 'https://cdn.example.com/v/*' });
    for (const signedUrl of [...urls.map((result) => result.signedUrl), ...batch.items.map((item) => item.signedUrl)]) {
      check(signedTextOfUrl(signedUrl), new URL(signedUrl).searchParams.get('Signature')!);
    }

    const canned = await signing.signCookies({ key: key.id, url: 'https://cdn.example.com/private/ü.pdf', expires: '1h' });
    const value = (result: typeof canned, name: string) => result.cookies.find((cookie) => cookie.name === name)!.value;
    check(cannedPolicyText(canned.url, value(canned, 'CloudFront-Expires')), value(canned, 'CloudFront-Signature'));
    const custom = await signing.signCookies({ key: key.id, url: 'https://cdn.example.com/private/a.pdf', expires: '1h', resource: 'https://cdn.example.com/private/*' });
    const policy = Buffer.from(value(custom, 'CloudFront-Policy').replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64').toString('utf8');
    check(policy, value(custom, 'CloudFront-Signature'));

    await keys.remove(key.id);
  });
});
