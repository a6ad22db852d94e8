/**
 * Where JSON text breaks, in words a person pasting a policy understands. `JSON.parse` decides
 * whether text is valid; this scanner only runs after it failed, to find the spot: V8's messages
 * carry a position for some errors ("… in JSON at position 7") and none for others ("Unexpected
 * token 'a', "abc" is not valid JSON"), and no other engine's wording can be relied on. It also
 * reports duplicate keys, which `JSON.parse` silently resolves to the last one — a second
 * "Statement" key would drop every statement above it without a word.
 */

export interface JsonSyntaxError {
  /** 0-based offset into the text (UTF-16 code units, as JavaScript strings index). */
  position: number;
  message: string;
}

export interface DuplicateKey {
  position: number;
  key: string;
}

export interface LineColumn {
  line: number;
  column: number;
}

/** 1-based line and column of `position`; CR LF and a lone CR each end one line. */
export function lineColumnAt(text: string, position: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let index = 0; index < end; index += 1) {
    const character = text[index];
    if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A character as a message shows it: printable ones quoted, the rest as U+XXXX. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0xfeff) return `an invisible byte-order mark (${hex})`;
  if (character === '\n' || character === '\r') return `a line break (${hex})`;
  if (character === '\t') return `a tab (${hex})`;
  if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) return `an invisible character (${hex})`;
  return `'${character}' (${hex})`;
}

class SyntaxStop {
  constructor(readonly position: number, readonly message: string) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/** JSON's escapes and what they stand for (keys are compared by value when looking for duplicates). */
const ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);
const TYPOGRAPHIC_QUOTES = new Set(['\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']);

class Scanner {
  private at = 0;
  readonly duplicates: DuplicateKey[] = [];

  constructor(private readonly text: string) {}

  run(): void {
    this.value();
    this.skipWhitespace();
    if (this.peek() === '/') this.stop('JSON has no comments: remove the comment');
    if (this.at < this.text.length) this.stop('there is more text after the end of the JSON document: remove it, or wrap everything in one object');
  }

  private stop(message: string, position = this.at): never {
    throw new SyntaxStop(position, message);
  }

  private peek(): string | undefined {
    return this.text[this.at];
  }

  private skipWhitespace(): void {
    while (this.at < this.text.length && WHITESPACE.has(this.text[this.at]!)) this.at += 1;
  }

  private unexpected(what: string, hint = ''): never {
    const character = this.peek();
    if (character === undefined) this.stop(`the text ends before ${what}: something is missing at the end (a closing } or ]?)`);
    if (TYPOGRAPHIC_QUOTES.has(character)) this.stop(`${describeCharacter(character)} is a typographic quote: JSON needs straight double quotes (")`);
    if (character === "'") this.stop('JSON strings use double quotes ("), not single quotes');
    if (character === '/') this.stop('JSON has no comments: remove the comment');
    this.stop(`expected ${what}, found ${describeCharacter(character)}${hint}`);
  }

  private value(): void {
    this.skipWhitespace();
    const character = this.peek();
    if (character === '{') return this.object();
    if (character === '[') return this.array();
    if (character === '"') {
      this.string();
      return;
    }
    if (character === '-' || (character !== undefined && character >= '0' && character <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.at)) {
        this.at += literal.length;
        return;
      }
    }
    this.unexpected('a value');
  }

  private object(): void {
    this.at += 1;
    const keys = new Set<string>();
    this.skipWhitespace();
    if (this.peek() === '}') {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== '"') {
        if (this.peek() === '}') this.stop('there is a comma before this }: remove the last comma');
        this.unexpected('a property name in double quotes');
      }
      const keyAt = this.at;
      const key = this.string();
      if (keys.has(key)) this.duplicates.push({ position: keyAt, key });
      keys.add(key);
      this.skipWhitespace();
      if (this.peek() !== ':') this.unexpected(`a colon (:) after "${key}"`);
      this.at += 1;
      this.value();
      this.skipWhitespace();
      if (this.peek() === ',') {
        this.at += 1;
        continue;
      }
      if (this.peek() === '}') {
        this.at += 1;
        return;
      }
      this.unexpected('a comma (,) or } after the value', ': is a comma missing?');
    }
  }

  private array(): void {
    this.at += 1;
    this.skipWhitespace();
    if (this.peek() === ']') {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === ']') this.stop('there is a comma before this ]: remove the last comma');
      this.value();
      this.skipWhitespace();
      if (this.peek() === ',') {
        this.at += 1;
        continue;
      }
      if (this.peek() === ']') {
        this.at += 1;
        return;
      }
      this.unexpected('a comma (,) or ] after the value', ': is a comma missing?');
    }
  }

  private string(): string {
    const start = this.at;
    this.at += 1;
    let value = '';
    for (;;) {
      const character = this.peek();
      if (character === undefined) this.stop('a string is not closed: a double quote (") is missing', start);
      if (character === '"') {
        this.at += 1;
        return value;
      }
      if (character === '\n' || character === '\r') {
        const opened = lineColumnAt(this.text, start).column;
        this.stop(`the string opened at column ${opened} runs into the end of the line: a closing double quote (") is missing, or write \\n for a line break`);
      }
      if (character < ' ') this.stop(`${describeCharacter(character)} inside a string: write it as an escape such as \\t`);
      if (character === '\\') {
        const escape = this.text[this.at + 1];
        if (escape === 'u') {
          const hex = this.text.slice(this.at + 2, this.at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.stop('\\u must be followed by four hexadecimal digits', this.at + 1);
          value += String.fromCharCode(Number.parseInt(hex, 16));
          this.at += 6;
          continue;
        }
        const meaning = escape === undefined ? undefined : ESCAPES.get(escape);
        if (meaning === undefined) {
          this.stop('a backslash in a string starts an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX): write \\\\ for a backslash', this.at + 1);
        }
        value += meaning;
        this.at += 2;
        continue;
      }
      value += character;
      this.at += 1;
    }
  }

  private digits(what: string): void {
    const start = this.at;
    while (this.at < this.text.length && this.text[this.at]! >= '0' && this.text[this.at]! <= '9') this.at += 1;
    if (this.at === start) this.unexpected(what);
  }

  private number(): void {
    if (this.peek() === '-') this.at += 1;
    if (this.peek() === '0') this.at += 1;
    else this.digits('a digit');
    if (this.peek() === '.') {
      this.at += 1;
      this.digits('a digit after the decimal point');
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.at += 1;
      if (this.peek() === '+' || this.peek() === '-') this.at += 1;
      this.digits('a digit in the exponent');
    }
  }
}

/** The first syntax error in `text`, or null when it is valid JSON; duplicate keys found on the way. */
export function scanJson(text: string): { error: JsonSyntaxError | null; duplicates: DuplicateKey[] } {
  const scanner = new Scanner(text);
  try {
    scanner.run();
    return { error: null, duplicates: scanner.duplicates };
  } catch (stop) {
    if (stop instanceof SyntaxStop) return { error: { position: stop.position, message: stop.message }, duplicates: scanner.duplicates };
    throw stop;
  }
}

/**
 * The characters IAM counts: everything except white space between tokens. White space inside
 * strings is counted, which can only over-estimate (IAM's wording does not say which it skips).
 */
export function countPolicyCharacters(text: string): number {
  let count = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (inString) {
      count += 1;
      if (character === '\\') {
        count += 1;
        index += 1;
      } else if (character === '"') inString = false;
    } else if (!WHITESPACE.has(character)) {
      count += 1;
      if (character === '"') inString = true;
    }
  }
  return count;
}
