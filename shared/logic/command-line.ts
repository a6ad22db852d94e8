/**
 * Splits a command line (an `mfaProcess` setting, `--mfa-process`) into argv, so it runs without a
 * shell: no variables, globbing, pipes or `;` — a setting cannot smuggle in a second command.
 *
 * Words are separated by whitespace. 'single quotes' keep everything literally; "double quotes"
 * keep everything but \" and \\. Outside single quotes a backslash escapes only a quote, a
 * backslash or whitespace, and is kept before anything else, so a Windows path such as
 * C:\Tools\ykman.exe needs no doubling.
 */

export type SplitResult = { ok: true; argv: string[] } | { ok: false; problem: string };

const ESCAPABLE_OUTSIDE = new Set(['"', "'", '\\', ' ', '\t']);
const ESCAPABLE_IN_DOUBLE = new Set(['"', '\\']);

export function splitCommandLine(line: string): SplitResult {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    const next = line[index + 1];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
      continue;
    }
    if (char === '\\' && next !== undefined && (quote === '"' ? ESCAPABLE_IN_DOUBLE : ESCAPABLE_OUTSIDE).has(next)) {
      word += next;
      inWord = true;
      index += 1;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else word += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) return { ok: false, problem: `A ${quote === '"' ? 'double' : 'single'} quote is not closed` };
  if (inWord) argv.push(word);
  if (argv.length === 0) return { ok: false, problem: 'The command is empty' };
  return { ok: true, argv };
}
