import { describe, expect, it } from 'vitest';
import { HELP_OPTION, optionLabel, type CommandSpec } from '../../../../../electron/cli/usage/command-spec';
import { COMMANDS, CUSTOMERS_VERIFY, EXPORT, ONBOARD } from '../../../../../electron/cli/usage/commands.catalog';
import { commandHelp, overviewHelp, usageLine, visibleCommands, wrap } from '../../../../../electron/cli/usage/help-text';

/** Help wraps lines; compare words, not line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('a command’s help', () => {
  it.each(visibleCommands().map((spec) => [spec.name, spec] as const))('roledeck %s --help shows its usage, every option with its sentence, and examples', (_, spec: CommandSpec) => {
    const help = commandHelp(spec);
    expect(help).toContain(`Usage:\n  ${usageLine(spec)}\n`);
    for (const [name, option] of Object.entries({ ...spec.options, help: HELP_OPTION })) {
      expect(help).toContain(optionLabel(name, option, true));
      expect(flat(help)).toContain(flat(option.description));
    }
    for (const positional of spec.positionals ?? []) expect(flat(help)).toContain(`<${positional.name}> ${flat(positional.description)}`);
    expect(spec.examples?.length ?? 0).toBeGreaterThan(0);
    for (const example of spec.examples ?? []) expect(help).toContain(`  ${example.command}\n`);
  });

  it('writes export’s usage from its spec', () => {
    expect(usageLine(EXPORT)).toBe('roledeck export <profile> [--format <format>] [--copy]');
    expect(commandHelp(EXPORT)).toMatch(/^roledeck export — Prints a profile’s session as text to eval or save\.\n/);
    expect(commandHelp(EXPORT)).toContain('-f, --format <format>');
    expect(commandHelp(EXPORT)).toContain('-c, --copy');
  });

  it('lists a group’s subcommands', () => {
    const profile = COMMANDS.find((spec) => spec.name === 'profile')!;
    const help = commandHelp(profile);
    for (const sub of profile.subcommands ?? []) expect(help).toMatch(new RegExp(`\\n  ${sub.name.split(' ')[1]} +`));
    expect(help).toContain('roledeck profile <command> --help');
  });
});

describe('a command with arguments of its own and subcommands (onboard)', () => {
  it('shows its own usage and options, then its subcommands', () => {
    const help = commandHelp(ONBOARD);
    expect(usageLine(ONBOARD)).toMatch(/^roledeck onboard <customer> --role-name <name> --out <dir> /);
    expect(help).toContain('--role-name <name>');
    expect(help).toMatch(/Commands:\n {2}complete +Closes the loop/);
    expect(visibleCommands().map((spec) => spec.name)).toEqual(expect.arrayContaining(['onboard', 'onboard complete', 'customers', 'customers verify']));
  });

  it('writes a repeatable last argument with dots', () => {
    expect(usageLine({ name: 'customers verify', summary: 'Re-tests.', positionals: CUSTOMERS_VERIFY.positionals, options: CUSTOMERS_VERIFY.options })).toBe(
      'roledeck customers verify [<customer>...] [--all] [--json]',
    );
  });
});

describe('roledeck --help', () => {
  const help = overviewHelp();

  it('lists every command a person may type, subcommands included, and hides the completions’ helper', () => {
    for (const spec of visibleCommands()) expect(help).toContain(`  ${usageLine(spec)}\n`);
    expect(help).toContain('roledeck profile add-role <name>');
    expect(help).not.toContain('__complete-profiles');
    expect(help).not.toContain('__clear-clipboard');
  });

  it('keeps the exit codes and the environment', () => {
    expect(help).toContain('Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 keychain locked or missing, 5 AWS error, 6 invalid input, 7 the stack failed and rolled back, 8 the audit log was changed (audit --verify)\n');
    expect(help).toContain('ROLEDECK_HOME');
    expect(help).toContain('AWS_ENDPOINT_URL');
  });
});

describe('wrap', () => {
  it('keeps every word and no line over 100 characters', () => {
    const text = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
    const wrapped = wrap(text, '    ');
    expect(wrapped.split('\n').every((line) => line.length <= 100 && line.startsWith('    '))).toBe(true);
    expect(flat(wrapped).trim()).toBe(text);
  });
});
