/**
 * Base64 as CloudFront wants it in signed URLs and cookies: standard (RFC 2045) base64 with the
 * three characters that are not safe in a query string swapped, `+` → `-`, `=` → `_`, `/` → `~`
 * ("Replace characters that are invalid in a URL query string", CloudFront Developer Guide,
 * "Create a signed URL using a custom policy"). Plain TypeScript so the renderer can decode too.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE_OF = new Map([...ALPHABET].map((char, index) => [char, index]));
const TO_CLOUDFRONT: Record<string, string> = { '+': '-', '=': '_', '/': '~' };
const FROM_CLOUDFRONT: Record<string, string> = { '-': '+', _: '=', '~': '/' };

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 63]!;
  }
  return out;
}

/** Strict decoding: null unless `text` is canonical padded base64 (what a signer produces). */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const values = [0, 1, 2, 3].map((offset) => VALUE_OF.get(text[index + offset]!) ?? 0);
    const triple = (values[0]! << 18) | (values[1]! << 12) | (values[2]! << 6) | values[3]!;
    for (const shift of [16, 8, 0]) {
      if (out < bytes.length) bytes[out++] = (triple >> shift) & 255;
    }
  }
  // Unused low bits must be zero, or two different strings would decode to the same bytes.
  return encodeBase64(bytes) === text ? bytes : null;
}

export function toCloudFrontBase64(standard: string): string {
  return standard.replace(/[+=/]/g, (char) => TO_CLOUDFRONT[char]!);
}

export function fromCloudFrontBase64(cloudFront: string): string {
  return cloudFront.replace(/[-_~]/g, (char) => FROM_CLOUDFRONT[char]!);
}

/**
 * UTF-8 through ECMAScript's own URI functions: shared/ runs without DOM or Node libraries, and
 * decodeURIComponent refuses malformed UTF-8 (overlong forms, encoded surrogates) by itself.
 */
function utf8Bytes(text: string): Uint8Array {
  // A lone surrogate has no UTF-8 form; like TextEncoder, write U+FFFD for it.
  const escaped = encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
  const bytes: number[] = [];
  for (let index = 0; index < escaped.length; index += 1) {
    if (escaped[index] === '%') {
      bytes.push(Number.parseInt(escaped.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(escaped.charCodeAt(index));
    }
  }
  return Uint8Array.from(bytes);
}

function textOfUtf8(bytes: Uint8Array): string | null {
  let escaped = '';
  for (const byte of bytes) escaped += `%${byte.toString(16).padStart(2, '0')}`;
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}

/** The CloudFront-safe base64 of a text's UTF-8 bytes (the `Policy` parameter). */
export function cloudFrontBase64OfText(text: string): string {
  return toCloudFrontBase64(encodeBase64(utf8Bytes(text)));
}

/** The bytes behind a CloudFront-safe base64 value (`Policy`, `Signature`); null if it is not one. */
export function bytesOfCloudFrontBase64(cloudFront: string): Uint8Array | null {
  if (/[+=/]/.test(cloudFront)) return null;
  return decodeBase64(fromCloudFrontBase64(cloudFront));
}

/** The UTF-8 text behind a CloudFront-safe base64 value; null if it is not base64 or not UTF-8. */
export function textOfCloudFrontBase64(cloudFront: string): string | null {
  const bytes = bytesOfCloudFrontBase64(cloudFront);
  return bytes ? textOfUtf8(bytes) : null;
}
