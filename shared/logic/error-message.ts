/**
 * The text of anything thrown, for a person to read: an Error's message, or the value itself.
 * The one copy of a rule that used to be written in eight places (renderer hooks, dialogs, the CLI).
 * It does not redact: callers that log or send the text on still pass it through redactText.
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
