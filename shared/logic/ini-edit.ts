/**
 * A line-preserving editor for AWS config files (`~/.aws/config`). No INI library keeps every
 * byte, and users' config files are full of things worth keeping: comments, odd spacing, CRLF line
 * endings, a missing final newline, a UTF-8 BOM, sub-sections, duplicated sections, lines nothing
 * can parse. Tools that round-tripped such files through a parser damaged them (Leapp #228, #260,
 * #416), so this editor never re-serialises what it did not write: it splits the text into lines
 * that keep their exact bytes and terminators, and changes only the one section Roledeck owns.
 *
 * Lines are read the way the AWS SDK for JavaScript v3 reads them (@smithy/shared-ini-file-loader,
 * parseIni + getConfigData): split on `\r?\n`; `#` or `;` at the start or after whitespace starts a
 * comment; `[x]` (after trimming) is a header; `name = value` with a non-empty name is a property.
 * Anything else is kept as an opaque line.
 *
 * Roledeck's section is the one whose header names the target (compared by what the SDK makes of
 * it, so `[profile "acme"]` and `[profile acme]` are the same profile) AND whose first line after
 * the header is Roledeck's marker comment. A section with that name but no marker was written by
 * the user: it is never changed without `force`, and never removed.
 *
 * Byte guarantees, which the unit tests check as properties:
 * - A new section is one contiguous insertion: a blank separator line, header, marker, entries.
 *   It goes after the last non-blank line, so a file's trailing blank lines stay last, and if the
 *   file has no final newline the block starts with the newline the last line lacked and itself
 *   ends without one — so nothing outside the block changes, not even that one byte.
 * - Removing Roledeck's section takes out exactly what adding it put in (the separator above the
 *   header, if it is still an empty line), so add-then-remove gives back the original bytes.
 * - Updating replaces the header..last-property lines of the section and nothing else; comments
 *   and blank lines after Roledeck's last property (often the user's notes about the *next*
 *   section) stay where they are.
 */

export type LineEnding = '\n' | '\r\n';

/** How the SDK reads a line (see the module comment). */
export type IniLineKind = 'blank' | 'comment' | 'header' | 'property' | 'opaque';

export interface IniLine {
  /** The line exactly as in the file, without its terminator. */
  readonly text: string;
  /** `''` only for a last line that has no final newline. */
  readonly eol: LineEnding | '';
  readonly kind: IniLineKind;
}

export interface IniSection {
  /** Index (into `lines`) of the header line. */
  readonly header: number;
  /** Index one past the section's last line: the next header, or the end of the file. */
  readonly end: number;
  /**
   * What the SDK makes of the header: `profile.acme` (also for `[default]`), `sso-session.corp`,
   * `services.s3-local`; `unread:<name>` for a header the SDK skips in a config file (`[acme]`).
   */
  readonly identity: string;
}

export interface IniDocument {
  /** A UTF-8 byte order mark the file starts with, kept aside so it never shifts a line. */
  readonly bom: string;
  /** The file's line ending, reused for every line Roledeck adds: the most common one, LF if none. */
  readonly eol: LineEnding;
  readonly lines: readonly IniLine[];
  readonly sections: readonly IniSection[];
}

/** Keys and values of Roledeck's section, written in this order as `key = value`. */
export type IniEntries = Readonly<Record<string, string>>;

export type SectionStatus = 'absent' | 'roledeck' | 'hand-written';

export type IniEditRefusal =
  /** A section with the target's name and no Roledeck marker: the user's own. `line` is 1-based. */
  | { ok: false; reason: 'hand-written'; line: number }
  /**
   * The file cannot safely take the section: a line that looks like the target's header but that
   * the SDK does not read as one, or a section that makes the SDK drop the whole file.
   */
  | { ok: false; reason: 'malformed'; line: number; message: string }
  /** The header, marker or an entry cannot be written so that the SDK reads it back unchanged. */
  | { ok: false; reason: 'invalid'; message: string };

export type UpsertResult = { ok: true; text: string; change: 'added' | 'updated' | 'unchanged' } | IniEditRefusal;
export type RemoveResult = { ok: true; text: string; change: 'removed' | 'absent' } | IniEditRefusal;

