import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateParameter } from '../../../../shared/domain/deploy-template';
import {
  checkParameterValues,
  compileAllowedPattern,
  parameterValueProblem,
  stackNameProblem,
} from '../../../../shared/logic/cloudformation-parameter-rules';

const parameter = (fields: Partial<TemplateParameter> & { name: string }): TemplateParameter => ({
  type: 'String',
  noEcho: false,
  ...fields,
});

describe('one value against its parameter', () => {
  it.each<[string, Partial<TemplateParameter>, string, RegExp | undefined]>([
    ['an allowed value', { allowedValues: ['dev', 'prod'] }, 'prod', undefined],
    ['a value outside AllowedValues, naming what is allowed', { allowedValues: ['dev', 'prod'] }, 'prd', /^P "prd" is not allowed: use one of dev, prod\.$/],
    ['AllowedValues with ConstraintDescription', { allowedValues: ['a'], constraintDescription: 'pick a' }, 'b', /use one of a \(pick a\)\.$/],
    ['a pattern matching the whole value', { allowedPattern: '[a-z]+' }, 'abc', undefined],
    ['a pattern matching only part (CloudFormation anchors it)', { allowedPattern: '[a-z]+' }, 'abc1', /^P "abc1" does not match the pattern \[a-z\]\+\.$/],
    ['a pattern with an alternation, anchored as a whole', { allowedPattern: 'a|b' }, 'ab', /does not match/],
    ['a pattern with ConstraintDescription', { allowedPattern: '\\d{12}', constraintDescription: 'a 12-digit account ID' }, '123', /\(a 12-digit account ID\)\.$/],
    ['too short', { minLength: 3 }, 'ab', /^P must be at least 3 characters long; it has 2\.$/],
    ['too long', { maxLength: 3 }, 'abcd', /^P must be at most 3 characters long; it has 4\.$/],
    ['length in characters, not bytes', { maxLength: 2 }, 'éé', undefined],
    ['a number', { type: 'Number' }, '-1.5e3', undefined],
    ['not a number', { type: 'Number' }, '12abc', /^P "12abc" is not a number\.$/],
    ['a number below MinValue', { type: 'Number', minValue: 1 }, '0', /^P must be at least 1 \(it is 0\)\.$/],
    ['a number above MaxValue', { type: 'Number', maxValue: 365 }, '366', /^P must be at most 365 \(it is 366\)\.$/],
    ['a Number outside its AllowedValues', { type: 'Number', allowedValues: ['1', '2'] }, '3', /use one of 1, 2/],
    ['a List<Number>', { type: 'List<Number>' }, '1, 2,3', undefined],
    ['a List<Number> with a word', { type: 'List<Number>' }, '1,x', /^P item 2 "x" is not a number\.$/],
    ['a CommaDelimitedList, each item against AllowedValues', { type: 'CommaDelimitedList', allowedValues: ['a', 'b'] }, 'a, c', /^P item 2 "c" is not allowed/],
    ['a CommaDelimitedList, each item against AllowedPattern', { type: 'CommaDelimitedList', allowedPattern: 'subnet-[0-9a-f]+' }, 'subnet-1a,vpc-2', /item 2 "vpc-2" does not match/],
    ['an AWS-specific type is left to CloudFormation', { type: 'AWS::EC2::KeyPair::KeyName', minLength: 50 }, 'key', undefined],
    ['a value over 4,096 bytes', {}, 'x'.repeat(4097), /longer than the 4,096 bytes/],
  ])('%s', (_name, fields, value, expected) => {
    const problem = parameterValueProblem(parameter({ name: 'P', ...fields }), value);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });

  it('never shows a NoEcho value in a message', () => {
    const secret = 'hunter2-topsecret';
    const fields: Array<Partial<TemplateParameter>> = [
      { allowedValues: ['x'] },
      { allowedPattern: '[0-9]+' },
      { maxLength: 3 },
      { type: 'Number' },
      { type: 'Number', maxValue: 1 },
      { type: 'CommaDelimitedList', allowedValues: ['x'] },
    ];
    for (const field of fields) {
      const problem = parameterValueProblem(parameter({ name: 'Password', noEcho: true, ...field }), secret);
      expect(problem).toMatch(/^Password/);
      expect(problem).not.toContain('hunter2');
    }
  });

  it('matches AllowedPattern as a whole, like an anchored Java pattern, for any value', () => {
    const pattern = compileAllowedPattern('[a-z]{2,4}');
    fc.assert(fc.property(fc.string({ maxLength: 8 }), (value) => pattern?.test(value) === /^[a-z]{2,4}$/.test(value)));
  });

  it('leaves patterns JavaScript would read differently to CloudFormation', () => {
    expect(compileAllowedPattern('\\p{Alnum}+')).toBeUndefined();
    expect(compileAllowedPattern('\\Aabc\\z')).toBeUndefined();
    expect(compileAllowedPattern('a*+')).toBeUndefined();
    expect(compileAllowedPattern('[a-z0-9\\-]+')?.test('a-1')).toBe(true);
    expect(compileAllowedPattern('^[a-z]+\\-[0-9]+$')?.test('ab-12')).toBe(true);
    expect(compileAllowedPattern('\\p{L}+')?.test('éa')).toBe(true);
    expect(parameterValueProblem(parameter({ name: 'P', allowedPattern: '\\p{Alnum}+' }), '!!')).toBeUndefined();
    // Java's \p{Alpha} is ASCII letters, JavaScript's all letters: the two agree on ASCII.
    expect(compileAllowedPattern('\\p{Alpha}+')?.test('abcé')).toBe(true);
  });
});

