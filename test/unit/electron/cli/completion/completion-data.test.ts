import { describe, expect, it } from 'vitest';
import { completionRecords, recordLines, shortDescription } from '../../../../../electron/cli/completion/completion-data';
import { COMMANDS, EXPORT, GLOBAL_OPTIONS, PROFILE_ADD_ROLE } from '../../../../../electron/cli/usage/commands.catalog';
import { visibleCommands } from '../../../../../electron/cli/usage/help-text';

const records = completionRecords();

describe('what the shell completions know', () => {
  it('has every visible command at its path, and every option of each, with --help', () => {
    for (const spec of visibleCommands()) {
      const words = spec.name.split(' ');
      const parent = ['roledeck', ...words.slice(0, -1)].join(' ');
      expect(records).toContainEqual(expect.objectContaining({ kind: 'S', path: parent, name: words.at(-1) }));
      const path = `roledeck ${spec.name}`;
      for (const name of [...Object.keys(spec.options ?? {}), 'help']) expect(records).toContainEqual(expect.objectContaining({ kind: 'O', path, flag: `--${name}` }));
    }
    for (const name of Object.keys(GLOBAL_OPTIONS)) expect(records).toContainEqual(expect.objectContaining({ kind: 'O', path: 'roledeck', flag: `--${name}` }));
  });

  it('knows the export formats, profile-valued options and arguments, and exec’s command after --', () => {
    expect(records).toContainEqual(expect.objectContaining({ kind: 'O', path: 'roledeck export', flag: '-f', value: `choice:${EXPORT.options.format.choices.join(',')}` }));
    expect(records).toContainEqual({ kind: 'P', path: 'roledeck export', index: 0, value: 'profile' });
    expect(records).toContainEqual(expect.objectContaining({ kind: 'O', path: `roledeck ${PROFILE_ADD_ROLE.name}`, flag: '--source', value: 'profile' }));
    expect(records).toContainEqual(expect.objectContaining({ kind: 'O', path: 'roledeck', flag: '--home', value: 'directory' }));
    expect(records).toContainEqual(expect.objectContaining({ kind: 'O', path: 'roledeck list', flag: '--json', value: '-' }));
    expect(records).toContainEqual({ kind: 'X', path: 'roledeck exec' });
  });

  it('offers the command tree after help, and never the hidden helper', () => {
    expect(records).toContainEqual(expect.objectContaining({ kind: 'S', path: 'roledeck help', name: 'profile' }));
    expect(records).toContainEqual(expect.objectContaining({ kind: 'S', path: 'roledeck help profile', name: 'add-role' }));
    expect(records.some((record) => record.kind === 'S' && record.name === '__complete-profiles')).toBe(false);
  });

  it('writes records without empty fields, since shells collapse them', () => {
    for (const line of recordLines()) expect(line.split('\t').every((field) => field.length > 0)).toBe(true);
    expect(COMMANDS.length).toBeGreaterThan(0);
  });

  it('shortens descriptions to their first clause', () => {
    expect(shortDescription('Prints JSON for scripts instead of text.')).toBe('Prints JSON for scripts instead of text');
    expect(shortDescription('The role’s name (1 to 64 characters: letters).')).toBe('The role’s name');
    expect(shortDescription('Gives the command a loopback credentials endpoint instead of keys; it hands out more.')).toBe('Gives the command a loopback credentials endpoint instead of keys');
    expect(shortDescription('x '.repeat(60)).length).toBeLessThanOrEqual(80);
  });
});
