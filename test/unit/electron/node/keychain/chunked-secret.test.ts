import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinChunks, parseHeader, planChunks } from '../../../../../electron/node/keychain/chunked-secret';

const WINDOWS_LIMIT = 2560;

function roundTrip(secret: Uint8Array, limit: number): Uint8Array | null {
  const plan = planChunks(secret, limit);
  for (const part of [plan.header, ...plan.parts]) expect(part.length).toBeLessThanOrEqual(limit);
  const header = parseHeader(plan.header);
  if (header.kind === 'inline') return header.secret;
  if (header.kind === 'invalid') return null;
  return joinChunks(header, plan.parts);
}

describe('chunked secrets', () => {
  it('stores small secrets inline and large ones in parts within the Windows limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 9000 }), (secret) => {
        expect(roundTrip(secret, WINDOWS_LIMIT)).toEqual(secret);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a secret with a missing part as absent, never truncated', () => {
    const plan = planChunks(new Uint8Array(6000).fill(7), WINDOWS_LIMIT);
    const header = parseHeader(plan.header);
    if (header.kind !== 'chunked') throw new Error('expected chunked');
    expect(joinChunks(header, [plan.parts[0]!, null, plan.parts[2]!])).toBeNull();
    expect(joinChunks(header, plan.parts.slice(0, 2))).toBeNull();
  });

  it('reads a secret with an altered part as absent', () => {
    const plan = planChunks(new Uint8Array(6000).fill(7), WINDOWS_LIMIT);
    const header = parseHeader(plan.header);
    if (header.kind !== 'chunked') throw new Error('expected chunked');
    const altered = plan.parts.map((part) => Uint8Array.from(part));
    altered[1]![5] = 8;
    expect(joinChunks(header, altered)).toBeNull();
  });

  it('treats an unknown header format as absent', () => {
    expect(parseHeader(new Uint8Array([9, 1, 2])).kind).toBe('invalid');
    expect(parseHeader(new Uint8Array([])).kind).toBe('invalid');
  });
});
