import type { z } from 'zod';
import { ParameterKeySchema, StackTagSchema, type ParameterValue, type StackTag } from '../domain/deploy';

/**
 * Parameter values and stack tags as people hand them over: `--parameter Env=prod` on the command
 * line, or a file — either the AWS CLI's JSON (`[{"ParameterKey": "Env", "ParameterValue": "prod"}]`,
 * `[{"Key": "team", "Value": "web"}]`) or `KEY=VALUE` lines. Only the shape is checked here; the
 * values against the template's constraints in cloudformation-parameter-rules.ts.
 */

export interface InputProblem {
  /** 1-based line of the file, when there is one. */
  line?: number;
  message: string;
}

export type InputParse<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

interface Entry {
  key: string;
  value: string;
  line?: number;
}

type Kind = 'parameter' | 'tag';

function keyProblem(kind: Kind, key: string): string | undefined {
  if (kind === 'parameter') {
    if (key === 'ParameterKey') {
      return 'write parameters as Name=value (as in Env=prod), not ParameterKey=…,ParameterValue=…';
    }
    return ParameterKeySchema.safeParse(key).success ? undefined : `"${key}" is not a parameter name: names are 1–255 letters and digits`;
  }
  return firstIssue(StackTagSchema.shape.key.safeParse(key));
}

function firstIssue(result: z.ZodSafeParseResult<unknown>): string | undefined {
  return result.success ? undefined : result.error.issues[0]?.message;
}

function valueProblem(kind: Kind, key: string, value: string): string | undefined {
  if (kind === 'tag') {
    const problem = firstIssue(StackTagSchema.shape.value.safeParse(value));
    return problem ? `tag ${key}: ${problem}` : undefined;
  }
  return undefined;
}

const prefix = (line: number | undefined) => (line === undefined ? '' : `Line ${line}: `);

/** Checks keys and values, and refuses a key given twice in the same source. */
function collect<T>(entries: readonly Entry[], kind: Kind, build: (entry: Entry) => T): InputParse<T[]> {
  const problems: InputProblem[] = [];
  const seen = new Map<string, Entry>();
  for (const entry of entries) {
    const problem = keyProblem(kind, entry.key) ?? valueProblem(kind, entry.key, entry.value);
    const at = entry.line === undefined ? {} : { line: entry.line };
    if (problem) {
      problems.push({ ...at, message: `${prefix(entry.line)}${problem}.` });
      continue;
    }
    const earlier = seen.get(entry.key);
    if (earlier) {
      const where = earlier.line !== undefined && entry.line !== undefined ? ` (lines ${earlier.line} and ${entry.line})` : '';
      problems.push({ ...at, message: `${prefix(entry.line)}${entry.key} is given twice${where}; keep one.` });
      continue;
    }
    seen.set(entry.key, entry);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: [...seen.values()].map(build) };
}

/** `Env=prod` from the command line: split at the first `=`, the value kept exactly (it may hold `=`). */
function splitArgument(argument: string, kind: Kind): Entry | InputProblem {
  const equals = argument.indexOf('=');
  if (equals <= 0) {
    return { message: `"${argument}" is not a ${kind}: write it as ${kind === 'parameter' ? 'Env=prod' : 'team=web'}.` };
  }
  return { key: argument.slice(0, equals), value: argument.slice(equals + 1) };
}

function fromArguments<T>(args: readonly string[], kind: Kind, build: (entry: Entry) => T): InputParse<T[]> {
  const entries: Entry[] = [];
  const problems: InputProblem[] = [];
  for (const argument of args) {
    const split = splitArgument(argument, kind);
    if ('key' in split) entries.push(split);
    else problems.push(split);
  }
  if (problems.length > 0) return { ok: false, problems };
  return collect(entries, kind, build);
}

const toParameter = (entry: Entry): ParameterValue => ({ key: entry.key, value: entry.value });
const toTag = (entry: Entry): StackTag => ({ key: entry.key, value: entry.value });

/** `--parameter Env=prod --parameter Password=a=b` */
export function parseParameterArguments(args: readonly string[]): InputParse<ParameterValue[]> {
  return fromArguments(args, 'parameter', toParameter);
}

/** `--tag team=web --tag cost-centre=42` */
export function parseTagArguments(args: readonly string[]): InputParse<StackTag[]> {
  return fromArguments(args, 'tag', toTag);
}

/**
 * `KEY=VALUE` lines: blank lines and lines starting with # are skipped, the key and value are
 * trimmed, a value wrapped in matching quotes loses them (so it can keep spaces at its ends), and
 * everything after the first `=` is the value.
 */
