/**
 * The main side refuses a setting with the channel and the field in front of the rule
 * ("Invalid request for settings.update: clipboardClearSeconds: at most 3,600 seconds (1 hour)");
 * next to the field, people need only the rule, as a sentence.
 */
export function settingMessage(message: string): string {
  const match = /^Invalid request for settings\.update: (?:[\w.]+: )?(.+)$/s.exec(message);
  const rule = (match?.[1] ?? message).trim();
  const text = rule.charAt(0).toUpperCase() + rule.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Whole seconds, as typed: "45" -> 45; anything else (empty, "1.5", "abc") -> null. */
export function parseSeconds(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** "Copied credentials are cleared after 45 seconds." / "… stay on the clipboard …" */
export function clearDelayText(seconds: number): string {
  if (seconds === 0) return 'Copied credentials stay on the clipboard until you copy something else.';
  return `Copied credentials are cleared from the clipboard after ${seconds === 1 ? '1 second' : `${seconds.toLocaleString('en-US')} seconds`}.`;
}
