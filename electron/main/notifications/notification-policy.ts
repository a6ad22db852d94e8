import type { EventName, EventPayloadOf } from '../../../shared/contract';

/**
 * When Roledeck raises its window or an OS notification, decided from router events alone.
 * Pure: notifier.ts carries the decisions out with Electron's Notification and BrowserWindow.
 *
 * The failure this prevents is the one Leapp and aws-vault users report most: an MFA prompt
 * nobody sees (a credential_process call waiting behind a hidden window).
 */

export type NotifyAction =
  /** Show, restore and focus the main window (creating it if it was closed). */
  | { type: 'raise-window' }
  /** An OS notification; clicking it raises the window. `key` identifies it for `close`. */
  | { type: 'show'; key: string; title: string; body: string }
  | { type: 'close'; key: string };

export interface NotifyContext {
  /** The main window exists, is visible and has focus: the user already sees the dialog. */
  windowFocused: boolean;
  /** Keys of the notifications shown and not yet closed. */
  shown: ReadonlySet<string>;
}

export function mfaKey(promptId: string): string {
  return `mfa:${promptId}`;
}

/** One notification per profile and message: a warning repeated by the next check stays one. */
export function warningKey(profileId: string, message: string): string {
  return `warning:${profileId}:${message}`;
}

/** "To start an MFA session for consultant (12 h). 3 requests are waiting." */
export function promptBody(prompt: Pick<EventPayloadOf<'mfa.prompt'>, 'reason' | 'waiting'>): string {
  const reason = prompt.reason.trim().replace(/[.\s]+$/, '');
  const sentence = reason ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.` : 'A session needs a fresh MFA code.';
  return prompt.waiting > 1 ? `${sentence} ${prompt.waiting} requests are waiting.` : sentence;
}

export function decideMfaPrompt(prompt: EventPayloadOf<'mfa.prompt'>, context: NotifyContext): NotifyAction[] {
  const actions: NotifyAction[] = [];
  // Bring the dialog forward when it opens, and again after a rejected code if the user went
  // elsewhere meanwhile; never yank focus back while they are already in it.
  if (!context.windowFocused) actions.push({ type: 'raise-window' });
  const key = mfaKey(prompt.id);
  // Raising can fail quietly (focus-stealing prevention on Windows and some Linux desktops): the
  // notification is the signal that always arrives. One per prompt, not one per attempt.
  if (!context.windowFocused && !context.shown.has(key)) {
    actions.push({ type: 'show', key, title: `Roledeck needs an MFA code for ${prompt.profileName}`, body: promptBody(prompt) });
  }
  return actions;
}

export function decideWarning(warning: EventPayloadOf<'sessions.warning'>, context: NotifyContext): NotifyAction[] {
  const key = warningKey(warning.profileId, warning.message);
  if (context.shown.has(key)) return [];
  // Any older warning for the same profile is superseded by this one.
  const stale = [...context.shown].filter((shownKey) => shownKey.startsWith(`warning:${warning.profileId}:`));
  return [
    ...stale.map((staleKey): NotifyAction => ({ type: 'close', key: staleKey })),
    { type: 'show', key, title: `Roledeck: ${warning.profileName}`, body: warning.message },
  ];
}

/** Every router event in, the actions to take out; events that need no attention give none. */
export function decideNotifications(event: EventName, payload: unknown, context: NotifyContext): NotifyAction[] {
  switch (event) {
    case 'mfa.prompt':
      return decideMfaPrompt(payload as EventPayloadOf<'mfa.prompt'>, context);
    case 'mfa.closed': {
      const key = mfaKey((payload as EventPayloadOf<'mfa.closed'>).promptId);
      return context.shown.has(key) ? [{ type: 'close', key }] : [];
    }
    case 'sessions.warning':
      return decideWarning(payload as EventPayloadOf<'sessions.warning'>, context);
    default:
      return [];
  }
}
