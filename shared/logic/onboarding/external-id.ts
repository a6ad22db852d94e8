import { GENERATED_EXTERNAL_ID_LENGTH } from '../../domain/onboarding';
import type { RandomBytes } from '../../ports/random-bytes';

/**
 * A fresh ExternalId per customer. AWS allows 2–1224 characters of [\w+=,.@:/-]; Roledeck uses only
 * letters and digits, so the value survives every place it is pasted: a shell command line
 * (`--parameter-overrides ExternalId=…`, where PowerShell splits on commas), a URL query string,
 * a CSV cell, a double-click selection.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely (no modulo bias). */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

export function generateExternalId(randomBytes: RandomBytes, length = GENERATED_EXTERNAL_ID_LENGTH): string {
  let id = '';
  // Each batch is ~3 % larger than needed; a rejected byte is rare (8 in 256), so one or two batches do.
  for (let round = 0; id.length < length; round += 1) {
    if (round > 64) throw new Error('The random source keeps returning unusable bytes; ExternalId not generated.');
    const wanted = length - id.length;
    const bytes = randomBytes(wanted + Math.ceil(wanted / 16) + 2);
    if (bytes.length === 0) throw new Error('The random source returned no bytes; ExternalId not generated.');
    for (const byte of bytes) {
      if (byte >= UNBIASED_LIMIT) continue;
      id += ALPHABET[byte % ALPHABET.length];
      if (id.length === length) break;
    }
  }
  return id;
}
