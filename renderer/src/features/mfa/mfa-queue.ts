import type { MfaPrompt } from '../../../../shared/domain/session';

/**
 * The open MFA prompts, oldest first: the dialog shows the first. A prompt arrives again with
 * the same id after a rejected code (a higher attempt, a `problem`), and replaces itself in place.
 */
export function upsertPrompt(queue: readonly MfaPrompt[], prompt: MfaPrompt): MfaPrompt[] {
  const existing = queue.find((item) => item.id === prompt.id);
  // An older copy (a late `mfa.pending` answer racing an event) never replaces a newer one.
  if (existing && existing.attempt > prompt.attempt) return [...queue];
  const rest = queue.filter((item) => item.id !== prompt.id);
  return [...rest, prompt].sort((a, b) => a.requestedAt - b.requestedAt);
}

export function mergePrompts(queue: readonly MfaPrompt[], prompts: readonly MfaPrompt[]): MfaPrompt[] {
  return prompts.reduce<MfaPrompt[]>((current, prompt) => upsertPrompt(current, prompt), [...queue]);
}

export function removePrompt(queue: readonly MfaPrompt[], promptId: string): MfaPrompt[] {
  return queue.filter((item) => item.id !== promptId);
}

/** Keeps the digits of what was typed or pasted ("123 456" -> "123456"), at most six. */
export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '').slice(0, 6);
}

export interface DeviceLabel {
  /** "consultant" for arn:aws:iam::123456789012:mfa/consultant; the serial itself for a hardware token. */
  name: string;
  /** The AWS account the device belongs to, when the serial is an ARN. */
  account?: string;
}

/**
 * A virtual or FIDO device is named by an ARN that is mostly noise at a glance; a hardware
 * token by its serial number (GAHT12345678), shown as it is.
 */
export function describeDevice(serial: string): DeviceLabel {
  const match = /^arn:aws[\w-]*:iam::(\d{12}):(?:mfa|u2f)\/(.+)$/.exec(serial);
  if (!match) return { name: serial };
  const path = match[2]!;
  return { name: path.split('/').at(-1) || path, account: match[1]! };
}

export function deviceText(serial: string): string {
  const device = describeDevice(serial);
  return device.account ? `${device.name} (account ${device.account})` : device.name;
}

export function waitingText(waiting: number): string {
  return waiting === 1 ? 'One request is waiting for this code.' : `${waiting} requests are waiting for this code; one code answers them all.`;
}

/** "to start an MFA session for consultant (12 h)" -> "Needed to start an MFA session for consultant (12 h)." */
export function reasonText(reason: string): string {
  const trimmed = reason.trim().replace(/\.+$/, '');
  if (!trimmed) return 'A session needs a fresh MFA code.';
  return /^to\b/i.test(trimmed) ? `Needed ${trimmed}.` : `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
