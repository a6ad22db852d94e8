import { createHash, createPrivateKey, createPublicKey, generateKeyPair, sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { RoledeckError } from '../../../shared/contract/errors';

/**
 * Reading, checking and generating CloudFront signing keys. CloudFront public keys are "RSA 2048
 * or ECDSA 256" (CloudFront API Reference, PublicKey); Roledeck signs with RSA and SHA-1, the
 * signature every CloudFront distribution verifies, so it takes RSA keys of exactly 2048 bits.
 * Error messages never quote the PEM or the passphrase.
 */

export const CLOUDFRONT_RSA_BITS = 2048;

export type KeyProblem =
  | 'passphrase-required'
  | 'wrong-passphrase'
  | 'not-a-private-key'
  | 'not-rsa'
  | 'wrong-size'
  | 'damaged';

/**
 * A key Roledeck refuses; `problem` lets the CLI ask for a passphrase instead of failing, and the
 * passphrase problems name the `passphrase` field so the window shows that field with the message.
 */
export class CloudFrontKeyError extends RoledeckError {
  readonly problem: KeyProblem;
  constructor(problem: KeyProblem, message: string) {
    super('VALIDATION', message, problem === 'passphrase-required' || problem === 'wrong-passphrase' ? { field: 'passphrase' } : {});
    this.name = 'CloudFrontKeyError';
    this.problem = problem;
  }
}

export interface SigningKeyMaterial {
  privateKey: KeyObject;
  /** Unencrypted PKCS#8 PEM: the form kept in the keychain, whatever form was imported. */
  privatePem: string;
  /** SubjectPublicKeyInfo PEM: what CloudFront's CreatePublicKey takes. */
  publicKeyPem: string;
  fingerprint: string;
}

/** `SHA256:` and the unpadded base64 SHA-256 of the DER public key, as ssh-keygen -l writes fingerprints. */
export function fingerprintOf(publicKey: KeyObject): string {
  const digest = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

function isEncrypted(pem: string): boolean {
  // PKCS#8 "ENCRYPTED PRIVATE KEY", or the legacy OpenSSL header on PKCS#1 ("Proc-Type: 4,ENCRYPTED").
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem) || /Proc-Type:\s*4,ENCRYPTED/.test(pem);
}

function whyNotAPrivateKey(pem: string): string {
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(pem)) {
    return 'This is an OpenSSH-format key. Convert a copy to PEM first (ssh-keygen -p -m PEM -f <copy>), then import that.';
  }
  if (/-----BEGIN (RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(pem) && !/PRIVATE KEY-----/.test(pem)) {
    return 'This is a public key or certificate. Roledeck needs the private key: the .pem file saved when the key pair was created.';
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return 'This is not a PEM private key. Paste the whole file, from the -----BEGIN … PRIVATE KEY----- line to the -----END line.';
  }
  return 'The PEM could not be read as a private key: it may be cut short or damaged. Copy it again from the original file.';
}

function checkSigningKey(privateKey: KeyObject): void {
  const type = privateKey.asymmetricKeyType;
  if (type === 'ec') {
    throw new CloudFrontKeyError('not-rsa', 'This is an EC (ECDSA) key. Roledeck signs CloudFront URLs with RSA 2048 keys: import the RSA private key of your key pair, or generate a new RSA 2048 pair here.');
  }
  if (type !== 'rsa') {
    throw new CloudFrontKeyError('not-rsa', `This is ${type === 'rsa-pss' ? 'an RSA-PSS' : `an ${String(type).toUpperCase()}`} key. CloudFront signatures need a plain RSA 2048 key: import that, or generate a new pair here.`);
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < CLOUDFRONT_RSA_BITS) {
    throw new CloudFrontKeyError('wrong-size', `This RSA key is ${bits} bits, too short: CloudFront public keys must be RSA 2048. Generate a new 2048-bit pair (here, or with openssl genrsa 2048) and upload its public key to CloudFront.`);
  }
  if (bits > CLOUDFRONT_RSA_BITS) {
    throw new CloudFrontKeyError('wrong-size', `This RSA key is ${bits} bits, but CloudFront public keys accept RSA 2048 only. Generate a 2048-bit pair (here, or with openssl genrsa 2048) and upload its public key.`);
  }
}

function material(privateKey: KeyObject): SigningKeyMaterial {
  const publicKey = createPublicKey(privateKey);
  // A key whose numbers do not belong together still parses; it only shows when a signature fails.
  const probe = Buffer.from('roledeck key check');
  if (!verify('sha1', probe, publicKey, sign('sha1', probe, privateKey))) {
    throw new CloudFrontKeyError('damaged', 'This private key is damaged: a signature made with it does not verify. Copy it again from the original file.');
  }
  return {
    privateKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

/**
 * Reads a private key PEM (PKCS#1 "RSA PRIVATE KEY" as the legacy CloudFront key-pair download
 * gives it, or PKCS#8), decrypting it when it is encrypted and a passphrase is given.
 */
export function readSigningKey(pem: string, passphrase?: string): SigningKeyMaterial {
  const encrypted = isEncrypted(pem);
  if (encrypted && !passphrase) {
    throw new CloudFrontKeyError('passphrase-required', 'This private key is encrypted. Enter its passphrase to import it; Roledeck keeps it decrypted in the OS keychain only.');
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(encrypted ? { key: pem, format: 'pem', passphrase: passphrase! } : { key: pem, format: 'pem' });
  } catch {
    if (encrypted) throw new CloudFrontKeyError('wrong-passphrase', 'The passphrase does not open this private key. Check it and try again.');
    throw new CloudFrontKeyError('not-a-private-key', whyNotAPrivateKey(pem));
  }
  checkSigningKey(privateKey);
  return material(privateKey);
}

const generateRsa = promisify(generateKeyPair);

/** A new RSA 2048 key pair, generated off the event loop (it takes tens of milliseconds). */
export async function generateSigningKey(): Promise<SigningKeyMaterial> {
  const { privateKey } = await generateRsa('rsa', { modulusLength: CLOUDFRONT_RSA_BITS, publicExponent: 0x10001 });
  return material(privateKey);
}
