/**
 * When a signed URL or cookie stops (and starts) working. CloudFront policies carry whole seconds
 * since the epoch, UTC (`AWS:EpochTime`); people type "2h", "7d" or an exact time.
 */

export type TimeSpecResult = { ok: true; epochSeconds: number } | { ok: false; message: string };

/** The choices the UI and the CLI offer before "custom". */
export const EXPIRY_PRESETS: ReadonlyArray<{ spec: string; label: string }> = [
  { spec: '15m', label: '15 minutes' },
  { spec: '1h', label: '1 hour' },
  { spec: '12h', label: '12 hours' },
  { spec: '1d', label: '1 day' },
  { spec: '7d', label: '7 days' },
  { spec: '30d', label: '30 days' },
];

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
/** Ten years: a longer "duration" is a typo, and a URL valid that long is not a temporary grant. */
const MAX_DURATION_SECONDS = 10 * 365 * 86400;
const DURATION = /^(?:\d+[smhdw])+$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const HINT = 'Use a duration like 30m, 2h or 7d, or an exact time like 2026-12-01T18:00:00Z.';

function durationSeconds(spec: string): number {
  let total = 0;
  for (const [, amount, unit] of spec.matchAll(/(\d+)([smhdw])/g)) total += Number(amount) * UNIT_SECONDS[unit!]!;
  return total;
}

function isoSeconds(match: RegExpMatchArray): number | null {
  const [, year, month, day, hour, minute] = match.map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  // Date.UTC rolls 2026-02-30 over into March; a date that does not exist is a typo.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return null;
  if (hour! > 23 || minute! > 59 || Number(match[6] ?? 0) > 59) return null;
  const millis = Date.parse(match[0]);
  return Number.isNaN(millis) ? null : Math.floor(millis / 1000);
}

/**
 * Reads "2h", "1d12h", "now", an ISO 8601 time with a zone ("2026-12-01T18:00:00Z",
 * "…+02:00") or epoch seconds. Durations count from `nowMs`. A time without a zone is refused
 * rather than guessed: the same text would mean different instants on different machines.
 */
export function parseTimeSpec(input: string, nowMs: number): TimeSpecResult {
  const spec = input.trim();
  const nowSeconds = Math.floor(nowMs / 1000);
  if (spec === '') return { ok: false, message: `No time given. ${HINT}` };
  if (spec.toLowerCase() === 'now') return { ok: true, epochSeconds: nowSeconds };
  if (DURATION.test(spec)) {
    const seconds = durationSeconds(spec);
    if (seconds === 0) return { ok: false, message: `"${spec}" is no time at all. ${HINT}` };
    if (seconds > MAX_DURATION_SECONDS) return { ok: false, message: `"${spec}" is more than ten years. ${HINT}` };
    return { ok: true, epochSeconds: nowSeconds + seconds };
  }
  if (/^\d{9,11}$/.test(spec)) return { ok: true, epochSeconds: Number(spec) };
  const iso = spec.match(ISO);
  if (iso) {
    const seconds = isoSeconds(iso);
    return seconds === null ? { ok: false, message: `"${spec}" is not a real date and time. ${HINT}` } : { ok: true, epochSeconds: seconds };
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/.test(spec)) {
    return { ok: false, message: `"${spec}" has no time zone: add Z for UTC or an offset like +02:00.` };
  }
  return { ok: false, message: `"${spec}" is not a time Roledeck understands. ${HINT}` };
}

export interface Validity {
  /** DateLessThan: requests at or after this second are refused. */
  expiresAt: number;
  /** DateGreaterThan: requests at or before this second are refused. */
  notBefore?: number;
}

export type ValidityResult = { ok: true; validity: Validity } | { ok: false; message: string };

/** Expiry and optional start, checked against each other and against now. */
export function resolveValidity(expires: string, notBefore: string | undefined, nowMs: number): ValidityResult {
  const end = parseTimeSpec(expires, nowMs);
  if (!end.ok) return { ok: false, message: `Expiry: ${end.message}` };
  if (end.epochSeconds <= Math.floor(nowMs / 1000)) {
    return { ok: false, message: `The expiry ${formatEpoch(end.epochSeconds)} is already past: a URL signed with it would be refused at once. Pick a later time.` };
  }
  if (notBefore === undefined || notBefore.trim() === '') return { ok: true, validity: { expiresAt: end.epochSeconds } };
  const start = parseTimeSpec(notBefore, nowMs);
  if (!start.ok) return { ok: false, message: `Not before: ${start.message}` };
  if (start.epochSeconds >= end.epochSeconds) {
    return {
      ok: false,
      message: `"Not before" (${formatEpoch(start.epochSeconds)}) is not earlier than the expiry (${formatEpoch(end.epochSeconds)}): the URL would never work. Move one of them.`,
    };
  }
  return { ok: true, validity: { expiresAt: end.epochSeconds, notBefore: start.epochSeconds } };
}

export function formatEpoch(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}
