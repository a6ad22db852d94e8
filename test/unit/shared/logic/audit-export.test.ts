import { describe, expect, it } from 'vitest';
import { auditCsv, auditJsonl, csvField, filterAudit, parseSince } from '../../../../shared/logic/audit-export';
import type { AuditEntry } from '../../../../shared/ports/audit-log';

const entries: AuditEntry[] = [
  { at: Date.UTC(2026, 0, 1, 9), action: 'assume', profileId: 'p1', profileName: 'acme-dev', customer: 'Acme', result: 'ok' },
  { at: Date.UTC(2026, 0, 1, 10), action: 'deploy-create', profileId: 'p2', profileName: 'globex-prd', customer: 'Globex', result: 'failed', detail: 'Queue rolled back' },
  { at: Date.UTC(2026, 0, 1, 11), action: 'export', profileId: 'p1', profileName: 'acme-dev', customer: 'Acme', result: 'ok', detail: 'fish' },
];

describe('audit filters', () => {
  it('match by action, profile id or name, customer, result, time and words anywhere', () => {
    expect(filterAudit(entries, { action: 'assume' })).toHaveLength(1);
    expect(filterAudit(entries, { profile: 'acme-dev' })).toHaveLength(2);
    expect(filterAudit(entries, { profile: 'p2' })).toHaveLength(1);
    expect(filterAudit(entries, { customer: 'Globex', result: 'failed' })).toHaveLength(1);
    expect(filterAudit(entries, { since: Date.UTC(2026, 0, 1, 10) })).toHaveLength(2);
    expect(filterAudit(entries, { text: 'ROLLED globex' }).map((entry) => entry.action)).toEqual(['deploy-create']);
  });

  it('read --since as a span back from now, or as a date', () => {
    const now = Date.UTC(2026, 0, 2);
    expect(parseSince('2h', now)).toBe(now - 7_200_000);
    expect(parseSince('3d', now)).toBe(now - 3 * 86_400_000);
    expect(parseSince('2026-01-01T00:00:00Z', now)).toBe(Date.UTC(2026, 0, 1));
    expect(parseSince('soon', now)).toBeNull();
  });
});

describe('audit exports', () => {
  it('quote CSV fields holding commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keep a spreadsheet from running a field as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1+2')).toBe("'-1+2");
  });

  it('write one CSV row per entry under a header, and one JSON line per entry', () => {
    const csv = auditCsv(entries);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('time,action,result,profile,profileId,customer,identity,detail,facts');
    expect(rows[2]).toBe('2026-01-01T10:00:00.000Z,deploy-create,failed,globex-prd,p2,Globex,,Queue rolled back,');
    expect(rows).toHaveLength(4);
    expect(auditJsonl(entries).trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(entries);
  });
});
