import type { HandlersFor } from '../ipc/router';
import type { SessionService } from './session.service';
import type { UiMfaPrompter } from './ui.mfa-prompter';

export type SessionChannel =
  | 'sessions.list'
  | 'sessions.start'
  | 'sessions.refresh'
  | 'sessions.end'
  | 'sessions.setActive'
  | 'sessions.testAccess'
  | 'mfa.pending'
  | 'mfa.answer'
  | 'mfa.cancel';

/** The sessions' channels, and the UI side of MFA prompts. None of them returns credentials. */
export function createSessionHandlers(services: { sessions: SessionService; mfaPrompts: UiMfaPrompter }): HandlersFor<SessionChannel> {
  const { sessions, mfaPrompts } = services;
  return {
    'sessions.list': () => sessions.list(),
    'sessions.start': ({ profileId }) => sessions.start(profileId),
    'sessions.refresh': ({ profileId }) => sessions.refresh(profileId),
    'sessions.end': async ({ profileId }) => {
      await sessions.end(profileId);
      return { ended: true as const };
    },
    'sessions.setActive': ({ profileId }) => sessions.setActive(profileId),
    'sessions.testAccess': ({ profileId }) => sessions.testAccess(profileId),
    'mfa.pending': () => ({ prompts: mfaPrompts.pending() }),
    'mfa.answer': ({ promptId, code }) => {
      mfaPrompts.answer(promptId, code);
      return { accepted: true as const };
    },
    'mfa.cancel': ({ promptId }) => {
      mfaPrompts.cancel(promptId);
      return { cancelled: true as const };
    },
  };
}
