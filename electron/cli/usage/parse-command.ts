import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { asClause } from '../../../shared/domain/rule-message';
import { UsageError } from '../errors';
import { optionLabel, type CommandSpec, type OptionSpec } from './command-spec';

type OptionValue<O extends OptionSpec> = O['type'] extends 'boolean' ? boolean : O extends { multiple: true } ? string[] : string;

/** The values of a command's options, typed from its spec: `--json` a boolean, `--tag` a list. */
export type ValuesOf<S extends CommandSpec> =
  S['options'] extends Readonly<Record<string, OptionSpec>> ? { [K in keyof S['options']]?: OptionValue<S['options'][K]> } : Record<string, never>;

export interface ParsedCommand<S extends CommandSpec> {
  values: ValuesOf<S>;
  positionals: string[];
  /** What followed `--`, for a command that hands it on (exec). */
  passThrough: string[];
}

function nodeOptions(spec: CommandSpec): ParseArgsOptionsConfig {
  const options: ParseArgsOptionsConfig = {};
  for (const [name, option] of Object.entries(spec.options ?? {})) {
    options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
  }
  return options;
}

/** node:util's messages name its own API ("To specify a positional argument…"); these name the command. */
function usageErrorFrom(error: unknown, spec: CommandSpec): UsageError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`${spec.name} has no option ${/'(-[^' ]+)/.exec(message)?.[1] ?? ''}`.trimEnd(), spec.name);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-f, --format <value>' argument missing", "Option '--json' does not take an argument".
    const entry = Object.entries(spec.options ?? {}).find(([name]) => new RegExp(`--${name}(?![\\w-])`).test(message));
    if (entry) {
      const [name, described] = entry;
      return new UsageError(described.type === 'boolean' ? `--${name} takes no value` : `${optionLabel(name, described)} needs a value`, spec.name);
    }
  }
  return new UsageError(message, spec.name);
}

function checkChoice(label: string, value: string, choices: readonly string[] | undefined, spec: CommandSpec): void {
  if (choices && !choices.includes(value)) throw new UsageError(`${label} must be one of ${choices.join(', ')}; “${value}” is not`, spec.name);
}

/**
 * Parses a command's arguments by its spec: unknown options, missing values, a wrong number of
 * arguments, a value outside its choices and a missing required option are usage errors (exit 2)
 * that name the command, so the message can point at its `--help`.
 */
export function parseCommand<const S extends CommandSpec>(spec: S, args: readonly string[]): ParsedCommand<S> {
  let own = [...args];
  let passThrough: string[] = [];
  if (spec.passThrough) {
    const dash = args.indexOf('--');
    if (dash < 0) throw new UsageError(`${spec.name} needs the ${spec.passThrough.name} after --: roledeck ${spec.name} ${(spec.positionals ?? []).map((positional) => `<${positional.name}>`).join(' ')} -- <${spec.passThrough.name}> [args...]`, spec.name);
    own = args.slice(0, dash);
    passThrough = args.slice(dash + 1);
    if (passThrough.length === 0) throw new UsageError(`${spec.name} needs a ${spec.passThrough.name} after --`, spec.name);
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: own, options: nodeOptions(spec), allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorFrom(error, spec);
  }

  const expected = spec.positionals ?? [];
  const required = expected.filter((positional) => !positional.optional);
  const got = parsed.positionals;
  if (got.length < required.length) {
    const missing = required.slice(got.length).map((positional) => `<${positional.name}>`).join(' ');
    throw new UsageError(`${spec.name} needs ${missing}`, spec.name);
  }
  if (got.length > expected.length && !expected.at(-1)?.variadic) {
    const extra = got.slice(expected.length).map((word) => `“${word}”`).join(' ');
    throw new UsageError(expected.length === 0 ? `${spec.name} takes no arguments; got ${extra}` : `${spec.name} takes ${expected.map((positional) => `<${positional.name}>`).join(' ')} only; got also ${extra}`, spec.name);
  }
  got.forEach((word, index) => {
    const positional = expected[Math.min(index, expected.length - 1)];
    if (positional) checkChoice(`<${positional.name}>`, word, positional.choices, spec);
  });

  for (const [name, option] of Object.entries(spec.options ?? {})) {
    const value = parsed.values[name];
    if (option.required && (value === undefined || value === '')) throw new UsageError(`${spec.name} needs ${optionLabel(name, option)}: ${asClause(option.description)}`, spec.name);
    for (const each of Array.isArray(value) ? value : [value]) {
      if (typeof each === 'string') checkChoice(`--${name}`, each, option.choices, spec);
    }
  }
  // parseArgs returned exactly the options of this spec, with the types the spec gave them.
  return { values: parsed.values as ValuesOf<S>, positionals: got, passThrough };
}

/** `--help` or `-h` among a command's own words (not in what `--` hands on). */
export function asksForHelp(args: readonly string[]): boolean {
  const dash = args.indexOf('--');
  return (dash < 0 ? args : args.slice(0, dash)).some((word) => word === '--help' || word === '-h');
}
