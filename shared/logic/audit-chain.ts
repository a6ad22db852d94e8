/**
 * The audit log's hash chain (issue 16 item 7): each JSON line carries `seq` (its number across
 * every file, from 1) and `prev`, the SHA-256 of the previous line's exact text, so a changed,
 * removed, reordered or cut-off line breaks the chain where it happened. The first line ever
 * chains to GENESIS; the first line of a file after a rotation chains to the last line of the file
 * before it, so the chain runs across files. A small anchor (the last `seq` and hash written, and
 * where the oldest kept file starts) catches what the chain alone cannot: lines cut off the end.
 *
 * This module imports nothing but redaction: the credential_process quick path appends through it
 * and must stay close to a bare Node start (zod alone costs milliseconds).
 */
import type { AuditEntry, AuditFacts } from '../ports/audit-log';
import { redactText } from './redact';

/** The `prev` of the very first line. */
export const GENESIS = '0'.repeat(64);
/** Text fields are clipped to this many characters: a line stays small (one write(), read back cheaply). */
export const AUDIT_TEXT_LIMIT = 500;
const FACTS_LIMIT = 24;

/** SHA-256 of a line's UTF-8 text, lowercase hex (node:crypto in electron/node). */
export type LineHash = (line: string) => string;

export interface ChainedEntry extends AuditEntry {
  seq: number;
  prev: string;
}

/** Where the chain stood after the last append; kept beside the log. */
export interface AuditAnchor {
  /** `seq` and hash of the last line written. */
  seq: number;
  hash: string;
  /** `seq` of the first line of the oldest file kept (rotation drops the oldest file on purpose). */
  firstSeq: number;
  /** How many rotated files there are beside the current one. */
  rotated: number;
}

function clip(text: string): string {
  return redactText(text).slice(0, AUDIT_TEXT_LIMIT);
}

function cleanFacts(facts: AuditFacts): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(facts).slice(0, FACTS_LIMIT)) {
    out[key.slice(0, 64)] = typeof value === 'string' ? clip(value) : value;
  }
  return out;
}

/**
 * The line for `entry` (without its newline): fixed key order, text redacted and clipped. Redaction
 * here is the shared mechanism (shared/logic/redact.ts), so no caller can put a secret in the log
 * by forgetting to mask a field.
 */
export function auditLine(entry: AuditEntry, seq: number, prev: string): string {
  const line: ChainedEntry = {
    seq,
    at: entry.at,
    action: clip(entry.action).slice(0, 128),
    ...(entry.profileId !== undefined ? { profileId: clip(entry.profileId) } : {}),
    ...(entry.profileName !== undefined ? { profileName: clip(entry.profileName) } : {}),
    ...(entry.customer !== undefined ? { customer: clip(entry.customer) } : {}),
    ...(entry.identity !== undefined ? { identity: clip(entry.identity) } : {}),
    result: entry.result,
    ...(entry.detail !== undefined ? { detail: clip(entry.detail) } : {}),
    ...(entry.facts !== undefined ? { facts: cleanFacts(entry.facts) } : {}),
    prev,
  };
  return JSON.stringify(line);
}

function isFacts(value: unknown): value is AuditFacts {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((inner) => ['string', 'number', 'boolean'].includes(typeof inner))
  );
}

const OPTIONAL_TEXT = ['profileId', 'profileName', 'customer', 'identity', 'detail'] as const;

/** A line read back, or null when it is not a well-formed entry (garbled, cut, hand-edited JSON). */
export function parseAuditLine(line: string): ChainedEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const { seq, at, action, result, prev, facts } = raw;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (typeof at !== 'number' || typeof action !== 'string' || typeof prev !== 'string') return null;
  if (result !== 'ok' && result !== 'failed') return null;
  if (facts !== undefined && !isFacts(facts)) return null;
  const entry: ChainedEntry = { seq, at, action, result, prev, ...(facts !== undefined ? { facts } : {}) };
  for (const key of OPTIONAL_TEXT) {
    const text = raw[key];
    if (text === undefined) continue;
    if (typeof text !== 'string') return null;
    entry[key] = text;
  }
  return entry;
}

/** The entry as callers know it, without its place in the chain. */
export function unchained(entry: ChainedEntry): AuditEntry {
  const { at, action, profileId, profileName, customer, identity, result, detail, facts } = entry;
  return {
    at,
    action,
    ...(profileId !== undefined ? { profileId } : {}),
    ...(profileName !== undefined ? { profileName } : {}),
    ...(customer !== undefined ? { customer } : {}),
    ...(identity !== undefined ? { identity } : {}),
    result,
    ...(detail !== undefined ? { detail } : {}),
    ...(facts !== undefined ? { facts } : {}),
  };
}

/** The complete lines of a file's text, and whether a cut-off line (a write interrupted) ends it. */
export function splitLines(text: string): { lines: string[]; torn: boolean } {
  const parts = text.split('\n');
  const last = parts.pop() ?? '';
  return { lines: parts, torn: last.length > 0 };
}

export type ChainProblemKind =
  /** The line is not a well-formed entry. */
  | 'garbled'
  /** The line's text changed after it was written (its successor, or the anchor, holds another hash). */
  | 'edited'
  /** Lines are missing between two that are present. */
  | 'deleted'
  /** A line stands before lines written earlier than it, or repeats one. */
  | 'reordered'
  /** Lines the anchor says were written are gone from the end. */
  | 'truncated'
  /** A rotated file the chain runs through is gone. */
  | 'missing-file';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The file and its 1-based line number; `line` 0 for a whole file. */
  file: string;
  line: number;
  message: string;
}

export interface ChainFile {
  name: string;
  /** Null: the file is missing. */
  text: string | null;
}

