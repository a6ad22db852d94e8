/**
 * Secrets larger than one keychain item allows are split across numbered items behind a small
 * header. Windows Credential Manager caps a credential at 2,560 bytes; a CloudFront private key
 * PEM (~1,700 chars) or a session token (~1,000+) stored as a UTF-16 password would not fit.
 *
 * Header layout (the bytes stored under the secret's own name):
 *   byte 0      format: 1 = inline, 2 = chunked
 *   inline:     bytes 1.. are the secret
 *   chunked:    bytes 1-4 part count (uint32 BE), 5-8 total length (uint32 BE), 9-40 SHA-256 of the secret
 * A missing or altered part makes the whole secret read as absent, never as a truncated value.
 */
import { createHash } from 'node:crypto';

export const FORMAT_INLINE = 1;
export const FORMAT_CHUNKED = 2;
const CHUNK_HEADER_BYTES = 1 + 4 + 4 + 32;

export interface ChunkPlan {
  header: Uint8Array;
  parts: Uint8Array[];
}

export function planChunks(secret: Uint8Array, maxItemBytes: number): ChunkPlan {
  if (secret.length + 1 <= maxItemBytes) {
    const header = new Uint8Array(secret.length + 1);
    header[0] = FORMAT_INLINE;
    header.set(secret, 1);
    return { header, parts: [] };
  }
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < secret.length; offset += maxItemBytes) {
    parts.push(secret.slice(offset, offset + maxItemBytes));
  }
  const header = new Uint8Array(CHUNK_HEADER_BYTES);
  const view = new DataView(header.buffer);
  header[0] = FORMAT_CHUNKED;
  view.setUint32(1, parts.length);
  view.setUint32(5, secret.length);
  header.set(createHash('sha256').update(secret).digest(), 9);
  return { header, parts };
}

export type ParsedHeader =
  | { kind: 'inline'; secret: Uint8Array }
  | { kind: 'chunked'; partCount: number; totalLength: number; sha256: Uint8Array }
  | { kind: 'invalid' };

export function parseHeader(header: Uint8Array): ParsedHeader {
  if (header.length >= 1 && header[0] === FORMAT_INLINE) return { kind: 'inline', secret: header.slice(1) };
  if (header.length === CHUNK_HEADER_BYTES && header[0] === FORMAT_CHUNKED) {
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    return { kind: 'chunked', partCount: view.getUint32(1), totalLength: view.getUint32(5), sha256: header.slice(9) };
  }
  return { kind: 'invalid' };
}

/** Joins parts and checks them against the header; null when anything is missing or altered. */
export function joinChunks(
  header: Extract<ParsedHeader, { kind: 'chunked' }>,
  parts: ReadonlyArray<Uint8Array | null>,
): Uint8Array | null {
  if (parts.length !== header.partCount || parts.some((part) => part === null)) return null;
  const joined = new Uint8Array(header.totalLength);
  let offset = 0;
  for (const part of parts as Uint8Array[]) {
    if (offset + part.length > joined.length) return null;
    joined.set(part, offset);
    offset += part.length;
  }
  if (offset !== header.totalLength) return null;
  const digest = createHash('sha256').update(joined).digest();
  return Buffer.compare(digest, Buffer.from(header.sha256)) === 0 ? joined : null;
}

