import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionsSnapshot, TestAccessResult } from '../../../../shared/domain/session';
import { ApiError, getApi } from '../../api';
import { testAccessSummary } from './session-format';
import { messageOf } from '../../../../shared/logic/error-message';

export type SessionAction = 'start' | 'refresh' | 'end' | 'activate' | 'test' | 'console';

/** What the last action on a profile came to, shown next to it until the next one. */
export interface ActionOutcome {
  tone: 'ok' | 'warn' | 'danger';
  text: string;
  /** The error code from the main side, for the curious and for bug reports. */
  code?: string;
}

const VERBS: Record<SessionAction, string> = {
  start: 'Starting a session for',
  refresh: 'Refreshing',
  end: 'Ending the session of',
  activate: 'Making active',
  test: 'Testing access for',
  console: 'Opening the AWS console as',
};

/**
 * A cancelled (or unanswered) MFA prompt ends every call waiting on it with MFA_CANCELLED. It is
 * the user's own choice, so it reads as a calm note in the main side's words, not a failure.
 */
export function isCancellation(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'MFA_CANCELLED';
}

export function failureOutcome(action: SessionAction, profileName: string, error: unknown): ActionOutcome {
  const code = error instanceof ApiError ? error.code : undefined;
  if (isCancellation(error)) return { tone: 'warn', text: messageOf(error), ...(code ? { code } : {}) };
  return { tone: 'danger', text: `${VERBS[action]} ${profileName} failed: ${messageOf(error)}`, ...(code ? { code } : {}) };
}

export interface SessionActions {
  /** The action running for each profile; its buttons show busy until it settles. */
  pending: ReadonlyMap<string, SessionAction>;
  outcomes: Readonly<Record<string, ActionOutcome>>;
  tests: Readonly<Record<string, TestAccessResult>>;
  /** How the last action ended, in a sentence, for the section's polite live region. */
  announcement: string;
  start: (profileId: string, profileName: string) => Promise<boolean>;
  refresh: (profileId: string, profileName: string) => void;
  end: (profileId: string, profileName: string) => void;
  activate: (profileId: string, profileName: string) => void;
  testAccess: (profileId: string, profileName: string) => void;
  /** Opens the AWS console in the default browser; the sign-in token never reaches this page. */
  openConsole: (profileId: string, profileName: string) => void;
  dismiss: (profileId: string) => void;
}

/**
 * Runs the session channels for the Sessions section. Each call may wait on an MFA prompt (the
 * app-level dialog answers it), so a profile shows its action as pending until the call settles —
 * answered, failed or cancelled — and never keeps a spinner after that.
 */
export function useSessionActions(onSnapshot: (snapshot: SessionsSnapshot) => void): SessionActions {
  const [pending, setPending] = useState<ReadonlyMap<string, SessionAction>>(new Map());
  const [outcomes, setOutcomes] = useState<Record<string, ActionOutcome>>({});
  const [tests, setTests] = useState<Record<string, TestAccessResult>>({});
  const [announcement, setAnnouncement] = useState('');
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback(
    async <T,>(action: SessionAction, profileId: string, profileName: string, call: () => Promise<T>, done: (value: T) => string): Promise<boolean> => {
      setPending((current) => new Map(current).set(profileId, action));
      setOutcomes(({ [profileId]: _previous, ...rest }) => rest);
      if (action === 'test') setTests(({ [profileId]: _previous, ...rest }) => rest);
      let ok = false;
      let outcome: ActionOutcome | null = null;
      let said: string;
      try {
        said = done(await call());
        ok = true;
      } catch (error) {
        outcome = failureOutcome(action, profileName, error);
        said = outcome.text;
      }
      if (live.current) {
        setPending((current) => {
          const next = new Map(current);
          next.delete(profileId);
          return next;
        });
        if (outcome) setOutcomes((current) => ({ ...current, [profileId]: outcome }));
        setAnnouncement(said);
      }
      return ok;
    },
    [],
  );

  const start = useCallback(
    (profileId: string, profileName: string) =>
      run('start', profileId, profileName, () => getApi().sessions.start({ profileId }), () => `Session for ${profileName} started.`),
    [run],
  );

  const refresh = useCallback(
    (profileId: string, profileName: string) => {
      void run('refresh', profileId, profileName, () => getApi().sessions.refresh({ profileId }), () => `${profileName} refreshed.`);
    },
    [run],
  );

  const end = useCallback(
    (profileId: string, profileName: string) => {
      void run('end', profileId, profileName, () => getApi().sessions.end({ profileId }), () => `Session for ${profileName} ended.`);
    },
    [run],
  );

  const activate = useCallback(
    (profileId: string, profileName: string) => {
      void run('activate', profileId, profileName, () => getApi().sessions.setActive({ profileId }), (snapshot) => {
        onSnapshot(snapshot);
        return `${profileName} is now in use.`;
      });
    },
    [onSnapshot, run],
  );

  const testAccess = useCallback(
    (profileId: string, profileName: string) => {
      void run('test', profileId, profileName, () => getApi().sessions.testAccess({ profileId }), (result) => {
        if (live.current) setTests((current) => ({ ...current, [profileId]: result }));
        const summary = testAccessSummary(result);
        return `Test access for ${profileName}: ${summary.title}. ${summary.detail}`;
      });
    },
    [run],
  );

  const openConsole = useCallback(
    (profileId: string, profileName: string) => {
      void run('console', profileId, profileName, () => getApi().sessions.openConsole({ profileId }), ({ destination }) => {
        const text = `Opened the AWS console as ${profileName} in your browser (${destination}).`;
        if (live.current) setOutcomes((current) => ({ ...current, [profileId]: { tone: 'ok', text } }));
        return text;
      });
    },
    [run],
  );

  const dismiss = useCallback((profileId: string) => {
    setOutcomes(({ [profileId]: _previous, ...rest }) => rest);
    setTests(({ [profileId]: _previous, ...rest }) => rest);
  }, []);

  return { pending, outcomes, tests, announcement, start, refresh, end, activate, testAccess, openConsole, dismiss };
}
