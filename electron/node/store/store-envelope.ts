import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The profile store file: a fixed header, the GCM tag, then the AES-256-GCM ciphertext of the
 * JSON document. The whole header is the additional authenticated data, so the versions and the
 * key id cannot be changed without the file failing to open.
 *
 *   offset  size  field
 *   0       8     magic "RDKSTORE"
 *   8       1     envelope format (ENVELOPE_FORMAT)
 *   9       1     reserved, 0
 *   10      2     document version, big-endian (readable without the key: "newer" needs no key)
 *   12      8     key id: HMAC-SHA256(key, KEY_ID_LABEL)[0..8], tells "wrong key" from "damaged"
 *   20      12    IV, random per write (NIST SP 800-38D: 96-bit IVs, at most 2^32 random IVs per key)
 *   32      16    GCM tag
 *   48      ...   ciphertext
 */
export const MAGIC = Buffer.from('RDKSTORE', 'ascii');
export const ENVELOPE_FORMAT = 1;
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 32;
const KEY_ID_LABEL = 'roledeck profile store key id v1';

export function keyIdOf(key: Uint8Array): Buffer {
  return createHmac('sha256', key).update(KEY_ID_LABEL).digest().subarray(0, 8);
}

export interface EnvelopeHeader {
  format: number;
  documentVersion: number;
  keyId: Buffer;
}

export type OpenedEnvelope =
  | { kind: 'ok'; plaintext: Buffer; documentVersion: number }
  /** Not a store file, or cut short. */
  | { kind: 'damaged'; reason: string }
  /** An envelope format or document version this build does not know. */
  | { kind: 'newer'; format: number; documentVersion: number }
  /** Written with another key than the one given. */
  | { kind: 'wrong-key' }
  /** The right key, but the bytes were changed: the GCM tag does not match. */
  | { kind: 'tampered' };

/** Reads what can be read without a key: whether this is a store file and which versions wrote it. */
export function readHeader(file: Uint8Array): { kind: 'ok'; header: EnvelopeHeader } | { kind: 'damaged'; reason: string } {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < MAGIC.length + 1 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { kind: 'damaged', reason: 'it is not a Roledeck store file' };
  }
  const format = bytes[8]!;
  // A newer format may lay out the rest differently: only the format byte is trusted then.
  if (format > ENVELOPE_FORMAT) return { kind: 'ok', header: { format, documentVersion: 0, keyId: Buffer.alloc(0) } };
  if (format < 1 || bytes.length < HEADER_BYTES + TAG_BYTES) return { kind: 'damaged', reason: 'the file is cut short or its header is damaged' };
  return { kind: 'ok', header: { format, documentVersion: bytes.readUInt16BE(10), keyId: bytes.subarray(12, 20) } };
}

export function sealEnvelope(plaintext: Uint8Array, key: Uint8Array, documentVersion: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[8] = ENVELOPE_FORMAT;
  header.writeUInt16BE(documentVersion, 10);
  keyIdOf(key).copy(header, 12);
  randomBytes(IV_BYTES).copy(header, 20);
  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(20, 32), { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, cipher.getAuthTag(), ciphertext]);
}

/** `knownDocumentVersion`: the newest document version this build reads. */
export function openEnvelope(file: Uint8Array, key: Uint8Array, knownDocumentVersion: number): OpenedEnvelope {
  const read = readHeader(file);
  if (read.kind === 'damaged') return read;
  const { header } = read;
  if (header.format > ENVELOPE_FORMAT || header.documentVersion > knownDocumentVersion) {
    return { kind: 'newer', format: header.format, documentVersion: header.documentVersion };
  }
  if (!header.keyId.equals(keyIdOf(key))) return { kind: 'wrong-key' };
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(20, HEADER_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(bytes.subarray(0, HEADER_BYTES));
  decipher.setAuthTag(bytes.subarray(HEADER_BYTES, HEADER_BYTES + TAG_BYTES));
  try {
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES + TAG_BYTES)), decipher.final()]);
    return { kind: 'ok', plaintext, documentVersion: header.documentVersion };
  } catch {
    return { kind: 'tampered' };
  }
}
