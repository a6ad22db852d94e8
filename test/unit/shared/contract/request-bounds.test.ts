import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels } from '../../../../shared/contract/channels';

/**
 * Every string a renderer can send must have a maximum length: the main side parses each request
 * before a handler sees it, and an unbounded field lets a compromised page hand it megabytes to
 * regex-test, log or write into the keychain. The walk goes through zod's own JSON Schema of each
 * request (input side: what the renderer may send), so objects, arrays, unions, optionals,
 * records' keys and values, and pipes are all reached, including in channels added later.
 */

type JsonNode = Record<string, unknown>;

/** Where a request schema accepts an unbounded string, or anything at all (z.unknown / z.any). */
function unboundedInputs(schema: z.ZodType): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${path}[${index}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const json = node as JsonNode;
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const fixed = json.enum !== undefined || json.const !== undefined;
    if (types.includes('string') && json.maxLength === undefined && !fixed) found.push(`${path || '(request)'}: a string without a maximum length`);
    const acceptsAnything = Object.keys(json).filter((key) => key !== '$schema' && key !== 'description').length === 0;
    if (acceptsAnything) found.push(`${path || '(request)'}: accepts any value`);
    for (const [key, value] of Object.entries(json)) {
      // `properties` maps names to schemas: each one is walked under its own name.
      if (key === 'properties' && value !== null && typeof value === 'object') {
        for (const [name, inner] of Object.entries(value)) walk(inner, `${path}.${name}`);
      } else if (typeof value === 'object') {
        walk(value, `${path}/${key}`);
      }
    }
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), '');
  return found;
}

describe('IPC request limits', () => {
  it('every string field of every channel’s request has a maximum length', () => {
    const problems = Object.entries(channels).flatMap(([name, spec]) => unboundedInputs(spec.request).map((problem) => `${name} ${problem}`));
    expect(problems).toEqual([]);
  });

  it('finds an unbounded string however deep a request nests it', () => {
    const nested = z
      .object({
        name: z.string().max(64),
        kind: z.enum(['a', 'b']),
        fixed: z.literal('x'),
        items: z.array(z.union([z.object({ deep: z.string() }), z.number()])).optional(),
        tags: z.record(z.string(), z.string().max(10)),
        anything: z.unknown(),
        piped: z.string().transform((text) => text.length),
      })
      .strict();
    expect(unboundedInputs(nested)).toEqual([
      '.items/items/anyOf[0].deep: a string without a maximum length',
      '.tags/propertyNames: a string without a maximum length',
      '.anything: accepts any value',
      '.piped: a string without a maximum length',
    ]);
  });

  it('counts a length limit made by a rule’s own check as bounded', () => {
    expect(unboundedInputs(z.object({ name: z.string().min(1).max(64).regex(/^\w+$/) }))).toEqual([]);
  });
});
