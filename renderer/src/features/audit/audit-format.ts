import type { AuditEntryView } from '../../../../shared/domain/audit';

/** `2026-01-31 14:02:09` in the person's own time zone: when it happened, to the second. */
export function formatAuditTime(at: number): string {
  const date = new Date(at);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The distinct values of one field, A–Z, for a filter's choices. */
export function choicesOf(entries: readonly AuditEntryView[], field: (entry: AuditEntryView) => string | undefined): string[] {
  return [...new Set(entries.map(field).filter((value): value is string => value !== undefined && value !== ''))].sort((a, b) => a.localeCompare(b));
}

/** Each entry's stable key: time, action and position (two entries can share a millisecond). */
export function auditKey(entry: AuditEntryView, index: number): string {
  return `${entry.at}-${index}`;
}
