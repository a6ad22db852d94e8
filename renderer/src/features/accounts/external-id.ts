/**
 * Letters and digits only: all of them are in the ExternalId alphabet ([\w+=,.@:/-]) and none needs
 * quoting in a shell, a policy document or a URL, so the customer can paste it anywhere.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The largest multiple of the alphabet's size below 256: bytes above it are drawn again (no modulo bias). */
const LIMIT = 256 - (256 % ALPHABET.length);

export const EXTERNAL_ID_LENGTH = 32;

/** A random ExternalId: 32 characters, about 190 bits, from the Web Crypto random source. */
export function generateExternalId(
  length: number = EXTERNAL_ID_LENGTH,
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < LIMIT) out += ALPHABET[byte % ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}
