/**
 * The shape of a `roledeck` command, written once in `commands.catalog.ts`. The parser
 * (`parse-command.ts`), the help (`help-text.ts`) and the shell completions (`../completion/`)
 * are all derived from it, so what `--help` says is what the parser accepts.
 */

/** What a shell offers for a value: Roledeck profile names (from `roledeck __complete-profiles`), or folders. */
export type Completes = 'profile' | 'directory';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Given more than once (`--tag a=1 --tag b=2`). */
  readonly multiple?: boolean;
  /** The value's name in usage lines: `--role-arn <arn>`. */
  readonly value?: string;
  /** One sentence or two: what the option does. */
  readonly description: string;
  /** The only values accepted; the parser refuses others and shells offer these. */
  readonly choices?: readonly string[];
  readonly completes?: Completes;
  /** The command cannot run without it (the parser says so before anything else happens). */
  readonly required?: boolean;
}

export interface PositionalSpec {
  readonly name: string;
  readonly description: string;
  readonly choices?: readonly string[];
  readonly completes?: Completes;
  readonly optional?: boolean;
  /** The last positional only: it takes one word or more (`<url>...`, `customers verify acme globex`). */
  readonly variadic?: boolean;
}

export interface ExampleSpec {
  readonly command: string;
  readonly says: string;
}

export interface CommandSpec {
  /** The words that select it: `export`, `profile add-role`. */
  readonly name: string;
  /** One line, in the overview and at the top of its own help. */
  readonly summary: string;
  /** Paragraphs its own help adds below the usage. */
  readonly details?: readonly string[];
  readonly positionals?: readonly PositionalSpec[];
  readonly options?: Readonly<Record<string, OptionSpec>>;
  /** The usage line, where a choice between options says more than the option list (add-role's ARN or account + name). */
  readonly usage?: string;
  /** Everything after `--` is handed on untouched (exec's command line). */
  readonly passThrough?: { readonly name: string; readonly description: string };
  readonly examples?: readonly ExampleSpec[];
  /**
   * Commands below this one. A command with subcommands may take arguments and options of its own
   * too (`onboard <customer>` beside `onboard complete <customer>`): a first word that names a
   * subcommand selects it.
   */
  readonly subcommands?: readonly CommandSpec[];
  /** Used by scripts Roledeck generates (the completions), not listed in help. */
  readonly hidden?: boolean;
}

/** The options every command takes besides its own. */
export const HELP_OPTION = { type: 'boolean', short: 'h', description: 'Shows this help and exits.' } as const satisfies OptionSpec;

/** Whether a command takes arguments or options of its own (besides any subcommands). */
export function hasOwnArguments(spec: CommandSpec): boolean {
  return Boolean(spec.positionals?.length) || Object.keys(spec.options ?? {}).length > 0;
}

/** The last word of a command's name: `add-role` for `profile add-role`. */
export function leafName(spec: CommandSpec): string {
  return spec.name.slice(spec.name.lastIndexOf(' ') + 1);
}

/** The command a list of words names, as deep as the words go: `['profile', 'add-role']`. */
export function findCommand(commands: readonly CommandSpec[], words: readonly string[]): CommandSpec | undefined {
  const [first, ...rest] = words;
  const found = commands.find((spec) => leafName(spec) === first);
  if (!found || rest.length === 0 || !found.subcommands) return found;
  return findCommand(found.subcommands, rest) ?? found;
}

/** `--role-arn <arn>`, `-f, --format <format>`. */
export function optionLabel(name: string, option: OptionSpec, withShort = false): string {
  const value = option.type === 'string' ? ` <${option.value ?? 'value'}>` : '';
  return `${withShort && option.short ? `-${option.short}, ` : ''}--${name}${value}`;
}
