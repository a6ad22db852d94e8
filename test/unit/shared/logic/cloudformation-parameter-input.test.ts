import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeParameterValues,
  mergeTags,
  parseParameterArguments,
  parseParameterFile,
  parseTagArguments,
  parseTagFile,
} from '../../../../shared/logic/cloudformation-parameter-input';

const messages = (result: { ok: boolean; problems?: Array<{ message: string }> }) =>
  result.ok ? [] : (result.problems ?? []).map((problem) => problem.message);

describe('--parameter Name=value', () => {
  it('splits at the first =, keeping = and spaces in the value exactly', () => {
    expect(parseParameterArguments(['Env=prod', 'Password=a=b==', 'Note= two words ', 'Empty='])).toEqual({
      ok: true,
      value: [
        { key: 'Env', value: 'prod' },
        { key: 'Password', value: 'a=b==' },
        { key: 'Note', value: ' two words ' },
        { key: 'Empty', value: '' },
      ],
    });
  });

  it.each([
    ['Env', /"Env" is not a parameter: write it as Env=prod/],
    ['=prod', /"=prod" is not a parameter/],
    ['my-env=prod', /"my-env" is not a parameter name: names are 1–255 letters and digits/],
    ['ParameterKey=Env,ParameterValue=prod', /write parameters as Name=value \(as in Env=prod\), not ParameterKey=/],
  ])('refuses %s, saying how to write it', (argument, message) => {
    expect(messages(parseParameterArguments([argument]))).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a parameter given twice', () => {
    expect(messages(parseParameterArguments(['Env=dev', 'Env=prod']))).toEqual(['Env is given twice; keep one.']);
  });

  it('keeps any value after the first = whatever it holds', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), fc.string(), (key, value) => {
        expect(parseParameterArguments([`${key}=${value}`])).toEqual({ ok: true, value: [{ key, value }] });
      }),
    );
  });
});

describe('parameters file, KEY=VALUE lines', () => {
  it('skips comments and blank lines, trims, keeps = in values, and unquotes', () => {
    const file = [
      '# test stack',
      '',
      'Env = prod',
      '  Url=https://example.com/?a=b&c=d  ',
      'Padded="  spaced  "',
      "Single='x'",
      'Empty=',
      '\t# indented comment',
    ].join('\r\n');
    expect(parseParameterFile(file)).toEqual({
      ok: true,
      value: [
        { key: 'Env', value: 'prod' },
        { key: 'Url', value: 'https://example.com/?a=b&c=d' },
        { key: 'Padded', value: '  spaced  ' },
        { key: 'Single', value: 'x' },
        { key: 'Empty', value: '' },
      ],
    });
  });

  it('names the line of every problem, a duplicate with both lines', () => {
    const result = parseParameterFile('Env=dev\njust words\nEnv=prod\nbad-key=1\n');
    expect(messages(result)).toEqual([
      'Line 2: expected Name=value, found "just words".',
      'Line 3: Env is given twice (lines 1 and 3); keep one.',
      'Line 4: "bad-key" is not a parameter name: names are 1–255 letters and digits.',
    ]);
  });
});

describe('parameters file, the AWS CLI JSON form', () => {
  it('reads values and UsePreviousValue', () => {
    const file = JSON.stringify([
      { ParameterKey: 'Env', ParameterValue: 'prod' },
      { ParameterKey: 'DbPassword', UsePreviousValue: true },
      { ParameterKey: 'Empty', ParameterValue: '' },
    ]);
    expect(parseParameterFile(`\uFEFF${file}`)).toEqual({
      ok: true,
      value: [
        { key: 'Env', value: 'prod' },
        { key: 'DbPassword', usePreviousValue: true },
        { key: 'Empty', value: '' },
      ],
    });
  });

  it.each([
    ['not JSON', '[{"ParameterKey": "Env",}]', /^The file is not valid JSON/],
    ['an object, not an array', '{"Env": "prod"}', /Expected a JSON array, as in \[\{"ParameterKey"/],
    ['an entry without a key', '[{"ParameterValue": "prod"}]', /Entry 1 has no ParameterKey/],
    ['an entry with a number', '[{"ParameterKey": "Port", "ParameterValue": 80}]', /Entry 1 \(Port\) needs a ParameterValue string, or UsePreviousValue: true/],
    ['value and UsePreviousValue together', '[{"ParameterKey": "Env", "ParameterValue": "a", "UsePreviousValue": true}]', /both ParameterValue and UsePreviousValue/],
    ['a key twice', '[{"ParameterKey": "Env", "ParameterValue": "a"}, {"ParameterKey": "Env", "ParameterValue": "b"}]', /Env is given twice/],
  ])('refuses %s', (_name, file, message) => {
    expect(messages(parseParameterFile(file))).toEqual([expect.stringMatching(message)]);
  });
});

describe('stack tags', () => {
  it('reads --tag arguments, lines and the JSON Key/Value form alike', () => {
    const expected = { ok: true, value: [{ key: 'team', value: 'web' }, { key: 'cost:centre', value: 'a=1' }] };
    expect(parseTagArguments(['team=web', 'cost:centre=a=1'])).toEqual(expected);
    expect(parseTagFile('# tags\nteam = web\ncost:centre=a=1\n')).toEqual(expected);
    expect(parseTagFile('[{"Key": "team", "Value": "web"}, {"Key": "cost:centre", "Value": "a=1"}]')).toEqual(expected);
  });

  it.each([
    ['a reserved aws: key', ['aws:team=x'], /may not start with aws:/],
    ['a key over 128 characters', [`${'k'.repeat(129)}=x`], /ag key is 1–128 characters/],
    ['a value over 256 characters', [`team=${'v'.repeat(257)}`], /tag team: A tag value is at most 256 characters/],
    ['a missing =', ['team'], /"team" is not a tag: write it as team=web/],
  ])('refuses %s', (_name, args, message) => {
    expect(messages(parseTagArguments(args))).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a JSON tag entry without Key and Value strings', () => {
    expect(messages(parseTagFile('[{"Key": "team"}]'))).toEqual([expect.stringMatching(/Entry 1 needs a Key and a Value string/)]);
  });
});

describe('merging values from several sources', () => {
  it('lets later sources win per key and keeps the others', () => {
    const recipe = [{ key: 'Env', value: 'dev' }, { key: 'Size', value: 'small' }];
    const file = [{ key: 'Env', value: 'stage' }];
    const flags = [{ key: 'Env', usePreviousValue: true as const }, { key: 'Extra', value: 'x' }];
    expect(mergeParameterValues(recipe, file, flags)).toEqual([
      { key: 'Env', usePreviousValue: true },
      { key: 'Size', value: 'small' },
      { key: 'Extra', value: 'x' },
    ]);
    expect(mergeTags([{ key: 'a', value: '1' }], [{ key: 'a', value: '2' }])).toEqual([{ key: 'a', value: '2' }]);
  });
});
