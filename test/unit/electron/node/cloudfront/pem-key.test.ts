import { createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CloudFrontKeyError, generateSigningKey, readSigningKey, type KeyProblem } from '../../../../../electron/node/cloudfront/pem-key';
import { ecP256, encryptedPkcs1Pem, encryptedPkcs8Pem, pkcs1Pem, pkcs8Pem, publicPem, rsa1024, rsa2048, rsa3072 } from './test-keys';

function refusal(pem: string, passphrase?: string): { problem: KeyProblem; message: string } {
  try {
    readSigningKey(pem, passphrase);
  } catch (error) {
    expect(error).toBeInstanceOf(CloudFrontKeyError);
    const { problem, message, code } = error as CloudFrontKeyError;
    expect(code).toBe('VALIDATION');
    expect(message).not.toMatch(/MII[A-Za-z0-9+/]{8}/); // never quotes the key
    if (passphrase) expect(message).not.toContain(passphrase);
    return { problem, message };
  }
  throw new Error('expected the key to be refused');
}

describe('reading CloudFront private keys', () => {
  it('reads PKCS#1 and PKCS#8 alike and keeps the same key as unencrypted PKCS#8', () => {
    const { privateKey, publicKey } = rsa2048();
    const fromPkcs1 = readSigningKey(pkcs1Pem(privateKey));
    const fromPkcs8 = readSigningKey(pkcs8Pem(privateKey));
    expect(fromPkcs1.privatePem).toBe(pkcs8Pem(privateKey));
    expect(fromPkcs8.fingerprint).toBe(fromPkcs1.fingerprint);
    expect(fromPkcs1.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(fromPkcs1.publicKeyPem).toBe(publicPem(publicKey));
  });

  it('asks for the passphrase of an encrypted key instead of failing obscurely', () => {
    const { privateKey } = rsa2048();
    for (const pem of [encryptedPkcs8Pem(privateKey, 'correct horse'), encryptedPkcs1Pem(privateKey, 'correct horse')]) {
      expect(refusal(pem)).toEqual({ problem: 'passphrase-required', message: expect.stringMatching(/^This private key is encrypted\. Enter its passphrase/) });
    }
  });

  it('decrypts an encrypted key with its passphrase, PKCS#8 or legacy PKCS#1, and keeps it decrypted', () => {
    const { privateKey } = rsa2048();
    for (const pem of [encryptedPkcs8Pem(privateKey, 'correct horse'), encryptedPkcs1Pem(privateKey, 'correct horse')]) {
      const material = readSigningKey(pem, 'correct horse');
      expect(material.privatePem).toBe(pkcs8Pem(privateKey));
      expect(material.privatePem).not.toMatch(/ENCRYPTED/);
    }
  });

  it('says a wrong passphrase is wrong, without echoing it', () => {
    expect(refusal(encryptedPkcs8Pem(rsa2048().privateKey, 'correct horse'), 'battery staple').problem).toBe('wrong-passphrase');
  });

  it.each([
    ['garbage', 'hello, I am not a key', /not a PEM private key\. Paste the whole file/],
    ['a cut-off PEM', () => pkcs8Pem(rsa2048().privateKey).slice(0, 400), /cut short or damaged/],
    ['a public key', () => publicPem(rsa2048().publicKey), /public key or certificate\. Roledeck needs the private key/],
    ['an OpenSSH key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n', /OpenSSH-format key\. Convert a copy to PEM first/],
  ])('refuses %s, saying what to paste instead', (_name, pem, expected) => {
    const { problem, message } = refusal(typeof pem === 'function' ? pem() : pem);
    expect(problem).toBe('not-a-private-key');
    expect(message).toMatch(expected);
  });

  it('refuses an EC key: Roledeck signs with RSA 2048', () => {
    expect(refusal(pkcs8Pem(ecP256().privateKey))).toEqual({ problem: 'not-rsa', message: expect.stringMatching(/^This is an EC \(ECDSA\) key\. .*RSA 2048/) });
  });

  it('refuses RSA keys that are not 2048 bits, naming the size', () => {
    expect(refusal(pkcs1Pem(rsa1024().privateKey))).toEqual({ problem: 'wrong-size', message: expect.stringMatching(/^This RSA key is 1024 bits, too short: CloudFront public keys must be RSA 2048/) });
    expect(refusal(pkcs8Pem(rsa3072().privateKey))).toEqual({ problem: 'wrong-size', message: expect.stringMatching(/^This RSA key is 3072 bits, but CloudFront public keys accept RSA 2048 only/) });
  });

  it('generates an RSA 2048 pair whose halves belong together', async () => {
    const material = await generateSigningKey();
    expect(material.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const data = Buffer.from('policy');
    expect(verify('sha1', data, createPublicKey(material.publicKeyPem), sign('sha1', data, material.privateKey))).toBe(true);
    expect(readSigningKey(material.privatePem).fingerprint).toBe(material.fingerprint);
  });
});
