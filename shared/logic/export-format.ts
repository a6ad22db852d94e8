import { EXPORT_FORMATS, type ExportFormat } from './shell-export';
import { formatClockTime, type ClockFormat } from './time-left';

/** What Copy uses before the user has chosen anything (settings.preferredShell absent). */
export const DEFAULT_EXPORT_FORMAT: ExportFormat = 'bash';

interface FormatText {
  /** The menu entry: "fish", "PowerShell", "JSON (credential_process)". */
  name: string;
  /** After "Copy" and "Copied": "for fish", "as JSON". */
  phrase: string;
  /** A glimpse of the syntax, shown beside the menu entry (not read out). */
  sample: string;
}

const FORMATS: Record<ExportFormat, FormatText> = {
  bash: { name: 'bash', phrase: 'for bash', sample: "export AWS_…='…'" },
  zsh: { name: 'zsh', phrase: 'for zsh', sample: "export AWS_…='…'" },
  fish: { name: 'fish', phrase: 'for fish', sample: "set -gx AWS_… '…'" },
  powershell: { name: 'PowerShell', phrase: 'for PowerShell', sample: "$Env:AWS_… = '…'" },
  cmd: { name: 'Command Prompt (cmd)', phrase: 'for cmd', sample: 'set "AWS_…=…"' },
  dotenv: { name: '.env file', phrase: 'as .env', sample: 'AWS_…=…' },
  json: { name: 'JSON (credential_process)', phrase: 'as JSON', sample: '{ "Version": 1, … }' },
  ini: { name: 'INI (credentials file)', phrase: 'as INI', sample: '[name] aws_… = …' },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The format Copy uses: the stored preference when it is one Roledeck knows (the store allows any
 * string, and an older or newer build may have written something else), else bash.
 */
export function preferredFormat(settings: { preferredShell?: string | undefined } | null | undefined): ExportFormat {
  const stored = settings?.preferredShell;
  return isExportFormat(stored) ? stored : DEFAULT_EXPORT_FORMAT;
}

export function formatName(format: ExportFormat): string {
  return FORMATS[format].name;
}

export function formatSample(format: ExportFormat): string {
  return FORMATS[format].sample;
}

/** "Copy for zsh", "Copy as JSON". */
export function copyLabel(format: ExportFormat): string {
  return `Copy ${FORMATS[format].phrase}`;
}

export interface CopyResult {
  format: ExportFormat;
  /** Epoch ms the main side will clear the clipboard at (if the copy is still there); null: never. */
  clearsAt: number | null;
  /** Epoch ms the copied credentials stop working; absent for long-term keys. */
  expiresAt?: number | undefined;
}

/**
 * What a copy came to, in one line for the status under the session:
 * "Copied for fish — clears from the clipboard at 14:32. The credentials work until 15:31."
 * The expiry is said because a pasted export, unlike credential_process, is never refreshed.
 * Given `now` (the window re-reads it every second), a line that has gone stale says so instead:
 * after the clear time the copy is no longer on the clipboard (cleared, or replaced by something
 * the user copied), and after the expiry the credentials no longer work.
 */
export function copyStatusText(result: CopyResult, format: ClockFormat = {}, now?: number): string {
  const phrase = FORMATS[result.format].phrase;
  const cleared = now !== undefined && result.clearsAt !== null && now >= result.clearsAt;
  const expired = now !== undefined && result.expiresAt !== undefined && now >= result.expiresAt;
  const clipboard =
    result.clearsAt === null
      ? 'stays on the clipboard until you copy something else'
      : cleared
        ? `no longer on the clipboard since ${formatClockTime(result.clearsAt, format)}`
        : `clears from the clipboard at ${formatClockTime(result.clearsAt, format)}`;
  const expiry =
    result.expiresAt === undefined
      ? ''
      : expired
        ? ` Those credentials expired at ${formatClockTime(result.expiresAt, format)}: copy again for a fresh session.`
        : ` The credentials work until ${formatClockTime(result.expiresAt, format)}.`;
  return `Copied ${phrase} — ${clipboard}.${expiry}`;
}

/** "Could not copy acme-prod for fish: <the main side's reason>" */
export function copyFailedText(profileName: string, format: ExportFormat, reason: string): string {
  return `Could not copy ${profileName} ${FORMATS[format].phrase}: ${reason}`;
}