function readLines(text: string, kind: Kind): { entries: Entry[]; problems: InputProblem[] } {
  const entries: Entry[] = [];
  const problems: InputProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) {
      problems.push({ line, message: `Line ${line}: expected ${kind === 'parameter' ? 'Name=value' : 'key=value'}, found "${trimmed.slice(0, 40)}".` });
      return;
    }
    let value = trimmed.slice(equals + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    entries.push({ key: trimmed.slice(0, equals).trim(), value, line });
  });
  return { entries, problems };
}

function jsonArray(text: string, example: string): unknown[] | InputProblem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
  return Array.isArray(data) ? data : { message: `Expected a JSON array, as in ${example}.` };
}

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));

const PARAMETER_EXAMPLE = '[{"ParameterKey": "Env", "ParameterValue": "prod"}]';
const TAG_EXAMPLE = '[{"Key": "team", "Value": "web"}]';

/** A parameters file: the AWS CLI's JSON array (with UsePreviousValue) or KEY=VALUE lines. */
export function parseParameterFile(text: string): InputParse<ParameterValue[]> {
  const source = text.replace(/^\uFEFF/, '');
  if (!looksLikeJson(source)) {
    const { entries, problems } = readLines(source, 'parameter');
    const result = collect(entries, 'parameter', toParameter);
    if (problems.length > 0) return { ok: false, problems: [...problems, ...(result.ok ? [] : result.problems)] };
    return result;
  }
  const items = jsonArray(source, PARAMETER_EXAMPLE);
  if (!Array.isArray(items)) return { ok: false, problems: [items] };
  const problems: InputProblem[] = [];
  const entries: Entry[] = [];
  const previous = new Set<string>();
  items.forEach((item, index) => {
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const key = record.ParameterKey;
    const where = `Entry ${index + 1}`;
    if (typeof key !== 'string') {
      problems.push({ message: `${where} has no ParameterKey; write entries as ${PARAMETER_EXAMPLE}.` });
    } else if (record.UsePreviousValue === true) {
      if (record.ParameterValue !== undefined) {
        problems.push({ message: `${where} (${key}) has both ParameterValue and UsePreviousValue: keep one.` });
      } else {
        entries.push({ key, value: '' });
        previous.add(key);
      }
    } else if (typeof record.ParameterValue === 'string') {
      entries.push({ key, value: record.ParameterValue });
    } else {
      problems.push({ message: `${where} (${key}) needs a ParameterValue string, or UsePreviousValue: true.` });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return collect(entries, 'parameter', (entry) =>
    previous.has(entry.key) ? { key: entry.key, usePreviousValue: true as const } : toParameter(entry),
  );
}

/** A tags file: the AWS CLI's JSON array of Key/Value or key=value lines. */
export function parseTagFile(text: string): InputParse<StackTag[]> {
  const source = text.replace(/^\uFEFF/, '');
  if (!looksLikeJson(source)) {
    const { entries, problems } = readLines(source, 'tag');
    const result = collect(entries, 'tag', toTag);
    if (problems.length > 0) return { ok: false, problems: [...problems, ...(result.ok ? [] : result.problems)] };
    return result;
  }
  const items = jsonArray(source, TAG_EXAMPLE);
  if (!Array.isArray(items)) return { ok: false, problems: [items] };
  const problems: InputProblem[] = [];
  const entries: Entry[] = [];
  items.forEach((item, index) => {
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    if (typeof record.Key !== 'string' || typeof record.Value !== 'string') {
      problems.push({ message: `Entry ${index + 1} needs a Key and a Value string, as in ${TAG_EXAMPLE}.` });
    } else entries.push({ key: record.Key, value: record.Value });
  });
  if (problems.length > 0) return { ok: false, problems };
  return collect(entries, 'tag', toTag);
}

/** Values from several sources (recipe, form, file, --parameter), later sources winning per key. */
export function mergeParameterValues(...layers: ReadonlyArray<readonly ParameterValue[]>): ParameterValue[] {
  const merged = new Map<string, ParameterValue>();
  for (const layer of layers) for (const value of layer) merged.set(value.key, value);
  return [...merged.values()];
}

/** Tags from several sources, later sources winning per key. */
export function mergeTags(...layers: ReadonlyArray<readonly StackTag[]>): StackTag[] {
  const merged = new Map<string, StackTag>();
  for (const layer of layers) for (const tag of layer) merged.set(tag.key, tag);
  return [...merged.values()];
}