export interface UpsertOptions {
  /** Replace a hand-written section of the same name (the caller keeps a backup). */
  force?: boolean;
}

const BOM = '\uFEFF';

// Copied from @smithy/shared-ini-file-loader's parseIni (`[\w-@+.%:/]` there: in a non-unicode
// character class `\w-@` is \w, a literal hyphen and @, as spelled out here).
const SDK_PREFIXED_HEADER = /^([\w-]+)\s(["'])?([\w@+.%:/-]+)\2$/;
const SDK_SECTION_TYPES = ['profile', 'sso-session', 'services'];
// The SDK throws on these header names, and loadSharedConfigFiles then treats the file as empty.
const SDK_FATAL_HEADERS = ['__proto__', 'profile __proto__'];
const SDK_NAME = /^[\w@+.%:/-]+$/;

/** The part of a line the SDK looks at: comments cut off, then trimmed. */
export function sdkContent(text: string): string {
  return (text.split(/(^|\s)[;#]/)[0] ?? '').trim();
}

function classify(text: string): IniLineKind {
  const content = sdkContent(text);
  if (content === '') return text.trim() === '' ? 'blank' : 'comment';
  if (content.startsWith('[') && content.endsWith(']') && content.length >= 2) return 'header';
  return content.indexOf('=') > 0 ? 'property' : 'opaque';
}

/** What getConfigData calls the section whose header holds `inner` (the text between the brackets). */
function identityOf(inner: string): string {
  const match = SDK_PREFIXED_HEADER.exec(inner);
  let key: string;
  if (match) {
    const [, type = '', , name = ''] = match;
    if (!SDK_SECTION_TYPES.includes(type)) return `unread:${inner}`;
    key = `${type}.${name}`;
  } else {
    key = inner;
  }
  if (key === 'default') return 'profile.default';
  const dot = key.indexOf('.');
  return dot > 0 && SDK_SECTION_TYPES.includes(key.slice(0, dot)) ? key : `unread:${key}`;
}

function headerInner(text: string): string {
  const content = sdkContent(text);
  return content.slice(1, -1);
}

/**
 * What a header-like line was probably meant to name, forgiving what the SDK does not forgive:
 * stray spaces, quotes or brackets, a capitalised type, a comment inside the brackets.
 */
function intendedIdentity(text: string): string | undefined {
  const squashed = text
    .replace(/[[\]"']/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (squashed.toLowerCase() === 'default') return 'profile.default';
  const match = /^(profile|sso-session|services)(?: ?\. ?| )(.+)$/i.exec(squashed);
  if (!match) return undefined;
  const [, type = '', name = ''] = match;
  return type.toLowerCase() === 'profile' && name === 'default' ? 'profile.default' : `${type.toLowerCase()}.${name}`;
}

function splitLines(body: string): { text: string; eol: LineEnding | '' }[] {
  const lines: { text: string; eol: LineEnding | '' }[] = [];
  let start = 0;
  while (start < body.length) {
    const newline = body.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ text: body.slice(start), eol: '' });
      break;
    }
    // A lone CR is part of the line, as it is for the SDK, which splits on \r?\n only.
    const crlf = newline > start && body[newline - 1] === '\r';
    lines.push({ text: body.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}

/** Splits `text` into lines and sections; `serializeIni` of the result gives back `text` exactly. */
export function parseIniDocument(text: string): IniDocument {
  const bom = text.startsWith(BOM) ? BOM : '';
  const lines: IniLine[] = splitLines(text.slice(bom.length)).map((line) => ({ ...line, kind: classify(line.text) }));
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  const lf = lines.filter((line) => line.eol === '\n').length;
  const headers = lines.flatMap((line, index) => (line.kind === 'header' ? [index] : []));
  const sections = headers.map((header, position) => ({
    header,
    end: headers[position + 1] ?? lines.length,
    identity: identityOf(headerInner(lines[header]?.text ?? '')),
  }));
  return { bom, eol: crlf > lf ? '\r\n' : '\n', lines, sections };
}

export function serializeIni(document: { bom: string; lines: readonly Pick<IniLine, 'text' | 'eol'>[] }): string {
  return document.bom + document.lines.map((line) => line.text + line.eol).join('');
}

// ---------------------------------------------------------------------------------------------
// Validation: everything Roledeck writes must read back from the SDK exactly as given.

type Checked<T> = { ok: true; value: T } | { ok: false; reason: 'invalid'; message: string };

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && char !== '\t') || code === 0x7f) return true;
  }
  return false;
}

function checkHeader(header: string): Checked<string> {
  const invalid = (why: string) => ({ ok: false as const, reason: 'invalid' as const, message: `The section header ${JSON.stringify(header)} ${why}.` });
  if (hasControlCharacter(header)) return invalid('contains a line break or control character');
  if (!header.startsWith('[') || !header.endsWith(']')) return invalid('must be written in brackets, like [profile acme]');
  const inner = header.slice(1, -1);
  if (/[[\]#;]/.test(inner)) return invalid('cannot contain [, ], # or ; inside the brackets');
  if (SDK_FATAL_HEADERS.includes(inner)) return invalid('is a name the AWS SDKs refuse to read');
  const identity = identityOf(inner);
  if (identity.startsWith('unread:')) {
    return invalid('is not a section the AWS SDKs read from a config file ([default], [profile name], [sso-session name] or [services name], names made of letters, digits and - _ . @ + % : /)');
  }
  return { ok: true, value: identity };
}

function checkMarker(marker: string): Checked<string> {
  const invalid = (why: string) => ({ ok: false as const, reason: 'invalid' as const, message: `The marker comment ${JSON.stringify(marker)} ${why}.` });
  if (hasControlCharacter(marker)) return invalid('contains a line break or control character');
  if (marker !== marker.trim() || !/^[#;]/.test(marker)) return invalid('must be a comment starting with # or ;, without surrounding spaces');
  return { ok: true, value: marker };
}

function checkEntries(entries: IniEntries): Checked<string[]> {
  const invalid = (message: string) => ({ ok: false as const, reason: 'invalid' as const, message });
  const lines: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (!/^\w[\w.-]*$/.test(key)) {
      return invalid(`${JSON.stringify(key)} cannot be a config key: use letters, digits, _ . and -, starting with a letter, digit or _.`);
    }
    if (hasControlCharacter(value)) return invalid(`The value of ${key} contains a line break or control character, which would split it across lines.`);
    if (value.trim() === '') return invalid(`The value of ${key} is empty; an empty value starts a sub-section in an AWS config file.`);
    if (value !== value.trim()) return invalid(`The value of ${key} starts or ends with spaces, which the AWS SDKs drop.`);
    if (/\s[#;]/.test(` ${value}`)) {
      return invalid(`The value of ${key} contains " #" or " ;" (or starts with # or ;), where the AWS SDKs would cut it short as a comment.`);
    }
    lines.push(`${key} = ${value}`);
  }
  if (lines.length === 0) return invalid('There is nothing to write: the section needs at least one key.');
  return { ok: true, value: lines };
}

// ---------------------------------------------------------------------------------------------
// Finding sections

function isManaged(document: IniDocument, section: IniSection, marker: string): boolean {
  const first = document.lines[section.header + 1];
  return section.header + 1 < section.end && first?.kind === 'comment' && first.text.trim() === marker;
}

/** The section's last line that holds content (not blank, not a comment); the marker at least. */
function lastContentLine(document: IniDocument, section: IniSection, managed: boolean): number {
  let last = section.header + (managed ? 1 : 0);
  for (let index = section.header + 1; index < section.end; index += 1) {
    const kind = document.lines[index]?.kind;
    if (kind !== 'blank' && kind !== 'comment') last = index;
  }
  return last;
}

interface Match {
  section: IniSection;
  managed: boolean;
  last: number;
}

function matchesOf(document: IniDocument, identity: string, marker: string): Match[] {
  return document.sections
    .filter((section) => section.identity === identity)
    .map((section) => {
      const managed = isManaged(document, section, marker);
      return { section, managed, last: lastContentLine(document, section, managed) };
    });
}

function quoteLine(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 77)}...` : trimmed;
}

function describeIdentity(identity: string): string {
  const dot = identity.indexOf('.');
  return `${identity.slice(0, dot)} ${identity.slice(dot + 1)}`;
}

/**
 * Lines that make the edit unsafe: a section name that makes the SDK throw away the whole file, or
 * a line meant as the target's header that the SDK does not read as one (`[profile  acme]`,
 * `[Profile acme]`, `[profile acme` …) — adding a second, working header for the same name
 * would leave the user with two sections that look alike and behave differently.
 */
function findMalformed(document: IniDocument, identity: string): Extract<IniEditRefusal, { reason: 'malformed' }> | undefined {
  for (const [index, line] of document.lines.entries()) {
    const content = sdkContent(line.text);
    if (line.kind === 'header' && SDK_FATAL_HEADERS.includes(content.slice(1, -1))) {
      return {
        ok: false,
        reason: 'malformed',
        line: index + 1,
        message:
          `line ${index + 1} (${quoteLine(line.text)}) names a section the AWS SDKs for JavaScript refuse, ` +
          'and they then ignore the whole file, so a profile added to it would not work. Rename or remove that section, then try again.',
      };
    }
    const headerLike = line.kind === 'header' || (line.kind === 'opaque' && content.startsWith('['));
    if (!headerLike) continue;
    const actual = line.kind === 'header' ? identityOf(content.slice(1, -1)) : undefined;
    if (actual !== identity && intendedIdentity(content) === identity) {
      return {
        ok: false,
        reason: 'malformed',
        line: index + 1,
        message:
          `line ${index + 1} (${quoteLine(line.text)}) looks like the header of ${describeIdentity(identity)}, ` +
          `but the AWS SDKs do not read it as one. Correct it to [${identity === 'profile.default' ? 'default' : describeIdentity(identity)}] or remove it, then try again.`,
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Editing. Lines are edited as plain {text, eol} pairs, from the end of the file backwards so that
// earlier indexes stay valid.

type EditLine = { text: string; eol: LineEnding | '' };

/** Removes a section's header..last lines, and the empty separator line Roledeck put above it. */
function cutSection(lines: EditLine[], header: number, last: number): void {
  const start = header > 0 && lines[header - 1]?.text === '' ? header - 1 : header;
  const lastEol = lines[last]?.eol;
  lines.splice(start, last - start + 1);
  // The section ended the file without a final newline: the newline before it was the block's
  // first byte (see addSection), so it goes too and the line above ends the file as it did.
  const above = lines[start - 1];
  if (lastEol === '' && above) lines[start - 1] = { ...above, eol: '' };
}

function replaceSection(lines: EditLine[], header: number, last: number, block: readonly string[], fileEol: LineEnding): void {
  // The section keeps the line ending its header has, so a file mixing LF and CRLF does not see
  // Roledeck's lines flip between them as the majority shifts.
  const eol = lines[header]?.eol || fileEol;
  const lastEol = lines[last]?.eol ?? eol;
  const replacement = block.map((text, index) => ({ text, eol: index === block.length - 1 ? lastEol : eol }));
  lines.splice(header, last - header + 1, ...replacement);
}

/** Adds the block after the file's last non-blank line, as one contiguous insertion. */
function addSection(document: IniDocument, block: readonly string[]): EditLine[] {
  const lines: EditLine[] = document.lines.map(({ text, eol }) => ({ text, eol }));
  const { eol } = document;
  const blockLines: EditLine[] = block.map((text) => ({ text, eol }));
  let at = lines.length;
  while (at > 0 && document.lines[at - 1]?.kind === 'blank') at -= 1;
  if (at === 0) return [...blockLines, ...lines];
  const separator = { text: '', eol };
  const before = lines[at - 1];
  if (at === lines.length && before?.eol === '') {
    // No final newline: the block brings the newline the last line lacks and leaves its own off.
    lines[at - 1] = { ...before, eol };
    const last = blockLines.length - 1;
    blockLines[last] = { text: block[last] ?? '', eol: '' };
  }
  lines.splice(at, 0, separator, ...blockLines);
  return lines;
}

function prepare(
  header: string,
  marker: string,
): Checked<{ identity: string; marker: string }> {
  const identity = checkHeader(header);
  if (!identity.ok) return identity;
  const checkedMarker = checkMarker(marker);
  if (!checkedMarker.ok) return checkedMarker;
  return { ok: true, value: { identity: identity.value, marker: checkedMarker.value } };
}

/**
 * Adds or replaces Roledeck's section `header` (e.g. `[profile acme-prod]`), whose first line is
 * `marker`, holding `entries` as `key = value` lines. Refuses a hand-written section of the same
 * name unless `force`; with `force`, the first such section is replaced in place and any further
 * section of that name removed (the SDK would merge their keys into the profile). Extra copies of
 * Roledeck's own section are removed too.
 */
export function upsertSection(text: string, header: string, entries: IniEntries, marker: string, options: UpsertOptions = {}): UpsertResult {
  const prepared = prepare(header, marker);
  if (!prepared.ok) return prepared;
  const checkedEntries = checkEntries(entries);
  if (!checkedEntries.ok) return checkedEntries;
  const { identity } = prepared.value;
  const block = [header, prepared.value.marker, ...checkedEntries.value];

  const document = parseIniDocument(text);
  const malformed = findMalformed(document, identity);
  if (malformed) return malformed;
  const matches = matchesOf(document, identity, prepared.value.marker);
  const handWritten = matches.find((match) => !match.managed);
  if (handWritten && !options.force) return { ok: false, reason: 'hand-written', line: handWritten.section.header + 1 };

  const [first, ...rest] = matches;
  if (!first) return { ok: true, text: serializeIni({ bom: document.bom, lines: addSection(document, block) }), change: 'added' };
  const lines: EditLine[] = document.lines.map(({ text: lineText, eol }) => ({ text: lineText, eol }));
  for (const match of rest.reverse()) cutSection(lines, match.section.header, match.last);
  replaceSection(lines, first.section.header, first.last, block, document.eol);
  const edited = serializeIni({ bom: document.bom, lines });
  return { ok: true, text: edited, change: edited === text ? 'unchanged' : 'updated' };
}

/**
 * Removes Roledeck's section `header` (every copy of it) and the separator line above it; a file
 * without it is returned unchanged. Refuses while a hand-written section of that name exists: it
 * is the user's, and removing only Roledeck's copy would leave a profile they did not expect.
 */
export function removeSection(text: string, header: string, marker: string): RemoveResult {
  const prepared = prepare(header, marker);
  if (!prepared.ok) return prepared;
  const document = parseIniDocument(text);
  const matches = matchesOf(document, prepared.value.identity, prepared.value.marker);
  if (matches.length === 0) return { ok: true, text, change: 'absent' };
  const handWritten = matches.find((match) => !match.managed);
  if (handWritten) return { ok: false, reason: 'hand-written', line: handWritten.section.header + 1 };
  const lines: EditLine[] = document.lines.map(({ text: lineText, eol }) => ({ text: lineText, eol }));
  for (const match of [...matches].reverse()) cutSection(lines, match.section.header, match.last);
  return { ok: true, text: serializeIni({ bom: document.bom, lines }), change: 'removed' };
}

/** Whether `header` is absent, Roledeck's (marked), or hand-written (any copy without the marker). */
export function sectionStatus(text: string, header: string, marker: string): SectionStatus | IniEditRefusal {
  const prepared = prepare(header, marker);
  if (!prepared.ok) return prepared;
  const matches = matchesOf(parseIniDocument(text), prepared.value.identity, prepared.value.marker);
  if (matches.length === 0) return 'absent';
  return matches.every((match) => match.managed) ? 'roledeck' : 'hand-written';
}

/** True when `name` can be a profile name the SDKs read from `[profile name]`. */
export function isSdkProfileName(name: string): boolean {
  return SDK_NAME.test(name) && name !== '__proto__';
}
