import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateSummarySchema, type TemplateSummary } from '../../../../shared/domain/deploy-template';
import { analyzeTemplate } from '../../../../shared/logic/cloudformation-template';
import {
  INLINE_TEMPLATE_MAX_BYTES,
  planTemplateUpload,
  S3_TEMPLATE_MAX_BYTES,
  utf8ByteLength,
} from '../../../../shared/logic/cloudformation-template-size';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/cloudformation/${name}`, import.meta.url), 'utf8');

function summary(text: string): TemplateSummary {
  const analysis = analyzeTemplate(text);
  if (!analysis.ok) throw new Error(analysis.problem.message);
  // What crosses IPC to the deploy form must parse with its own schema.
  return TemplateSummarySchema.parse(analysis.summary);
}

function problem(text: string) {
  const analysis = analyzeTemplate(text);
  if (analysis.ok) throw new Error('expected a problem');
  return analysis.problem;
}

/** A YAML template of exactly `bytes` bytes: one topic, padded with a comment. */
function templateOfSize(bytes: number): string {
  const body = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n#';
  return body + 'x'.repeat(bytes - body.length - 1) + '\n';
}

describe('the small S3 + SNS stack', () => {
  const result = summary(fixture('s3-sns.yaml'));

  it('lists every parameter with its type, default and constraints as written', () => {
    expect(result.parameters).toEqual([
      {
        name: 'Env',
        type: 'String',
        default: 'dev',
        allowedValues: ['dev', 'stage', 'prod'],
        description: 'Which environment this test stack belongs to',
        noEcho: false,
      },
      {
        name: 'OwnerAccount',
        type: 'String',
        default: '012345678901',
        allowedPattern: '\\d{12}',
        constraintDescription: 'must be a 12-digit AWS account ID',
        noEcho: false,
      },
      { name: 'RetentionDays', type: 'Number', default: '7', minValue: 1, maxValue: 365, noEcho: false },
      { name: 'NotifyEmail', type: 'String', minLength: 3, maxLength: 254, description: 'Who hears about the bucket', noEcho: false },
      { name: 'ApiToken', type: 'String', minLength: 8, noEcho: true },
    ]);
  });

  it('counts its two resources, needs no capability, goes inline and names the bucket as stateful', () => {
    expect(result).toMatchObject({
      format: 'yaml',
      description: 'Roledeck test stack - a bucket and a topic that announces it',
      upload: 'inline',
      capabilities: [],
      resourceCount: 2,
      conditionalResourceCount: 0,
      resourceCountExact: true,
      transforms: [],
      nestedStacks: [],
      statefulResources: [{ logicalId: 'Bucket', type: 'AWS::S3::Bucket', deletionPolicy: 'Retain' }],
      notes: [],
    });
    expect(result.sizeBytes).toBe(Buffer.byteLength(fixture('s3-sns.yaml')));
  });

  it('reads the same stack written in JSON the same way', () => {
    const json = summary(fixture('s3-sns.json'));
    expect(json.format).toBe('json');
    expect(json.resourceCount).toBe(2);
    expect(json.parameters.map((parameter) => [parameter.name, parameter.default])).toEqual([
      ['Env', 'dev'],
      ['RetentionDays', '7'],
    ]);
  });
});

describe('parameter defaults', () => {
  it('reads a list default of a CommaDelimitedList as the comma-joined string', () => {
    const result = summary('Parameters:\n  Zones:\n    Type: CommaDelimitedList\n    Default: [a, b]\nResources:\n  T: { Type: AWS::SNS::Topic }\n');
    expect(result.parameters[0]?.default).toBe('a,b');
  });
});

describe('capabilities the user must acknowledge', () => {
  it('asks for CAPABILITY_NAMED_IAM for a role with a RoleName, and names both IAM resources', () => {
    const result = summary(fixture('named-iam-role.yaml'));
    expect(result.capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(result.capabilityNeeds).toEqual([
      expect.objectContaining({ capability: 'CAPABILITY_NAMED_IAM', because: ['DeployRole'] }),
      expect.objectContaining({ capability: 'CAPABILITY_IAM', because: ['ReadOnly'] }),
    ]);
  });

  it('asks for CAPABILITY_AUTO_EXPAND and CAPABILITY_IAM for a SAM function, and calls the count an estimate', () => {
    const result = summary(fixture('sam-transform.yaml'));
    expect(result.capabilities).toEqual(['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND']);
    expect(result.transforms).toEqual(['AWS::Serverless-2016-10-31']);
    expect(result.resourceCountExact).toBe(false);
    expect(result.nestedStacks).toEqual(['Shared']);
    expect(result.notes.join(' ')).toMatch(/estimate/);
    expect(result.notes.join(' ')).toMatch(/Nested stacks \(Shared\)/);
  });

  it('finds an inline Fn::Transform (AWS::Include) anywhere in the template', () => {
    const result = summary(fixture('every-short-form.yaml'));
    expect(result.transforms).toEqual(['AWS::Include']);
    expect(result.capabilities).toEqual(['CAPABILITY_AUTO_EXPAND']);
    expect(result.conditionalResourceCount).toBe(1);
  });

  it('reads every form of a top-level Transform', () => {
    const base = 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n';
    expect(summary(`Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n${base}`).transforms).toEqual([
      'AWS::LanguageExtensions',
      'AWS::Serverless-2016-10-31',
    ]);
    expect(summary(`Transform: { Name: AWS::Include, Parameters: { Location: s3://b/k } }\n${base}`).transforms).toEqual(['AWS::Include']);
  });
});

