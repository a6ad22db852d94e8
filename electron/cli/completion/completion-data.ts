// What the shell completions know, derived from the command catalog: one tab-separated record a
// line, embedded in every generated script and read there by a small engine in that shell's
// language. Adding a command or an option to the catalog adds it to every shell.
import { HELP_OPTION, leafName, type CommandSpec, type OptionSpec, type PositionalSpec } from '../usage/command-spec';
import { COMMANDS, GLOBAL_OPTIONS, HELP } from '../usage/commands.catalog';

/**
 * One fact about the command line, at a command path (`roledeck`, `roledeck profile add-role`):
 * - `S path name description`: a subcommand
 * - `O path flag value description`: an option; value is `-` (none), `profile`, `directory`,
 *   `text` or `choice:a,b,c`
 * - `P path index value`: the value of the positional argument at index (0-based)
 * - `X path -`: everything after `--` is another command line (exec)
 */
export type CompletionRecord =
  | { kind: 'S'; path: string; name: string; description: string }
  | { kind: 'O'; path: string; flag: string; value: string; description: string }
  | { kind: 'P'; path: string; index: number; value: string }
  | { kind: 'X'; path: string };

const ROOT = 'roledeck';

/** A description short enough to sit beside a candidate: up to the first full stop, semicolon or parenthesis, at most 80 characters. */
export function shortDescription(text: string): string {
  const sentence = text.split(/\.\s|;\s|\s\(/)[0]!.replace(/\.$/, '');
  if (sentence.length <= 80) return sentence;
  const cut = sentence.slice(0, 79);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function valueOf(item: OptionSpec | PositionalSpec, takesValue: boolean): string {
  if (!takesValue) return '-';
  if (item.choices) return `choice:${item.choices.join(',')}`;
  return item.completes ?? 'text';
}

function optionRecords(path: string, options: Readonly<Record<string, OptionSpec>>): CompletionRecord[] {
  return Object.entries(options).flatMap(([name, option]) => {
    const value = valueOf(option, option.type === 'string');
    const description = shortDescription(option.description);
    const long: CompletionRecord = { kind: 'O', path, flag: `--${name}`, value, description };
    return option.short ? [long, { kind: 'O', path, flag: `-${option.short}`, value, description }] : [long];
  });
}

function commandRecords(spec: CommandSpec, parent: string): CompletionRecord[] {
  if (spec.hidden) return [];
  const path = `${parent} ${leafName(spec)}`;
  const records: CompletionRecord[] = [{ kind: 'S', path: parent, name: leafName(spec), description: shortDescription(spec.summary) }];
  records.push(...optionRecords(path, { ...spec.options, help: HELP_OPTION }));
  (spec.positionals ?? []).forEach((positional, index) => {
    if (spec !== HELP) records.push({ kind: 'P', path, index, value: valueOf(positional, true) });
  });
  if (spec.passThrough) records.push({ kind: 'X', path });
  for (const sub of spec.subcommands ?? []) records.push(...commandRecords(sub, path));
  return records;
}

/** `roledeck help <command> [<subcommand>]` completes like the command tree itself, without options. */
function helpRecords(commands: readonly CommandSpec[], parent: string): CompletionRecord[] {
  return commands
    .filter((spec) => !spec.hidden && spec !== HELP)
    .flatMap((spec) => [
      { kind: 'S', path: parent, name: leafName(spec), description: shortDescription(spec.summary) } as const,
      ...helpRecords(spec.subcommands ?? [], `${parent} ${leafName(spec)}`),
    ]);
}

export function completionRecords(commands: readonly CommandSpec[] = COMMANDS): CompletionRecord[] {
  return [...optionRecords(ROOT, GLOBAL_OPTIONS), ...commands.flatMap((spec) => commandRecords(spec, ROOT)), ...helpRecords(commands, `${ROOT} ${leafName(HELP)}`)];
}

/** The records as the scripts carry them: tab-separated, no field empty (shells collapse empty fields). */
export function recordLines(records: readonly CompletionRecord[] = completionRecords()): string[] {
  return records.map((record) => {
    switch (record.kind) {
      case 'S':
        return ['S', record.path, record.name, record.description || '-'].join('\t');
      case 'O':
        return ['O', record.path, record.flag, record.value, record.description || '-'].join('\t');
      case 'P':
        return ['P', record.path, String(record.index), record.value].join('\t');
      case 'X':
        return ['X', record.path, '-'].join('\t');
    }
  });
}