export interface ChainReport {
  ok: boolean;
  /** Lines whose chain link checked out. */
  verified: number;
  problems: ChainProblem[];
  /** The last line is cut off: a write interrupted (the next append clears it). Not a break. */
  torn: boolean;
}

const PROBLEM_LIMIT = 50;

interface Cursor {
  seq: number;
  hash: string;
  file: string;
  line: number;
  at: string;
}

/**
 * Verifies the files, oldest first, against the anchor (null when there is none yet: nothing was
 * ever written, or the anchor is gone — then only the chain itself is checked). After a break it
 * carries on from the line that broke it, so one edit is one problem and every later break is
 * reported too.
 */
export function verifyChain(files: readonly ChainFile[], anchor: AuditAnchor | null, hash: LineHash, anchorName = 'the anchor file'): ChainReport {
  const problems: ChainProblem[] = [];
  const report = (problem: ChainProblem): void => {
    if (problems.length < PROBLEM_LIMIT) problems.push(problem);
  };
  let verified = 0;
  let torn = false;
  let cursor: Cursor | null = null;
  let sawAnchorLine = false;
  let seenAny = false;
  for (const [fileIndex, file] of files.entries()) {
    if (file.text === null) {
      report({ kind: 'missing-file', file: file.name, line: 0, message: `${file.name} is missing: the lines it held cannot be checked` });
      cursor = null;
      continue;
    }
    const split = splitLines(file.text);
    if (split.torn && fileIndex === files.length - 1) torn = true;
    else if (split.torn) report({ kind: 'garbled', file: file.name, line: split.lines.length + 1, message: `${file.name} line ${split.lines.length + 1} is cut off` });
    for (const [index, line] of split.lines.entries()) {
      const where = { file: file.name, line: index + 1 };
      const at = `${file.name} line ${index + 1}`;
      const entry = parseAuditLine(line);
      if (!entry) {
        report({ kind: 'garbled', ...where, message: `${at} is not a well-formed entry (changed by hand?)` });
        cursor = null;
        continue;
      }
      const lineHash = hash(line);
      const firstSeen = !seenAny;
      seenAny = true;
      if (cursor === null) {
        const expectedFirst = anchor?.firstSeq ?? 1;
        if (firstSeen && entry.seq > expectedFirst) {
          const span = `entries ${expectedFirst}–${entry.seq - 1}`;
          report(
            index === 0 && files.length > 1
              ? { kind: 'missing-file', ...where, message: `${span} before ${file.name} are missing: an older rotated file was removed` }
              : { kind: 'deleted', ...where, message: `${span} before ${at} are missing` },
          );
        } else if (firstSeen && entry.seq === 1 && entry.prev !== GENESIS) {
          report({ kind: 'edited', ...where, message: `${at} was changed: the first entry must start the chain` });
        } else {
          // Lines before the anchor's firstSeq were released by rotation (a kill between the anchor
          // write and the file's removal leaves them); they are checked like any other.
          verified += 1;
        }
      } else if (entry.seq === cursor.seq + 1 && entry.prev === cursor.hash) {
        verified += 1;
      } else if (entry.seq === cursor.seq + 1) {
        report({ kind: 'edited', file: cursor.file, line: cursor.line, message: `${cursor.at} was changed after it was written (${at} no longer matches it)` });
      } else if (entry.seq > cursor.seq + 1 && index === 0) {
        report({ kind: 'missing-file', ...where, message: `entries ${cursor.seq + 1}–${entry.seq - 1} between ${cursor.file} and ${file.name} are missing: a rotated file was removed` });
      } else if (entry.seq > cursor.seq + 1) {
        const gap = entry.seq - cursor.seq - 1;
        report({ kind: 'deleted', ...where, message: `${gap} ${gap === 1 ? 'entry is' : 'entries are'} missing before ${at} (entries ${cursor.seq + 1}–${entry.seq - 1})` });
      } else {
        report({ kind: 'reordered', ...where, message: `${at} (entry ${entry.seq}) is out of order after entry ${cursor.seq}` });
      }
      if (anchor && entry.seq === anchor.seq) {
        sawAnchorLine = true;
        if (lineHash !== anchor.hash) report({ kind: 'edited', ...where, message: `${at} was changed after it was written (the last recorded hash differs)` });
      }
      cursor = { seq: entry.seq, hash: lineHash, ...where, at };
    }
  }
  if (anchor && !sawAnchorLine && (cursor === null || cursor.seq < anchor.seq)) {
    const last = files.at(-1);
    const name = last?.name ?? 'audit log';
    const lineCount = last?.text ? splitLines(last.text).lines.length : 0;
    const from = cursor ? cursor.seq + 1 : anchor.firstSeq;
    report({ kind: 'truncated', file: name, line: lineCount + 1, message: `entries ${from}–${anchor.seq} are missing from the end of ${name} (the log was cut off)` });
  }
  if (!anchor && cursor !== null) {
    report({ kind: 'missing-file', file: anchorName, line: 0, message: `${anchorName} is missing: entries cut off the end would go unnoticed` });
  }
  return { ok: problems.length === 0, verified, problems, torn };
}

/** The chain's state in one line, as the Audit view and `roledeck audit --verify` show it. */
export function describeChain(report: ChainReport): string {
  const count = report.verified.toLocaleString('en-US');
  if (report.ok) return `Chain verified: ${count} ${report.verified === 1 ? 'entry' : 'entries'}${report.torn ? ' (the last write was interrupted; it was not recorded)' : ''}`;
  const first = report.problems[0];
  const more = report.problems.length > 1 ? ` (+${report.problems.length - 1} more)` : '';
  return `Chain broken: ${first?.message ?? 'unknown problem'}${more}`;
}
