import { parseIniDocument, sdkContent, sectionStatus, serializeIni, upsertSection, type IniDocument, type IniEntries, type LineEnding, type UpsertResult } from './ini-edit';

/**
 * Key-level edits of the AWS files, on top of the line-preserving editor in ini-edit.ts: reading
 * and removing the static keys of a profile in `~/.aws/credentials`, and adding Roledeck's
 * `credential_process` line to a profile section of `~/.aws/config` that the user wrote. Every byte
 * these functions do not mean to change stays as it was (the unit tests check it as a property).
 *
 * In the credentials file a section's name is the text between the brackets: `[acme]` is the
 * profile acme (the SDKs read `[profile acme]` there as a profile named "profile acme").
 */

/** The keys that make a profile's static credentials; all three go when the keys move to the keychain. */
export const STATIC_KEY_NAMES = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'] as const;

export interface StaticKeys {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

type EditLine = { text: string; eol: LineEnding | '' };

/** `name = value` as the SDK splits it; the name compared without case (botocore lowercases option names). */
function property(text: string): { name: string; value: string } | undefined {
  const content = sdkContent(text);
  const equals = content.indexOf('=');
  if (equals <= 0) return undefined;
  return { name: content.slice(0, equals).trim().toLowerCase(), value: content.slice(equals + 1).trim() };
}

function isStaticKeyLine(text: string): boolean {
  const parsed = property(text);
  return parsed !== undefined && (STATIC_KEY_NAMES as readonly string[]).includes(parsed.name);
}

/** The sections of a credentials file that hold profile `name`, in file order. */
function credentialSections(document: IniDocument, name: string) {
  return document.sections.filter((section) => sdkContent(document.lines[section.header]?.text ?? '').slice(1, -1) === name);
}

/** The static keys each profile of a credentials file holds (a later line wins, as the SDKs merge them). */
export function readStaticKeys(text: string): Map<string, StaticKeys> {
  const document = parseIniDocument(text);
  const keys = new Map<string, StaticKeys>();
  for (const section of document.sections) {
    const name = sdkContent(document.lines[section.header]?.text ?? '').slice(1, -1);
    const found = keys.get(name) ?? {};
    for (let index = section.header + 1; index < section.end; index += 1) {
      const line = document.lines[index];
      const parsed = line?.kind === 'property' ? property(line.text) : undefined;
      if (parsed?.name === 'aws_access_key_id') found.accessKeyId = parsed.value;
      if (parsed?.name === 'aws_secret_access_key') found.secretAccessKey = parsed.value;
      if (parsed?.name === 'aws_session_token') found.sessionToken = parsed.value;
    }
    keys.set(name, found);
  }
  return keys;
}

/**
 * Removes the static key lines of profile `name` from a credentials file: every
 * aws_access_key_id, aws_secret_access_key and aws_session_token line in each of its sections.
 * Other keys (region, output …) and comments stay. A section left with nothing but blank lines
 * goes whole, header included: an empty `[name]` would only suggest keys still live there. One
 * that keeps a comment keeps its header, so the comment stays under the section it was written for.
 */
export function removeStaticKeys(text: string, name: string): { text: string; removed: number } {
  const document = parseIniDocument(text);
  const lines: EditLine[] = document.lines.map(({ text: lineText, eol }) => ({ text: lineText, eol }));
  let removed = 0;
  // From the end backwards, so earlier indexes stay valid.
  for (const section of [...credentialSections(document, name)].reverse()) {
    const body = document.lines.slice(section.header + 1, section.end);
    const keyLines = body.flatMap((line, offset) => (line.kind === 'property' && isStaticKeyLine(line.text) ? [section.header + 1 + offset] : []));
    if (keyLines.length === 0) continue;
    removed += keyLines.length;
    const keyLineSet = new Set(keyLines);
    const emptied = body.every((line, offset) => keyLineSet.has(section.header + 1 + offset) || line.kind === 'blank');
    if (emptied) {
      cutWholeSection(lines, document, section.header, section.end);
    } else {
      for (const index of [...keyLines].reverse()) cutLine(lines, index);
    }
  }
  return { text: serializeIni({ bom: document.bom, lines }), removed };
}

/** Removes one line; a last line without a newline passes that state on to the line above. */
function cutLine(lines: EditLine[], index: number): void {
  const gone = lines[index];
  lines.splice(index, 1);
  const above = lines[index - 1];
  if (gone?.eol === '' && index === lines.length && above) lines[index - 1] = { ...above, eol: '' };
}

/**
 * Removes a section's header and body. When it was the file's last section, the blank lines that
 * separated it from the one above go too, so the file does not end in stray blank lines.
 */
function cutWholeSection(lines: EditLine[], document: IniDocument, header: number, end: number): void {
  let start = header;
  if (end === document.lines.length) {
    while (start > 0 && document.lines[start - 1]?.kind === 'blank') start -= 1;
  }
  const lastEol = lines[end - 1]?.eol;
  lines.splice(start, end - start);
  const above = lines[start - 1];
  if (start === lines.length && above && lastEol === '') lines[start - 1] = { ...above, eol: '' };
}

/**
 * Adds `entries` to profile `header` of a config file under Roledeck's `marker` comment. With no
 * such section, or only Roledeck's own, it is upsertSection. When the user wrote the section
 * (region, mfa_serial …), the marker and the entries go in after its last key, and nothing of
 * theirs changes; a second call replaces the lines under the marker. Refused when the section
 * already sets one of the keys itself: that is the user's value, and it would be ambiguous.
 */
export function addToProfileSection(text: string, header: string, entries: IniEntries, marker: string): UpsertResult {
  const status = sectionStatus(text, header, marker);
  if (typeof status !== 'string') return status;
  if (status !== 'hand-written') return upsertSection(text, header, entries, marker);
  // Validates header, marker and entries exactly as a new section would be.
  const dryRun = upsertSection('', header, entries, marker);
  if (!dryRun.ok) return dryRun;
  const identity = parseIniDocument(`${header}\n`).sections[0]?.identity;
  const document = parseIniDocument(text);
  const section = document.sections.find((candidate) => candidate.identity === identity);
  if (!section) return { ok: false, reason: 'invalid', message: `No section ${header} to add to.` };
  const block = [marker, ...Object.entries(entries).map(([key, value]) => `${key} = ${value}`)];
  const lines: EditLine[] = document.lines.map(({ text: lineText, eol }) => ({ text: lineText, eol }));
  const eol = document.lines[section.header]?.eol || document.eol;

  const markerAt = lines.findIndex((line, index) => index > section.header && index < section.end && line.text.trim() === marker);
  if (markerAt >= 0) {
    // Ours from an earlier call: the lines under the marker that set our keys are replaced.
    let last = markerAt;
    while (last + 1 < section.end && entries[property(lines[last + 1]?.text ?? '')?.name ?? ''] !== undefined) last += 1;
    const lastEol = lines[last]?.eol ?? eol;
    lines.splice(markerAt, last - markerAt + 1, ...block.map((lineText, index) => ({ text: lineText, eol: index === block.length - 1 ? lastEol : eol })));
    const edited = serializeIni({ bom: document.bom, lines });
    return { ok: true, text: edited, change: edited === text ? 'unchanged' : 'updated' };
  }

  for (let index = section.header + 1; index < section.end; index += 1) {
    const name = property(document.lines[index]?.text ?? '')?.name;
    if (document.lines[index]?.kind === 'property' && name !== undefined && Object.keys(entries).includes(name)) {
      return { ok: false, reason: 'hand-written', line: index + 1 };
    }
  }
  let last = section.header;
  for (let index = section.header + 1; index < section.end; index += 1) {
    const kind = document.lines[index]?.kind;
    if (kind === 'property' || kind === 'opaque') last = index;
  }
  const after = lines[last];
  const inserted: EditLine[] = block.map((lineText) => ({ text: lineText, eol }));
  if (after && after.eol === '') {
    // The section's last key ends the file without a newline: the block brings that newline and
    // ends without one itself, so nothing before it changes.
    lines[last] = { ...after, eol };
    inserted[inserted.length - 1] = { text: block[block.length - 1] ?? '', eol: '' };
  }
  lines.splice(last + 1, 0, ...inserted);
  return { ok: true, text: serializeIni({ bom: document.bom, lines }), change: 'updated' };
}

/** 1-based numbers of the lines of `text` that contain `value`. */
export function linesContaining(text: string, value: string): number[] {
  if (value === '') return [];
  return text.split('\n').flatMap((line, index) => (line.includes(value) ? [index + 1] : []));
}
