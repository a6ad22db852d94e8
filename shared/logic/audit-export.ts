/**
 * Filtering and exporting audit entries: the CLI (`roledeck audit`), the `audit.*` channels and the
 * Audit view all use these, so a filter means the same everywhere.
 */
import type { AuditEntry } from '../ports/audit-log';

export interface AuditFilter {
  action?: string | undefined;
  /** A profile's id or name. */
  profile?: string | undefined;
  customer?: string | undefined;
  result?: 'ok' | 'failed' | undefined;
  /** Entries at or after this time (epoch ms). */
  since?: number | undefined;
  /** Words anywhere in the entry (case-insensitive). */
  text?: string | undefined;
}

/** An entry as the port gives it, or as it crossed IPC (where absent fields may read `undefined`). */
export type AuditLike = { [K in keyof AuditEntry]?: AuditEntry[K] | undefined } & Pick<AuditEntry, 'at' | 'action' | 'result'>;

function haystack(entry: AuditLike): string {
  const facts = entry.facts ? Object.entries(entry.facts).map(([key, value]) => `${key}=${String(value)}`) : [];
  return [entry.action, entry.profileId, entry.profileName, entry.customer, entry.identity, entry.result, entry.detail, ...facts]
    .filter((part) => part !== undefined)
    .join(' ')
    .toLowerCase();
}

export function matchesAuditFilter(entry: AuditLike, filter: AuditFilter): boolean {
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (filter.profile !== undefined && entry.profileId !== filter.profile && entry.profileName !== filter.profile) return false;
  if (filter.customer !== undefined && entry.customer !== filter.customer) return false;
  if (filter.result !== undefined && entry.result !== filter.result) return false;
  if (filter.since !== undefined && entry.at < filter.since) return false;
  const text = filter.text?.trim().toLowerCase();
  return !text || text.split(/\s+/).every((word) => haystack(entry).includes(word));
}

export function filterAudit<E extends AuditLike>(entries: readonly E[], filter: AuditFilter): E[] {
  return entries.filter((entry) => matchesAuditFilter(entry, filter));
}

export const AUDIT_CSV_COLUMNS = ['time', 'action', 'result', 'profile', 'profileId', 'customer', 'identity', 'detail', 'facts'] as const;

/**
 * RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted and its quotes doubled. A field
 * starting with = + - @ (or tab/CR) is prefixed with ' so a spreadsheet opening the export does not
 * run it as a formula (OWASP "CSV injection"): profile names and details are user-typed text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditLike[]): string {
  const rows = entries.map((entry) =>
    [
      new Date(entry.at).toISOString(),
      entry.action,
      entry.result,
      entry.profileName ?? '',
      entry.profileId ?? '',
      entry.customer ?? '',
      entry.identity ?? '',
      entry.detail ?? '',
      entry.facts ? JSON.stringify(entry.facts) : '',
    ]
      .map(csvField)
      .join(','),
  );
  return `${[AUDIT_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function auditJsonl(entries: readonly AuditLike[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/** `--since 2h`: a number and a unit (s, m, h, d, w) back from `now`; null when it is not one. */
export function parseSince(text: string, now: number): number | null {
  const match = /^(\d+)\s*(s|m|h|d|w)$/.exec(text.trim());
  if (!match) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? null : at;
  }
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  return now - Number(match[1]) * unit;
}
