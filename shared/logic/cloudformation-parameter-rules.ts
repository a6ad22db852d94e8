import { StackNameSchema, type ParameterValue } from '../domain/deploy';
import type { TemplateParameter } from '../domain/deploy-template';
import { asClause } from '../domain/rule-message';
import { utf8ByteLength } from './cloudformation-template-size';

/**
 * Checks parameter values against the template's own constraints before any AWS call, with the
 * rules CloudFormation applies (template reference, "Parameters"):
 * - a parameter without Default must be given a value; on an update an unspecified parameter the
 *   stack already has keeps its value (UsePreviousValue), as `aws cloudformation deploy` does;
 * - AllowedPattern must match the entire value; for a CommaDelimitedList, each item;
 * - AllowedValues: the value, or for a list each item, is one of them;
 * - MinLength/MaxLength for String, MinValue/MaxValue for Number;
 * - a value is at most 4,096 bytes (CloudFormation quotas).
 * Messages name the parameter and say what is wrong and what is allowed. NoEcho values never
 * appear in a message.
 */

export const PARAMETER_VALUE_MAX_BYTES = 4096;

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export interface ParameterContext {
  operation: 'create' | 'update';
  /** On update: the parameter names the deployed stack has (DescribeStacks Parameters). */
  existingParameters?: readonly string[];
}

export type ParameterCheck = { ok: true; values: ParameterValue[] } | { ok: false; problems: ParameterProblem[] };

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const quote = (parameter: TemplateParameter, value: string) => (parameter.noEcho ? '' : ` "${value}"`);

function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<');
}

/**
 * CloudFormation's patterns are Java regular expressions. Compiled with the `u` flag first, which
 * refuses escapes JavaScript does not know (`\A`, `\p{Alnum}`, possessive `*+`); without it only
 * when the pattern has no letter escape JavaScript would read as a plain letter. Otherwise the
 * check is left to CloudFormation (undefined). Where both read a pattern they agree on ASCII text;
 * beyond it they may differ (`\p{Alpha}` and `\s` are Unicode-aware in JavaScript), and
 * CloudFormation checks again anyway.
 */
export function compileAllowedPattern(pattern: string): RegExp | undefined {
  const anchored = `^(?:${pattern})$`;
  try {
    return new RegExp(anchored, 'u');
  } catch {
    if (/\\[aeghijlmopqyzACEFGHIJKLMNOPQRTUVXYZ]/.test(pattern)) return undefined;
    try {
      return new RegExp(anchored);
    } catch {
      return undefined;
    }
  }
}

function constraintNote(parameter: TemplateParameter): string {
  return parameter.constraintDescription ? ` (${parameter.constraintDescription})` : '';
}

function itemProblem(parameter: TemplateParameter, item: string, label: string): string | undefined {
  const { allowedValues, allowedPattern } = parameter;
  if (allowedValues && allowedValues.length > 0 && !allowedValues.includes(item)) {
    return `${label}${quote(parameter, item)} is not allowed: use one of ${allowedValues.join(', ')}${constraintNote(parameter)}.`;
  }
  if (allowedPattern !== undefined && (parameter.type === 'String' || parameter.type === 'CommaDelimitedList')) {
    const pattern = compileAllowedPattern(allowedPattern);
    if (pattern && !pattern.test(item)) {
      return `${label}${quote(parameter, item)} does not match the pattern ${allowedPattern}${constraintNote(parameter)}.`;
    }
  }
  return undefined;
}

function numberProblem(parameter: TemplateParameter, item: string, label: string): string | undefined {
  if (!NUMBER.test(item.trim())) return `${label}${quote(parameter, item)} is not a number.`;
  const number = Number(item);
  const { minValue, maxValue } = parameter;
  const shown = parameter.noEcho ? '' : ` (it is ${item.trim()})`;
  if (minValue !== undefined && number < minValue) return `${label} must be at least ${minValue}${shown}${constraintNote(parameter)}.`;
  if (maxValue !== undefined && number > maxValue) return `${label} must be at most ${maxValue}${shown}${constraintNote(parameter)}.`;
  return undefined;
}

