import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLOUDFORMATION_SHORT_FORMS, parseTemplateText } from '../../../../shared/logic/cloudformation-yaml';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/cloudformation/${name}`, import.meta.url), 'utf8');

function body(text: string): unknown {
  const parsed = parseTemplateText(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.body;
}

/** The value of `V:` in a one-line document. */
const valueOf = (yaml: string) => (body(`V: ${yaml}\n`) as { V: unknown }).V;

describe('CloudFormation short forms become the long form CloudFormation sees', () => {
  it.each([
    ['!Ref Env', { Ref: 'Env' }],
    ["!Ref 'AWS::Region'", { Ref: 'AWS::Region' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ["!Sub 'app-${Env}'", { 'Fn::Sub': 'app-${Env}' }],
    ["!Sub ['${A}-x', { A: !Ref Env }]", { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Env' } }] }],
    ['!GetAtt Bucket.Arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Bucket, Arn]', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ["!Base64 'echo hi'", { 'Fn::Base64': 'echo hi' }],
    ["!Base64 { 'Fn::Sub': 'echo ${Env}' }", { 'Fn::Base64': { 'Fn::Sub': 'echo ${Env}' } }],
    ['!ImportValue shared-vpc', { 'Fn::ImportValue': 'shared-vpc' }],
    ["!ImportValue { 'Fn::Sub': '${Env}-vpc' }", { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-vpc' } }],
    ["!GetAZs ''", { 'Fn::GetAZs': '' }],
    ['!GetAZs { Ref: AWS::Region }', { 'Fn::GetAZs': { Ref: 'AWS::Region' } }],
    ["!Join ['-', [a, !Ref Env]]", { 'Fn::Join': ['-', ['a', { Ref: 'Env' }]] }],
    ["!Select [0, !GetAZs '']", { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ["!Split [',', 'a,b']", { 'Fn::Split': [',', 'a,b'] }],
    ['!FindInMap [Sizes, !Ref Env, Instance]', { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Instance'] }],
    ["!Cidr ['10.0.0.0/16', 4, 8]", { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ["!If [IsProd, big, !Ref 'AWS::NoValue']", { 'Fn::If': ['IsProd', 'big', { Ref: 'AWS::NoValue' }] }],
    ['!Equals [!Ref Env, prod]', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Not [!Condition A]', { 'Fn::Not': [{ Condition: 'A' }] }],
    ['!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
    ['!Contains [[a, b], !Ref Env]', { 'Fn::Contains': [['a', 'b'], { Ref: 'Env' }] }],
    ['!EachMemberEquals [!Ref L, a]', { 'Fn::EachMemberEquals': [{ Ref: 'L' }, 'a'] }],
    ['!EachMemberIn [!Ref L, [a]]', { 'Fn::EachMemberIn': [{ Ref: 'L' }, ['a']] }],
    ["!RefAll 'AWS::EC2::VPC::Id'", { 'Fn::RefAll': 'AWS::EC2::VPC::Id' }],
    ['!ValueOf [Env, Tags]', { 'Fn::ValueOf': ['Env', 'Tags'] }],
    ["!ValueOfAll ['AWS::EC2::VPC::Id', Tags]", { 'Fn::ValueOfAll': ['AWS::EC2::VPC::Id', 'Tags'] }],
    ['!Length [a, b]', { 'Fn::Length': ['a', 'b'] }],
    ['!ToJsonString { a: 1 }', { 'Fn::ToJsonString': { a: 1 } }],
  ])('%s', (yaml, longForm) => {
    expect(valueOf(yaml)).toEqual(longForm);
  });

  it('reads block sequences and mappings after a tag, not only flow ones', () => {
    expect(body('V: !If\n  - IsProd\n  - !Ref A\n  - b\n')).toEqual({ V: { 'Fn::If': ['IsProd', { Ref: 'A' }, 'b'] } });
    expect(body('V: !Transform\n  Name: AWS::Include\n  Parameters:\n    Location: s3://b/k\n')).toEqual({
      V: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
    });
  });

  it('reads a short form on a block scalar, as UserData scripts are written', () => {
    expect(body('V: !Sub |\n  #!/bin/bash\n  echo ${Env}\n')).toEqual({ V: { 'Fn::Sub': '#!/bin/bash\necho ${Env}\n' } });
    expect(body('V: !Base64\n  Fn::Sub: echo ${Env}\n')).toEqual({ V: { 'Fn::Base64': { 'Fn::Sub': 'echo ${Env}' } } });
  });

  it('maps every short form in the fixture that uses them all', () => {
    const template = body(fixture('every-short-form.yaml'));
    const text = JSON.stringify(template);
    expect(text).not.toMatch(/"!\w+/);
    for (const tag of CLOUDFORMATION_SHORT_FORMS.filter((name) => !['!Length', '!ToJsonString'].includes(name))) {
      const key = tag === '!Ref' || tag === '!Condition' ? tag.slice(1) : `Fn::${tag.slice(1)}`;
      expect(text, tag).toContain(`"${key}":`);
    }
  });

  it('keeps an anchor and its alias the same value', () => {
    expect(body('A: &name !Ref Env\nB: *name\n')).toEqual({ A: { Ref: 'Env' }, B: { Ref: 'Env' } });
  });

  it('nests short forms to any depth as the long form, whatever the expression', () => {
    type Expr = { yaml: string; long: unknown };
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
    const text = fc.string({ maxLength: 12 }).map((value) => ({ yaml: JSON.stringify(value), long: value }));
    const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        name.map((ref) => ({ yaml: `!Ref ${ref}`, long: { Ref: ref } })),
        fc.tuple(name, name).map(([a, b]) => ({ yaml: `!GetAtt ${a}.${b}`, long: { 'Fn::GetAtt': [a, b] } })),
        fc.tuple(text, fc.array(tie('expr'), { maxLength: 3 })).map(([delimiter, items]) => ({
          yaml: `!Join [${delimiter.yaml}, [${items.map((item) => item.yaml).join(', ')}]]`,
          long: { 'Fn::Join': [delimiter.long, items.map((item) => item.long)] },
        })),
        fc.tuple(name, tie('expr'), tie('expr')).map(([condition, a, b]) => ({
          yaml: `!If [${condition}, ${a.yaml}, ${b.yaml}]`,
          long: { 'Fn::If': [condition, a.long, b.long] },
        })),
        fc.tuple(fc.nat(9), tie('expr')).map(([index, list]) => ({
          yaml: `!Select [${index}, ${list.yaml}]`,
          long: { 'Fn::Select': [index, list.long] },
        })),
      ),
    }));
    fc.assert(
      fc.property(expr, ({ yaml, long }) => {
        expect(valueOf(yaml)).toEqual(long);
      }),
    );
  });

  it('reads any plain YAML or JSON document exactly as the yaml package and JSON.parse do', () => {
    const document = fc.dictionary(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/).filter((key) => key !== 'Parameters'),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(document, (value) => {
        const plain = JSON.parse(JSON.stringify(value)) as unknown;
        expect(body(JSON.stringify(plain))).toEqual(plain);
        expect(body(stringify(plain))).toEqual(plain);
      }),
    );
  });
});

describe('parameter constraints keep the text the template wrote', () => {
  it('keeps leading zeros, trailing zeros and booleans as written', () => {
    const parsed = body(
      'Parameters:\n  Account:\n    Type: String\n    Default: 012345678901\n    AllowedValues: [1.10, 012345678901, true]\n    MinLength: 12\n',
    ) as { Parameters: { Account: Record<string, unknown> } };
    expect(parsed.Parameters.Account).toEqual({
      Type: 'String',
      Default: '012345678901',
      AllowedValues: ['1.10', '012345678901', 'true'],
      MinLength: '12',
    });
  });
});

describe('the template text decides the format, not the file name', () => {
  it('reads JSON as JSON, and YAML (even in flow style) as YAML', () => {
    expect(parseTemplateText(fixture('s3-sns.json'))).toMatchObject({ ok: true, format: 'json' });
    expect(parseTemplateText(fixture('s3-sns.yaml'))).toMatchObject({ ok: true, format: 'yaml' });
    expect(parseTemplateText("{ Resources: { A: { Type: 'AWS::SNS::Topic' } } }")).toMatchObject({
      ok: true,
      format: 'yaml',
      body: { Resources: { A: { Type: 'AWS::SNS::Topic' } } },
    });
  });

  it('ignores a byte order mark', () => {
    expect(parseTemplateText('\uFEFF{"Resources": {}}')).toMatchObject({ ok: true, format: 'json', body: { Resources: {} } });
  });
});

describe('a file that does not parse says where and why', () => {
  it.each([
    ['broken YAML, with line and column', fixture('broken.yaml'), 'syntax', 7, /not valid YAML or JSON \(line 7, column 3\)/],
    ['broken JSON, with line and column', '{\n  "Resources": {\n    "A": 1\n    "B": 2\n  }\n}\n', 'syntax', 4, /^The template is not valid JSON \(line 4, column 5\): Expected ',' or '}'/],
    ['an unknown tag, named with its line', 'Resources:\n  A:\n    Type: !Reff Thing\n', 'unknown-tag', 3, /^!Reff on line 3 is not a CloudFormation short form/],
    ['a short form with the wrong kind of value', 'A: !Ref [a, b]\n', 'tag-form', 1, /^!Ref on line 1 .* takes a single value/],
    ['a list function given a single value', 'A:\n  B: !Join a\n', 'tag-form', 2, /^!Join on line 2 .* takes a list/],
    ['!GetAtt without an attribute', 'A: !GetAtt Bucket\n', 'tag-form', 1, /^!GetAtt on line 1 needs LogicalId\.Attribute/],
    ['two documents in one file', 'A: 1\n---\nB: 2\n', 'syntax', 2, /more than one YAML document \(line 2, column 1\)/],
    ['a duplicated key', 'A: 1\nA: 2\n', 'syntax', 2, /unique/],
  ])('%s', (_name, text, code, line, message) => {
    const parsed = parseTemplateText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.code).toBe(code);
    expect(parsed.problem.line).toBe(line);
    expect(parsed.problem.message).toMatch(message);
  });

  it('counts the other unknown tags so the user knows the first is not the only one', () => {
    const parsed = parseTemplateText('A: !Foo x\nB: !Bar y\nC: !Baz z\n');
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'unknown-tag', line: 1 } });
    expect(parsed.ok ? '' : parsed.problem.message).toContain('(and 2 more unknown tags)');
  });
});
