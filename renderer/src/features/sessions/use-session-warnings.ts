import { useCallback, useEffect, useState } from 'react';
import type { EventPayloadOf } from '../../../../shared/contract';
import { getApi } from '../../api';

export type SessionWarning = EventPayloadOf<'sessions.warning'>;

/**
 * Ahead-of-time warnings ("acme-prod will need an MFA code at 17:45"), the latest one per
 * profile, until the user dismisses it or a newer one replaces it.
 */
export function useSessionWarnings(): { warnings: SessionWarning[]; dismiss: (profileId: string) => void } {
  const [warnings, setWarnings] = useState<SessionWarning[]>([]);

  useEffect(() => {
    let unsubscribe = (): void => undefined;
    try {
      unsubscribe = getApi().on('sessions.warning', (warning) => {
        setWarnings((current) => [...current.filter((item) => item.profileId !== warning.profileId), warning]);
      });
    } catch {
      // No bridge: the sessions list reports it.
    }
    return unsubscribe;
  }, []);

  const dismiss = useCallback((profileId: string) => {
    setWarnings((current) => current.filter((item) => item.profileId !== profileId));
  }, []);

  return { warnings, dismiss };
}
