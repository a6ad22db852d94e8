import { useCallback, useEffect, useState } from 'react';
import type { MfaPrompt } from '../../../../shared/domain/session';
import { getApi } from '../../api';
import { mergePrompts, removePrompt, upsertPrompt } from './mfa-queue';

/**
 * Every open MFA prompt: those already waiting when the window opened (`mfa.pending`), then
 * each `mfa.prompt` as it comes, until `mfa.closed` says it was answered, cancelled or superseded.
 */
export function useMfaPrompts(): { prompts: MfaPrompt[]; forget: (promptId: string) => void } {
  const [prompts, setPrompts] = useState<MfaPrompt[]>([]);

  useEffect(() => {
    let live = true;
    const unsubscribes: (() => void)[] = [];
    // A prompt that closed while `mfa.pending` was in flight must not come back from its answer.
    const closed = new Set<string>();
    try {
      const api = getApi();
      // Subscribe first, then ask: a prompt opened in between is in one or the other, never lost.
      unsubscribes.push(api.on('mfa.prompt', (prompt) => setPrompts((current) => upsertPrompt(current, prompt))));
      unsubscribes.push(
        api.on('mfa.closed', ({ promptId }) => {
          closed.add(promptId);
          setPrompts((current) => removePrompt(current, promptId));
        }),
      );
      api.mfa
        .pending()
        .then(({ prompts: open }) => {
          if (live) setPrompts((current) => mergePrompts(current, open.filter((prompt) => !closed.has(prompt.id))));
        })
        .catch(() => undefined);
    } catch {
      // No bridge: nothing can ask for a code; the status banner explains why.
    }
    return () => {
      live = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, []);

  const forget = useCallback((promptId: string) => setPrompts((current) => removePrompt(current, promptId)), []);
  return { prompts, forget };
}