function lengthProblem(parameter: TemplateParameter, value: string): string | undefined {
  const { minLength, maxLength, name } = parameter;
  const length = [...value].length;
  const shown = `it has ${length}`;
  if (minLength !== undefined && length < minLength) {
    return `${name} must be at least ${minLength} characters long; ${shown}${constraintNote(parameter)}.`;
  }
  if (maxLength !== undefined && length > maxLength) {
    return `${name} must be at most ${maxLength} characters long; ${shown}${constraintNote(parameter)}.`;
  }
  return undefined;
}

/** What is wrong with one value for one parameter, or undefined: for the form, field by field. */
export function parameterValueProblem(parameter: TemplateParameter, value: string): string | undefined {
  const { name, type } = parameter;
  if (utf8ByteLength(value) > PARAMETER_VALUE_MAX_BYTES) {
    return `${name} is longer than the 4,096 bytes CloudFormation accepts for a parameter value.`;
  }
  if (type === 'Number') return numberProblem(parameter, value, name) ?? itemProblem(parameter, value.trim(), name);
  if (isListType(type)) {
    const items = value.split(',').map((item) => item.trim());
    for (const [index, item] of items.entries()) {
      const label = `${name} item ${index + 1}`;
      const problem =
        (type === 'List<Number>' ? numberProblem(parameter, item, label) : undefined) ?? itemProblem(parameter, item, label);
      if (problem) return problem;
    }
    return undefined;
  }
  if (type === 'String') return lengthProblem(parameter, value) ?? itemProblem(parameter, value, name);
  // AWS-specific types (AWS::EC2::VPC::Id, AWS::SSM::Parameter::Value<String>): CloudFormation
  // checks the value exists; only AllowedValues can be checked here.
  return itemProblem(parameter, value, name);
}

/** "Did you mean Env?" for a key that differs only in case. */
function suggestion(key: string, parameters: readonly TemplateParameter[]): string {
  const near = parameters.find((parameter) => parameter.name.toLowerCase() === key.toLowerCase());
  if (near) return ` Did you mean ${near.name}?`;
  const names = parameters.map((parameter) => parameter.name);
  return names.length > 0 ? ` Its parameters are ${names.join(', ')}.` : ' It has no parameters.';
}

function allowedHint(parameter: TemplateParameter): string {
  if (parameter.allowedValues && parameter.allowedValues.length > 0) return ` Allowed: ${parameter.allowedValues.join(', ')}.`;
  if (parameter.constraintDescription) return ` ${parameter.constraintDescription}.`;
  return '';
}

/** Checks every value, and says which parameters lack one; on success, the values to send. */
export function checkParameterValues(
  parameters: readonly TemplateParameter[],
  given: readonly ParameterValue[],
  context: ParameterContext,
): ParameterCheck {
  const problems: ParameterProblem[] = [];
  const declared = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  const existing = new Set(context.existingParameters ?? []);
  const byKey = new Map(given.map((value) => [value.key, value]));
  for (const value of given) {
    if (!declared.has(value.key)) {
      problems.push({
        parameter: value.key,
        message: `The template has no parameter ${value.key}.${suggestion(value.key, parameters)}`,
      });
    }
  }
  const values: ParameterValue[] = [];
  for (const parameter of parameters) {
    const value = byKey.get(parameter.name);
    if (value && 'value' in value) {
      const problem = parameterValueProblem(parameter, value.value);
      if (problem) problems.push({ parameter: parameter.name, message: problem });
      else values.push(value);
      continue;
    }
    const previousAllowed = context.operation === 'update' && existing.has(parameter.name);
    if (value && !previousAllowed) {
      const why =
        context.operation === 'create'
          ? 'keeping the previous value only works when updating a stack'
          : 'the stack has no previous value for it (it is new in this template)';
      problems.push({ parameter: parameter.name, message: `${parameter.name} needs a value: ${why}.${allowedHint(parameter)}` });
    } else if (previousAllowed) {
      values.push({ key: parameter.name, usePreviousValue: true });
    } else if (parameter.default === undefined) {
      problems.push({
        parameter: parameter.name,
        message: `${parameter.name} needs a value: the template gives it no default.${allowedHint(parameter)}`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** What is wrong with a stack name, or undefined. */
export function stackNameProblem(name: string): string | undefined {
  if (name === '') return 'Give the stack a name: 1–128 letters, digits and hyphens, starting with a letter.';
  const result = StackNameSchema.safeParse(name);
  if (result.success) return undefined;
  return `"${name}" cannot be a stack name: ${asClause(result.error.issues[0]?.message ?? 'See the stack name rules')}.`;
}
