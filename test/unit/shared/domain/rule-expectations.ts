import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

/** The schema accepts the value. */
export function expectPasses(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success, result.success ? '' : `rejected ${JSON.stringify(value)}: ${result.error.issues.map((issue) => issue.message).join('; ')}`).toBe(true);
}

/** The schema rejects the value, with a message (what the message says is tested where it matters). */
export function expectRejected(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success, `accepted ${JSON.stringify(value)}`).toBe(false);
  expect(result.error?.issues[0]?.message).toMatch(/\S/);
}

/** The schema rejects the value, and one message names the rule (contains `rule`). */
export function expectRule(schema: z.ZodType, value: unknown, rule: string | RegExp): void {
  const result = schema.safeParse(value);
  expect(result.success, `accepted ${JSON.stringify(value)}`).toBe(false);
  const messages = result.error?.issues.map((issue) => issue.message) ?? [];
  expect(messages.some((message) => (typeof rule === 'string' ? message.includes(rule) : rule.test(message))), `messages: ${messages.join(' | ')}`).toBe(true);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** JavaScript's (and AWS's) `\w` without the u flag: ASCII letters, digits and underscore. */
export const WORD_CHARACTERS = `${LETTERS}${DIGITS}_`;

/** Strings made only of `alphabet`'s characters, within the length range. */
export function stringFrom(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
}

/** A string of allowed characters with one character outside `alphabet` placed somewhere in it. */
export function stringWithOneOutside(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  const outside = fc
    .string({ minLength: 1, maxLength: 1, unit: 'binary' })
    .filter((character) => !alphabet.includes(character));
  return fc
    .tuple(stringFrom(alphabet, Math.max(0, minLength - 1), maxLength - 1), outside, fc.nat())
    .map(([base, bad, at]) => {
      const index = base.length === 0 ? 0 : at % (base.length + 1);
      return `${base.slice(0, index)}${bad}${base.slice(index)}`;
    });
}