describe('all values against the template', () => {
  const template: TemplateParameter[] = [
    parameter({ name: 'Env', allowedValues: ['dev', 'prod'] }),
    parameter({ name: 'Size', default: 'small' }),
    parameter({ name: 'DbPassword', noEcho: true, minLength: 8 }),
  ];

  it('sends given values and leaves defaults to CloudFormation on create', () => {
    const given = [
      { key: 'Env', value: 'dev' },
      { key: 'DbPassword', value: 'long-enough' },
    ];
    expect(checkParameterValues(template, given, { operation: 'create' })).toEqual({ ok: true, values: given });
  });

  it('names a missing required parameter and what it allows', () => {
    expect(checkParameterValues(template, [{ key: 'DbPassword', value: 'long-enough' }], { operation: 'create' })).toEqual({
      ok: false,
      problems: [{ parameter: 'Env', message: 'Env needs a value: the template gives it no default. Allowed: dev, prod.' }],
    });
  });

  it('names unknown keys, suggesting the parameter that differs only in case', () => {
    const result = checkParameterValues(
      template,
      [
        { key: 'env', value: 'dev' },
        { key: 'Color', value: 'red' },
        { key: 'Env', value: 'dev' },
        { key: 'DbPassword', value: 'long-enough' },
      ],
      { operation: 'create' },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { parameter: 'env', message: 'The template has no parameter env. Did you mean Env?' },
        { parameter: 'Color', message: 'The template has no parameter Color. Its parameters are Env, Size, DbPassword.' },
      ],
    });
  });

  it('keeps the stack’s value on update for a parameter not given, as aws cloudformation deploy does', () => {
    const result = checkParameterValues(template, [{ key: 'Env', value: 'prod' }], {
      operation: 'update',
      existingParameters: ['Env', 'Size', 'DbPassword'],
    });
    expect(result).toEqual({
      ok: true,
      values: [
        { key: 'Env', value: 'prod' },
        { key: 'Size', usePreviousValue: true },
        { key: 'DbPassword', usePreviousValue: true },
      ],
    });
  });

  it('requires a value on update for a parameter new in this template', () => {
    const result = checkParameterValues(template, [{ key: 'Env', value: 'prod' }], { operation: 'update', existingParameters: ['Env'] });
    expect(result).toEqual({
      ok: false,
      problems: [{ parameter: 'DbPassword', message: 'DbPassword needs a value: the template gives it no default.' }],
    });
  });

  it('refuses UsePreviousValue where there is no previous value', () => {
    const onCreate = checkParameterValues(template, [{ key: 'Env', usePreviousValue: true }, { key: 'DbPassword', value: 'long-enough' }], {
      operation: 'create',
    });
    expect(onCreate).toEqual({
      ok: false,
      problems: [{ parameter: 'Env', message: 'Env needs a value: keeping the previous value only works when updating a stack. Allowed: dev, prod.' }],
    });
    const newParameter = checkParameterValues(template, [{ key: 'DbPassword', usePreviousValue: true }], {
      operation: 'update',
      existingParameters: ['Env'],
    });
    expect(newParameter.ok ? [] : newParameter.problems.map((problem) => problem.message)).toEqual([
      'DbPassword needs a value: the stack has no previous value for it (it is new in this template).',
    ]);
  });

  it('reports every bad value at once, each with its parameter', () => {
    const result = checkParameterValues(template, [{ key: 'Env', value: 'qa' }, { key: 'DbPassword', value: 'short' }], {
      operation: 'create',
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.parameter)).toEqual(['Env', 'DbPassword']);
    expect(JSON.stringify(result)).not.toContain('short"');
  });
});

describe('stack names', () => {
  it.each([
    ['test-stack-1', undefined],
    ['a', undefined],
    ['A'.repeat(128), undefined],
    ['', /^Give the stack a name/],
    ['1stack', /cannot be a stack name: a stack name is 1–128 letters, digits and hyphens, starting with a letter/],
    ['my_stack', /cannot be a stack name/],
    ['stack.name', /cannot be a stack name/],
    ['A'.repeat(129), /cannot be a stack name/],
  ])('"%s"', (name, expected) => {
    const problem = stackNameProblem(name);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });
});
