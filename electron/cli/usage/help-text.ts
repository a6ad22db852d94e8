// `roledeck --help` and `roledeck <command> --help`, written from the command catalog.
import { EXIT } from '../errors';
import { hasOwnArguments, HELP_OPTION, leafName, optionLabel, type CommandSpec, type OptionSpec } from './command-spec';
import { COMMANDS, GLOBAL_OPTIONS } from './commands.catalog';

const WIDTH = 100;

/** Words laid into lines of at most `WIDTH`, each line starting with `indent`. */
export function wrap(text: string, indent: string, firstIndent = indent): string {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += `${empty ? '' : ' '}${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Two columns: a term, then its text wrapped beside it (or below, when the term is long). */
function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.min(28, Math.max(...rows.map(([term]) => term.length)));
  return rows
    .map(([term, text]) =>
      term.length > width ? `  ${term}\n${wrap(text, ' '.repeat(width + 4))}` : wrap(text, ' '.repeat(width + 4), `  ${term.padEnd(width)}  `),
    )
    .join('\n');
}

/** `roledeck export <profile> [--format <format>]`: the usage line. */
export function usageLine(spec: CommandSpec): string {
  if (spec.usage) return spec.usage;
  if (spec.subcommands && !hasOwnArguments(spec)) return `roledeck ${spec.name} <command> ...`;
  const positionals = (spec.positionals ?? []).map((positional) => {
    const word = `<${positional.name}>${positional.variadic ? '...' : ''}`;
    return positional.optional ? `[${word}]` : word;
  });
  const options = Object.entries(spec.options ?? {});
  const required = options.filter(([, option]) => option.required).map(([name, option]) => optionLabel(name, option));
  const optional = options.filter(([, option]) => !option.required);
  const rest = optional.length > 4 ? ['[options]'] : optional.map(([name, option]) => `[${optionLabel(name, option)}]${option.multiple ? '...' : ''}`);
  const passThrough = spec.passThrough ? [`-- <${spec.passThrough.name}> [args...]`] : [];
  return ['roledeck', spec.name, ...positionals, ...required, ...rest, ...passThrough].join(' ');
}

function optionRows(options: Readonly<Record<string, OptionSpec>>): Array<[string, string]> {
  return Object.entries(options).map(([name, option]) => [
    optionLabel(name, option, true),
    `${option.description}${option.required ? ' Required.' : ''}${option.multiple ? ' May be given more than once.' : ''}`,
  ]);
}

function paragraphs(texts: readonly string[] | undefined): string[] {
  return (texts ?? []).map((text) => `${wrap(text, '')}\n`);
}

/** One command's help: usage, arguments, every option with a sentence, examples. */
export function commandHelp(spec: CommandSpec): string {
  const parts = [`roledeck ${spec.name} — ${spec.summary}\n`, `Usage:\n  ${usageLine(spec)}\n`, ...paragraphs(spec.details)];
  const commands = spec.subcommands
    ? [`Commands:\n${table(spec.subcommands.map((sub) => [leafName(sub), sub.summary]))}\n`, `Run \`roledeck ${spec.name} <command> --help\` for a command’s options and examples.\n`]
    : [];
  if (spec.subcommands && !hasOwnArguments(spec)) return [...parts, ...commands].join('\n');
  const argumentRows: Array<[string, string]> = (spec.positionals ?? []).map((positional) => [`<${positional.name}>`, positional.description]);
  if (spec.passThrough) argumentRows.push([`-- <${spec.passThrough.name}>`, spec.passThrough.description]);
  if (argumentRows.length > 0) parts.push(`Arguments:\n${table(argumentRows)}\n`);
  parts.push(`Options:\n${table(optionRows({ ...spec.options, help: HELP_OPTION }))}\n`);
  if (spec.examples?.length) parts.push(`Examples:\n${spec.examples.map((example) => `  ${example.command}\n${wrap(example.says, '      ')}`).join('\n')}\n`);
  return [...parts, ...commands].join('\n');
}

const EXIT_MEANINGS: Record<keyof typeof EXIT, string> = {
  ok: 'ok',
  failure: 'failure',
  usage: 'usage',
  notFound: 'not found',
  keychain: 'keychain locked or missing',
  aws: 'AWS error',
  invalid: 'invalid input',
  stackFailed: 'the stack failed and rolled back',
  auditBroken: 'the audit log was changed (audit --verify)',
};

/** Every command a person may type, subcommands included, in catalog order. */
export function visibleCommands(commands: readonly CommandSpec[] = COMMANDS): CommandSpec[] {
  return commands
    .filter((spec) => !spec.hidden)
    .flatMap((spec) => (spec.subcommands ? [...(hasOwnArguments(spec) ? [spec] : []), ...visibleCommands(spec.subcommands)] : [spec]));
}

/** `roledeck --help`: every command with its usage, the global options, the environment and the exit codes. */
export function overviewHelp(): string {
  const commands = visibleCommands()
    .map((spec) => `  ${usageLine(spec)}\n${wrap(spec.summary, '      ')}`)
    .join('\n');
  const exitCodes = (Object.keys(EXIT) as Array<keyof typeof EXIT>).map((key) => `${EXIT[key]} ${EXIT_MEANINGS[key]}`).join(', ');
  return [
    'roledeck — AWS credentials for people who work across many accounts\n',
    'Usage:\n  roledeck [--home <dir>] <command> ...\n',
    `Commands:\n${commands}\n`,
    `${wrap('Run `roledeck <command> --help` (or `roledeck help <command>`) for its options and examples.', '')}\n`,
    `${wrap('When the Roledeck app is running, export, exec and credential-process get sessions from it (its MFA prompt answers for every terminal); otherwise the CLI uses the OS keychain itself and asks for MFA codes on the terminal.', '')}\n`,
    `Options:\n${table(optionRows(GLOBAL_OPTIONS))}\n`,
    `Environment:\n${table([
      ['ROLEDECK_HOME', 'Where the encrypted profile store lives (default: the desktop app’s data folder).'],
      ['AWS_ENDPOINT_URL', 'The endpoint to call instead of AWS’s (STS, CloudFormation, S3), as every AWS SDK honours it.'],
    ])}\n`,
    `Exit codes: ${exitCodes}\n`,
  ].join('\n');
}
