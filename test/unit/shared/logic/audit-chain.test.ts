import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditLine, GENESIS, parseAuditLine, unchained, verifyChain, type AuditAnchor, type ChainFile } from '../../../../shared/logic/audit-chain';
import type { AuditEntry } from '../../../../shared/ports/audit-log';

const sha256 = (line: string): string => createHash('sha256').update(line, 'utf8').digest('hex');

function entry(at: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at, action: 'assume', profileName: 'acme-dev', customer: 'Acme', result: 'ok', ...extra };
}

/** `count` chained lines from `firstSeq`, chaining to `prev`. */
function chain(count: number, firstSeq = 1, prev = GENESIS): { lines: string[]; last: string } {
  const lines: string[] = [];
  let hash = prev;
  for (let index = 0; index < count; index += 1) {
    const line = auditLine(entry(1_700_000_000_000 + index), firstSeq + index, hash);
    lines.push(line);
    hash = sha256(line);
  }
  return { lines, last: hash };
}

const text = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');
/** The anchor after writing `lines`, the last of which has seq `lastSeq`. */
const anchorOf = (lines: readonly string[], firstSeq = 1, rotated = 0, lastSeq = firstSeq + lines.length - 1): AuditAnchor => ({
  seq: lastSeq,
  hash: sha256(lines.at(-1) ?? ''),
  firstSeq,
  rotated,
});

function verify(files: ChainFile[], anchor: AuditAnchor | null) {
  return verifyChain(files, anchor, sha256, 'audit.anchor.json');
}

describe('the audit hash chain', () => {
  it('verifies an untouched log and counts every entry', () => {
    const { lines } = chain(20);
    const report = verify([{ name: 'audit.jsonl', text: text(lines) }], anchorOf(lines));
    expect(report).toEqual({ ok: true, verified: 20, problems: [], torn: false });
  });

  it('names the line whose text was changed after it was written', () => {
    const { lines } = chain(10);
    lines[3] = (lines[3] ?? '').replace('"ok"', '"failed"');
    const report = verify([{ name: 'audit.jsonl', text: text(lines) }], anchorOf(chain(10).lines));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'edited', file: 'audit.jsonl', line: 4 })]);
  });

  it('catches an edit of the last line through the anchor', () => {
    const original = chain(5).lines;
    const lines = [...original];
    lines[4] = (lines[4] ?? '').replace('acme-dev', 'acme-prd');
    const report = verify([{ name: 'audit.jsonl', text: text(lines) }], anchorOf(original));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'edited', line: 5 })]);
  });

  it('reports deleted lines with the entries that are gone', () => {
    const { lines } = chain(10);
    lines.splice(4, 2);
    const report = verify([{ name: 'audit.jsonl', text: text(lines) }], anchorOf(chain(10).lines));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'deleted', line: 5, message: expect.stringContaining('entries 5–6') })]);
  });

  it('reports lines moved out of order', () => {
    const { lines } = chain(6);
    const swapped = [lines[0], lines[1], lines[3], lines[2], lines[4], lines[5]].map(String);
    const report = verify([{ name: 'audit.jsonl', text: text(swapped) }], anchorOf(lines));
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.kind)).toContain('reordered');
  });

  it('reports lines cut off the end, which the chain alone cannot see', () => {
    const { lines } = chain(8);
    const report = verify([{ name: 'audit.jsonl', text: text(lines.slice(0, 5)) }], anchorOf(lines));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'truncated', line: 6, message: expect.stringContaining('entries 6–8') })]);
  });

  it('reports lines cut off the start', () => {
    const { lines } = chain(8);
    const report = verify([{ name: 'audit.jsonl', text: text(lines.slice(3)) }], anchorOf(lines));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'deleted', line: 1, message: expect.stringContaining('entries 1–3') })]);
  });

  it('reports a line that is no longer an entry at all', () => {
    const { lines } = chain(4);
    lines[1] = '{"seq": 2, "oops"';
    const report = verify([{ name: 'audit.jsonl', text: text(lines) }], anchorOf(chain(4).lines));
    expect(report.problems[0]).toMatchObject({ kind: 'garbled', line: 2 });
  });

  it('treats a half-written last line as an interrupted write, not a break', () => {
    const { lines } = chain(3);
    const report = verify([{ name: 'audit.jsonl', text: `${text(lines)}{"seq":4,"at":17` }], anchorOf(lines));
    expect(report).toMatchObject({ ok: true, verified: 3, torn: true });
  });

  it('follows the chain from a rotated file into the next one', () => {
    const older = chain(4);
    const newer = chain(3, 5, older.last);
    const files = [
      { name: 'audit.1.jsonl', text: text(older.lines) },
      { name: 'audit.jsonl', text: text(newer.lines) },
    ];
    expect(verify(files, anchorOf(newer.lines, 1, 1, 7))).toMatchObject({ ok: true, verified: 7 });
  });

  it('names a rotated file that is missing, and keeps checking the files after it', () => {
    const oldest = chain(2);
    const middle = chain(2, 3, oldest.last);
    const newest = chain(2, 5, middle.last);
    newest.lines[1] = (newest.lines[1] ?? '').replace('Acme', 'Else');
    const report = verify(
      [
        { name: 'audit.2.jsonl', text: text(oldest.lines) },
        { name: 'audit.1.jsonl', text: null },
        { name: 'audit.jsonl', text: text(newest.lines) },
      ],
      { seq: 6, hash: sha256(chain(2, 5, middle.last).lines[1] ?? ''), firstSeq: 1, rotated: 2 },
    );
    expect(report.problems.map((problem) => [problem.kind, problem.file])).toEqual([
      ['missing-file', 'audit.1.jsonl'],
      ['edited', 'audit.jsonl'],
    ]);
  });

  it('accepts an oldest kept file that starts where rotation dropped the files before it', () => {
    const dropped = chain(5);
    const kept = chain(3, 6, dropped.last);
    expect(verify([{ name: 'audit.1.jsonl', text: text(kept.lines) }], anchorOf(kept.lines, 6, 1))).toMatchObject({ ok: true, verified: 3 });
  });

  it('says when the anchor is gone, since a cut-off end would then go unnoticed', () => {
    const { lines } = chain(3);
    expect(verify([{ name: 'audit.jsonl', text: text(lines) }], null).problems).toEqual([expect.objectContaining({ kind: 'missing-file', file: 'audit.anchor.json' })]);
  });
});

describe('audit lines', () => {
  it('never carry a secret, whatever a caller put in the text', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const line = auditLine(entry(1, { detail: `failed with aws_secret_access_key=${secret}`, facts: { note: secret } }), 1, GENESIS);
    expect(line).not.toContain(secret);
  });

  it('read back as the entry that was written', () => {
    const written = entry(5, { profileId: 'p-1', identity: 'arn:aws:sts::111111111111:assumed-role/Dev/me', detail: 'served', facts: { cached: true, seconds: 3 } });
    const parsed = parseAuditLine(auditLine(written, 9, GENESIS));
    expect(parsed && unchained(parsed)).toEqual(written);
  });
});
