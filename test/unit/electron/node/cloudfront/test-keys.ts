import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** Test keys, generated once per test file that asks for them (an RSA 2048 pair takes ~100 ms). */
const cache = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();

function pair(name: string, make: () => { privateKey: KeyObject; publicKey: KeyObject }) {
  let found = cache.get(name);
  if (!found) {
    found = make();
    cache.set(name, found);
  }
  return found;
}

export const rsa2048 = () => pair('rsa2048', () => generateKeyPairSync('rsa', { modulusLength: 2048 }));
export const otherRsa2048 = () => pair('other', () => generateKeyPairSync('rsa', { modulusLength: 2048 }));
export const rsa1024 = () => pair('rsa1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 }));
export const rsa3072 = () => pair('rsa3072', () => generateKeyPairSync('rsa', { modulusLength: 3072 }));
export const ecP256 = () => pair('ec', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }));

/** PKCS#1 ("BEGIN RSA PRIVATE KEY"), as the legacy CloudFront key-pair download gives it. */
export function pkcs1Pem(key: KeyObject): string {
  return key.export({ type: 'pkcs1', format: 'pem' }).toString();
}

export function pkcs8Pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Encrypted PKCS#8 ("BEGIN ENCRYPTED PRIVATE KEY"). */
export function encryptedPkcs8Pem(key: KeyObject, passphrase: string): string {
  return key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}

/** Encrypted PKCS#1 with the legacy OpenSSL header ("Proc-Type: 4,ENCRYPTED"). */
export function encryptedPkcs1Pem(key: KeyObject, passphrase: string): string {
  return key.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}

export function publicPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}
