import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlight, type Token } from '../../../../../renderer/src/features/onboarding/highlight';

const LANGUAGES = ['json', 'yaml', 'shell', 'markdown', 'html', 'text'] as const;
const kinds = (tokens: Token[], kind: Token['kind']) => tokens.filter((token) => token.kind === kind).map((token) => token.text);

describe('the artefact previews’ tokenizer', () => {
  it('never changes the text: the tokens joined are the input, whatever it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'"\':- \n\t#{}[],\\a1-tn'), maxLength: 80 })), fc.constantFrom(...LANGUAGES), (text, language) => {
        expect(highlight(text, language).map((token) => token.text).join('')).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('tells JSON keys from string values, and marks numbers and literals', () => {
    const tokens = highlight('{\n  "Version": "2012-10-17",\n  "Bool": true,\n  "Max": 3600\n}', 'json');
    expect(kinds(tokens, 'key')).toEqual(['"Version"', '"Bool"', '"Max"']);
    expect(kinds(tokens, 'string')).toEqual(['"2012-10-17"']);
    expect(kinds(tokens, 'literal')).toEqual(['true']);
    expect(kinds(tokens, 'number')).toEqual(['3600']);
  });

  it('marks YAML keys, quoted and plain values, list items and comments', () => {
    const tokens = highlight('# the role\nResources:\n  CrossAccountRole:\n    Type: "AWS::IAM::Role"\n    MaxSessionDuration: 7200\n    ManagedPolicyArns:\n      - arn:aws:iam::aws:policy/SecurityAudit', 'yaml');
    expect(kinds(tokens, 'key')).toEqual(['Resources', 'CrossAccountRole', 'Type', 'MaxSessionDuration', 'ManagedPolicyArns']);
    expect(kinds(tokens, 'string')).toEqual(['"AWS::IAM::Role"', 'arn:aws:iam::aws:policy/SecurityAudit']);
    expect(kinds(tokens, 'number')).toEqual(['7200']);
    expect(kinds(tokens, 'comment')).toEqual(['# the role']);
  });

  it('marks the command and its flags in a shell line, and quoted words as strings', () => {
    const tokens = highlight("aws cloudformation deploy --stack-name roledeck-x --parameter-overrides 'ExternalId=a b'", 'shell');
    expect(kinds(tokens, 'key')).toEqual(['aws']);
    expect(kinds(tokens, 'flag')).toEqual(['--stack-name', '--parameter-overrides']);
    expect(kinds(tokens, 'string')).toEqual(["'ExternalId=a b'"]);
  });

  it('leaves Markdown and HTML as plain text: nothing in an artefact is interpreted', () => {
    expect(highlight('<script>alert(1)</script>', 'html')).toEqual([{ kind: 'plain', text: '<script>alert(1)</script>' }]);
  });
});
