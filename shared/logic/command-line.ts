/**
 * A credential_process line split into words the way botocore does it (`shlex.split`, POSIX mode,
 * no comments), so a check runs exactly the program and arguments the AWS CLI would, without a
 * shell: whitespace separates words; single quotes keep everything literally; inside double quotes
 * a backslash escapes only `"` and `\`; outside quotes a backslash escapes any character. (The
 * JavaScript SDK hands the line to `sh -c` instead; the lines Roledeck writes quote alike in both.)
 */
export type SplitCommandLine = { ok: true; words: string[] } | { ok: false; problem: string };

export function splitCommandLine(line: string): SplitCommandLine {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && (line[index + 1] === '"' || line[index + 1] === '\\')) {
        word += line[index + 1];
        index += 1;
      } else word += char;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === "'" || char === '"') quote = char;
    else if (char === '\\') {
      if (index + 1 >= line.length) return { ok: false, problem: 'it ends with a backslash that escapes nothing' };
      word += line[index + 1];
      index += 1;
    } else word += char;
  }
  if (quote) return { ok: false, problem: `a ${quote === "'" ? 'single' : 'double'} quote is never closed` };
  if (inWord) words.push(word);
  if (words.length === 0) return { ok: false, problem: 'it is empty' };
  return { ok: true, words };
}
