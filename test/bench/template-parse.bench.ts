import { parse, parseDocument } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';
import { analyzeTemplate } from '../../shared/logic/cloudformation-template';
import { utf8ByteLength } from '../../shared/logic/cloudformation-template-size';
import { parseTemplateText, SHORT_FORMS } from '../../shared/logic/cloudformation-yaml';
import { median, type Figure } from './harness';

/**
 * A template just under CloudFormation's 1 MB limit, dense with short forms: every resource uses
 * !Sub, !GetAtt (both forms), !Ref, !Select, !GetAZs, !Join, !If, !FindInMap and !Base64.
 */
export function generateLargeTemplate(targetBytes = 1_000_000): string {
  const head = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Description: Generated for the template-parse benchmark',
    'Parameters:',
    '  Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }',
    'Mappings:',
    '  Sizes: { dev: { Instance: t3.micro }, prod: { Instance: m6i.large } }',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Resources:',
  ].join('\n');
  const resource = (i: number) =>
    [
      `  Queue${i}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      `      QueueName: !Sub 'roledeck-\${Env}-queue-${i}'`,
      `      RedrivePolicy: { deadLetterTargetArn: !GetAtt Dead${i}.Arn, maxReceiveCount: 5 }`,
      '      Tags:',
      '        - Key: env',
      '          Value: !Ref Env',
      '        - Key: zone',
      "          Value: !Select [0, !GetAZs '']",
      '        - Key: name',
      `          Value: !Join ['-', [roledeck, !Ref Env, !If [IsProd, live-${i}, test-${i}]]]`,
      '        - Key: size',
      '          Value: !FindInMap [Sizes, !Ref Env, Instance]',
      '        - Key: note',
      `          Value: !Base64 'queue number ${i}'`,
      '        - Key: dead',
      `          Value: !GetAtt [Dead${i}, QueueName]`,
    ].join('\n');
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < targetBytes; i += 1) {
    const next = resource(i);
    if (size + next.length + 1 > targetBytes) break;
    parts.push(next);
    size += next.length + 1;
  }
  return `${parts.join('\n')}\n`;
}

/**
 * The fair reference: the same `yaml` parser, same document and toJS, with the same tags for the
 * same value kinds registered, each resolving to its value unchanged — the YAML work without the
 * mapping to long form. (Leaving the tags unknown is also measured; yaml then records a warning
 * per tag.)
 */
function identityTags(): Array<ScalarTag | CollectionTag> {
  return Object.entries(SHORT_FORMS).flatMap(([name, forms]) =>
    forms.map((form): ScalarTag | CollectionTag =>
      form === 'scalar'
        ? { tag: `!${name}`, resolve: (value: string) => value }
        : { tag: `!${name}`, collection: form, resolve: (value: unknown) => value },
    ),
  );
}

function timeMs(fn: () => unknown): number {
  const started = process.hrtime.bigint();
  const result = fn();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result === undefined) throw new Error('unreachable: keeps the result alive');
  return elapsed;
}

export async function benchTemplateParse(): Promise<Figure[]> {
  const text = generateLargeTemplate();
  const bytes = utf8ByteLength(text);
  const tags = identityTags();
  const plainTagged = () => parseDocument(text, { customTags: tags, logLevel: 'error' }).toJS();
  const plainUnknown = () => parse(text, { logLevel: 'silent' }) as unknown;
  const ours = () => {
    const parsed = parseTemplateText(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    return parsed.body;
  };
  const analysis = () => {
    const result = analyzeTemplate(text);
    if (!result.ok) throw new Error(result.problem.message);
    return result.summary;
  };
  // Sanity: the wrapper in the reference must not hide a wrong result in ours.
  const sample = ours() as { Resources: Record<string, { Properties: { QueueName: unknown } }> };
  if (JSON.stringify(sample.Resources.Queue0?.Properties.QueueName) !== JSON.stringify({ 'Fn::Sub': 'roledeck-${Env}-queue-0' })) {
    throw new Error('the benchmarked parser did not produce the long form');
  }

  for (let i = 0; i < 3; i += 1) {
    plainTagged();
    plainUnknown();
    ours();
    analysis();
  }
  const samples = { tagged: [] as number[], unknown: [] as number[], ours: [] as number[], analysis: [] as number[] };
  // Interleaved, so a busy neighbour on this shared machine slows every figure alike.
  for (let round = 0; round < 15; round += 1) {
    samples.tagged.push(timeMs(plainTagged));
    samples.ours.push(timeMs(ours));
    samples.unknown.push(timeMs(plainUnknown));
    samples.analysis.push(timeMs(analysis));
  }
  const size = `${(bytes / 1_048_576).toFixed(2)} MiB`;
  const reference = median(samples.tagged);
  return [
    {
      name: `CloudFormation template parse to long form, ${size} YAML with short forms (budget 1.5×)`,
      value: median(samples.ours),
      reference,
      referenceName: 'yaml parseDocument+toJS, same tags resolved to themselves',
      unit: 'ms',
      budgetRatio: 1.5,
    },
    {
      name: `the same parse, against yaml.parse with the tags left unknown`,
      value: median(samples.ours),
      reference: median(samples.unknown),
      referenceName: 'yaml.parse, unknown tags (a warning each)',
      unit: 'ms',
    },
    {
      name: `whole template analysis (parse, parameters, capabilities, counts), ${size}`,
      value: median(samples.analysis),
      reference,
      referenceName: 'yaml parseDocument+toJS, same tags resolved to themselves',
      unit: 'ms',
    },
  ];
}
