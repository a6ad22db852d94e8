import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../../shared/logic/command-line';

describe('splitCommandLine (an mfa_process command run without a shell)', () => {
  it.each([
    ['ykman oath accounts code -s AWS', ['ykman', 'oath', 'accounts', 'code', '-s', 'AWS']],
    ['  ykman   oath\tcode  ', ['ykman', 'oath', 'code']],
    ["ykman oath accounts code -s 'AWS:me@acme prod'", ['ykman', 'oath', 'accounts', 'code', '-s', 'AWS:me@acme prod']],
    ['op item get "AWS \\"prod\\"" --otp', ['op', 'item', 'get', 'AWS "prod"', '--otp']],
    ['get-code my\\ device', ['get-code', 'my device']],
    ['C:\\Tools\\ykman.exe oath', ['C:\\Tools\\ykman.exe', 'oath']],
    ["say ''", ['say', '']],
    ["a'b'\"c\"d", ['abcd']],
  ])('%s → %j', (line, argv) => {
    expect(splitCommandLine(line)).toEqual({ ok: true, argv });
  });

  it('keeps shell syntax as plain words, so a setting cannot start a second command', () => {
    expect(splitCommandLine('code; rm -rf ~ | tee $HOME/x')).toEqual({ ok: true, argv: ['code;', 'rm', '-rf', '~', '|', 'tee', '$HOME/x'] });
  });

  it.each([
    ['ykman "oath', 'A double quote is not closed'],
    ["ykman 'oath", 'A single quote is not closed'],
    ['   ', 'The command is empty'],
  ])('refuses %j: %s', (line, problem) => {
    expect(splitCommandLine(line)).toEqual({ ok: false, problem });
  });
});
