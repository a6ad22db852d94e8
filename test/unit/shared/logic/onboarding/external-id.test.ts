import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExternalIdSchema } from '../../../../../shared/domain/aws-rules';
import { GENERATED_EXTERNAL_ID_LENGTH, OnboardingExternalIdSchema, STRONG_EXTERNAL_ID_MIN_LENGTH } from '../../../../../shared/domain/onboarding';
import { generateExternalId } from '../../../../../shared/logic/onboarding/external-id';

/** A random source that replays `bytes` (cycling), like a recorded crypto.randomBytes. */
function replay(bytes: readonly number[]) {
  let next = 0;
  return (count: number) => Uint8Array.from({ length: count }, () => bytes[next++ % bytes.length]!);
}

describe('generated ExternalIds', () => {
  it('always satisfy AWS’s rule (2–1224 of [\\w+=,.@:/-]) and are at least 32 characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), (bytes) => {
        const id = generateExternalId(replay([...bytes, 0]));
        expect(id).toHaveLength(GENERATED_EXTERNAL_ID_LENGTH);
        expect(id.length).toBeGreaterThanOrEqual(STRONG_EXTERNAL_ID_MIN_LENGTH);
        expect(id).toMatch(/^[\w+=,.@:/-]{2,1224}$/);
        expect(ExternalIdSchema.safeParse(id).success).toBe(true);
        expect(OnboardingExternalIdSchema.safeParse(id).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('use letters and digits only, so they paste into shells, URLs and CSV cells unquoted', () => {
    const id = generateExternalId((count) => randomBytes(count));
    expect(id).toMatch(/^[A-Za-z0-9]{40}$/);
  });

  it('differ every time with a real random source', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => generateExternalId((count) => randomBytes(count))));
    expect(ids.size).toBe(1000);
  });

  it('skip bytes at or above 248 so every character is equally likely', () => {
    // 0 → 'A', 61 → '9', 62 % 62 = 0 → 'A', 247 % 62 = 61 → '9'; 248 and 255 are skipped.
    expect(generateExternalId(replay([248, 255, 0, 61, 62, 247]), 4)).toBe('A9A9');
    expect(generateExternalId(replay([247, 248, 62]), 2)).toBe('9A');
  });

  it('keeps asking the random source until it has enough usable bytes', () => {
    const calls: number[] = [];
    const mostlyUnusable = (count: number) => {
      calls.push(count);
      return Uint8Array.from({ length: count }, (_, index) => (index === 0 ? 1 : 250));
    };
    expect(generateExternalId(mostlyUnusable, 3)).toBe('BBB');
    expect(calls.length).toBe(3);
  });

  it('refuses a random source that returns nothing or only unusable bytes', () => {
    expect(() => generateExternalId(() => new Uint8Array(0))).toThrow(/returned no bytes/);
    expect(() => generateExternalId((count) => new Uint8Array(count).fill(255))).toThrow(/unusable bytes/);
  });
});
