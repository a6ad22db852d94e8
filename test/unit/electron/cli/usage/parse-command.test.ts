import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../../electron/cli/errors';
import { CONFIG_INSTALL, CUSTOMERS_VERIFY, EXEC, EXPORT, LIST, PROFILE_ADD_ROLE, PROFILE_ADD_USER } from '../../../../../electron/cli/usage/commands.catalog';
import { asksForHelp, parseCommand } from '../../../../../electron/cli/usage/parse-command';

/** The usage error a person would see, and the command whose --help it points to. */
function refusal(run: () => unknown): { message: string; command: string | undefined } {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return { message: error.message, command: error.command };
    throw error;
  }
  throw new Error('accepted');
}

describe('parsing by the command catalog', () => {
  it('reads options and arguments with the types the catalog gives them', () => {
    const parsed = parseCommand(PROFILE_ADD_ROLE, ['acme', '--source', 'me', '--account-id', '123456789012', '--role-name', 'R', '--tag', 'a=1', '--tag', 'b=2', '--json']);
    expect(parsed.positionals).toEqual(['acme']);
    expect(parsed.values).toMatchObject({ source: 'me', 'account-id': '123456789012', 'role-name': 'R', tag: ['a=1', 'b=2'], json: true });
    expect(parseCommand(EXPORT, ['acme', '-f', 'fish']).values.format).toBe('fish');
    expect(parseCommand(EXPORT, ['acme', '--format=dotenv']).values.format).toBe('dotenv');
  });

  it('takes a repeatable last argument as many times as given (customers verify a b c)', () => {
    expect(parseCommand(CUSTOMERS_VERIFY, ['acme', 'globex', 'initech']).positionals).toEqual(['acme', 'globex', 'initech']);
    expect(parseCommand(CUSTOMERS_VERIFY, ['--all']).positionals).toEqual([]);
  });

  it('hands on everything after -- untouched, its own options included', () => {
    const parsed = parseCommand(EXEC, ['acme', '--server', '--', 'aws', '--profile', 'x', '--help']);
    expect(parsed).toEqual({ values: { server: true }, positionals: ['acme'], passThrough: ['aws', '--profile', 'x', '--help'] });
  });

  it.each([
    ['an unknown option', () => parseCommand(EXPORT, ['acme', '--secret', 'x']), 'export has no option --secret', 'export'],
    ['a missing argument', () => parseCommand(EXPORT, []), 'export needs <profile>', 'export'],
    ['an extra argument', () => parseCommand(EXPORT, ['a', 'b']), 'export takes <profile> only; got also “b”', 'export'],
    ['arguments to a command without any', () => parseCommand(LIST, ['x']), 'list takes no arguments; got “x”', 'list'],
    ['a value outside the choices', () => parseCommand(EXPORT, ['a', '--format', 'tcsh']), '--format must be one of bash, zsh, fish, powershell, cmd, dotenv, json, ini; “tcsh” is not', 'export'],
    ['an option without its value', () => parseCommand(EXPORT, ['a', '--format']), '--format <format> needs a value', 'export'],
    ['a short option without its value', () => parseCommand(EXPORT, ['a', '-f']), '--format <format> needs a value', 'export'],
    ['a value given to a switch', () => parseCommand(LIST, ['--json=yes']), '--json takes no value', 'list'],
    ['a required option left out', () => parseCommand(PROFILE_ADD_USER, ['me']), 'profile add-user needs --access-key-id <id>: the IAM user’s access key ID (AKIA…)', 'profile add-user'],
    ['a missing --', () => parseCommand(EXEC, ['acme', 'aws']), 'exec needs the command after --: roledeck exec <profile> -- <command> [args...]', 'exec'],
    ['nothing after --', () => parseCommand(EXEC, ['acme', '--']), 'exec needs a command after --', 'exec'],
    ['an option of another subcommand', () => parseCommand(CONFIG_INSTALL, ['acme', '--dry-run']), 'config install has no option --dry-run', 'config install'],
  ])('refuses %s as a usage error naming the command', (_, run, message, command) => {
    expect(refusal(run)).toEqual({ message, command });
  });

  it('sees --help and -h among the command’s own words only', () => {
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['acme', '-h'])).toBe(true);
    expect(asksForHelp(['acme', '--', 'aws', '--help'])).toBe(false);
    expect(asksForHelp(['acme', '--format', 'fish'])).toBe(false);
  });
});
