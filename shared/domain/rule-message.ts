/**
 * How a rule's refusal is worded, so every field says what is wrong with *this* value the same
 * way ("The account ID has 11 digits; it needs 12", "A space is not allowed (…)"). Messages are
 * sentences: a capital letter, no closing full stop; a form shows them as they are, and a command
 * line puts the field in front with `fieldMessage`.
 */

/** "1 character", "1,225 characters". */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : plural}`;
}

/** A value shown back to the person, in quotes and cut short: enough to spot it, never a wall of text. */
export function quoted(value: string, max = 40): string {
  const characters = Array.from(value);
  return `“${characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : value}”`;
}

/** The first character (code point) of `value` that `allowed` refuses, if any. */
export function firstRefused(value: string, allowed: RegExp): string | undefined {
  return Array.from(value).find((character) => !allowed.test(character));
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character as a person can recognise it, at the start of a sentence. */
export function characterName(character: string): string {
  if (character === ' ') return 'A space';
  if (character === '\t') return 'A tab';
  if (character === '\n' || character === '\r') return 'A line break';
  if (character === '\u00a0') return `A non-breaking space (${codePoint(character)})`;
  // Invisible characters (zero-width spaces, other controls) come along with copy and paste.
  if (/[\p{C}\p{Z}]/u.test(character)) return `The invisible character ${codePoint(character)}`;
  return `“${character}”`;
}

/**
 * "A space is not allowed (letters, digits and + = , . @ _ - only)". `allowed` lists the
 * alphabet as it reads; when it means the ASCII letters and the character is another letter
 * (é, ß), the message says so, since "letters" alone would seem to include it.
 */
export function refusedCharacter(character: string, allowed: string, options: { where?: string; asciiLetters?: boolean } = {}): string {
  const where = options.where ? ` in ${options.where}` : '';
  const alphabet = options.asciiLetters !== false && /\p{L}/u.test(character) && !/[A-Za-z]/.test(character) ? allowed.replace('letters', 'letters A–Z without accents') : allowed;
  return `${characterName(character)} is not allowed${where} (${alphabet} only)`;
}

/**
 * The message after a field's name on a command line: "--role-arn: the account ID has 11 digits;
 * it needs 12". An ordinary capitalised first word is lowered (The, A, This); names that keep
 * their capitals (ExternalId, AWS, MFA, SourceIdentity) stay as they are.
 */
export function asClause(message: string): string {
  const text = message.replace(/\.$/, '');
  return /^[A-Z][a-z]*(?![A-Za-z])/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** "external_id: the ExternalId has 1 character; it needs 2 to 1,224". */
export function fieldMessage(field: string, message: string): string {
  return `${field}: ${asClause(message)}`;
}