describe('size rules', () => {
  it('sends up to 51,200 bytes inline, and needs a bucket from the first byte over', () => {
    expect(summary(templateOfSize(INLINE_TEMPLATE_MAX_BYTES)).upload).toBe('inline');
    const over = summary(templateOfSize(INLINE_TEMPLATE_MAX_BYTES + 1));
    expect(over.upload).toBe('s3');
    expect(over.notes[0]).toMatch(/51,201 bytes, over the 51,200 bytes/);
  });

  it('refuses a template over 1 MB before parsing it, and says how to shrink it', () => {
    expect(summary(templateOfSize(S3_TEMPLATE_MAX_BYTES)).upload).toBe('s3');
    const refused = problem(templateOfSize(S3_TEMPLATE_MAX_BYTES + 1) + ': [not yaml');
    expect(refused.code).toBe('too-large');
    expect(refused.message).toMatch(/at most 1 MB \(1,048,576 bytes\), even from S3\. Split it into nested stacks/);
  });

  it.each([
    [0, { kind: 'inline' }],
    [INLINE_TEMPLATE_MAX_BYTES, { kind: 'inline' }],
    [INLINE_TEMPLATE_MAX_BYTES + 1, { kind: 'needs-bucket' }],
    [S3_TEMPLATE_MAX_BYTES + 1, { kind: 'too-large' }],
  ])('plans the upload of %i bytes without a bucket', (bytes, expected) => {
    expect(planTemplateUpload(bytes)).toMatchObject(expected);
  });

  it('uploads to the bucket the user named when the template needs one, and only then', () => {
    expect(planTemplateUpload(60_000, 'my-templates')).toEqual({ kind: 's3', bucket: 'my-templates' });
    expect(planTemplateUpload(1_000, 'my-templates')).toEqual({ kind: 'inline' });
    expect(planTemplateUpload(S3_TEMPLATE_MAX_BYTES + 1, 'my-templates').kind).toBe('too-large');
  });

  it('counts UTF-8 bytes exactly as Node encodes them, lone surrogates included', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    for (const unit of ['binary' as const, codeUnit]) {
      fc.assert(fc.property(fc.string({ unit }), (text) => utf8ByteLength(text) === Buffer.byteLength(text, 'utf8')));
    }
    expect(utf8ByteLength('é€😀\uD800')).toBe(2 + 3 + 4 + 3);
  });
});

describe('files that are not templates', () => {
  it.each([
    ['an empty file', '', 'empty', /empty/],
    ['comments only', '# nothing here\n', 'empty', /empty/],
    ['a YAML list', '- a\n- b\n', 'not-a-template', /no Resources section/],
    ['a config file without Resources', 'region: eu-west-1\n', 'not-a-template', /no Resources section/],
    ['Resources as a list', 'Resources:\n  - a\n', 'not-a-template', /must map logical IDs/],
    ['empty Resources', 'Resources: {}\n', 'not-a-template', /at least one resource/],
    ['a resource without Type', 'Resources:\n  Bucket:\n    Properties: {}\n', 'not-a-template', /Resource Bucket has no Type/],
    ['a non-alphanumeric logical ID', 'Resources:\n  my-bucket:\n    Type: AWS::S3::Bucket\n', 'not-a-template', /letters and digits only/],
    ['a parameter without Type', 'Parameters:\n  Env: { Default: dev }\nResources:\n  T: { Type: AWS::SNS::Topic }\n', 'not-a-template', /Parameter Env has no Type/],
    ['broken YAML', fixture('broken.yaml'), 'syntax', /line 7/],
  ])('%s', (_name, text, code, message) => {
    const found = problem(text);
    expect(found.code).toBe(code);
    expect(found.message).toMatch(message);
  });

  it('counts resources a Fn::ForEach loop creates as an estimate, and does not mistake the loop for a resource', () => {
    const result = summary(
      "Transform: AWS::LanguageExtensions\nResources:\n  'Fn::ForEach::Topics':\n    - Name\n    - [A, B]\n    - 'Topic${Name}': { Type: AWS::SNS::Topic }\n  Queue:\n    Type: AWS::SQS::Queue\n",
    );
    expect(result.resourceCount).toBe(1);
    expect(result.resourceCountExact).toBe(false);
  });
});
