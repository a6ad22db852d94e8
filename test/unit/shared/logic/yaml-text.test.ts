import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonValue } from '../../../../shared/domain/iam-policy';
import { toYaml } from '../../../../shared/logic/yaml-text';

describe('JSON data as YAML', () => {
  it('reads back as the same data in the yaml package, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        // -0 is not JSON; JSON.stringify writes it as 0.
        const json = JSON.parse(JSON.stringify(value)) as JsonValue;
        expect(parse(toYaml(json))).toEqual(json);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps strings strings even for a YAML 1.1 reader (yes, on, 0123, 1:20, null)', () => {
    const tricky = { a: 'yes', b: 'on', c: '0123', d: '1:20', e: 'null', f: '', g: ' padded ', h: '- dash', i: '#hash', j: 'a: b', k: 'multi\nline', l: '\u2028', m: '😀' };
    expect(parse(toYaml(tricky), { version: '1.1' })).toEqual(tricky);
    expect(parse(toYaml(tricky))).toEqual(tricky);
  });

  it('quotes keys that are not plain words', () => {
    const keys = { yes: 1, 'has space': 2, '1abc': 3, 'sts:ExternalId': 4, 'Fn::GetAtt': 5, 'ends:': 6, '': 7 };
    const text = toYaml(keys);
    expect(text).toContain('sts:ExternalId: 4');
    expect(text).toContain('Fn::GetAtt: 5');
    expect(text).toContain('"yes": 1');
    expect(parse(text, { version: '1.1' })).toEqual(keys);
  });

  it('writes readable block style', () => {
    expect(toYaml({ Resources: { Role: { Type: 'AWS::IAM::Role', List: ['a', { b: 1, c: [] }], Empty: {} } } })).toBe(
      ['Resources:', '  Role:', '    Type: "AWS::IAM::Role"', '    List:', '      - "a"', '      - b: 1', '        c: []', '    Empty: {}', ''].join('\n'),
    );
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => toYaml({ a: Number.NaN })).toThrow(/non-finite/);
  });
});
