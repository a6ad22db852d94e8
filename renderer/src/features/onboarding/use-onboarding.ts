import { useEffect, useRef, useState } from 'react';
import type { OnboardingView, VerifyOutcome } from '../../../../shared/domain/onboarding-view';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, useRemote, type RemoteHandle } from '../../api';

/** Every customer with its onboarding; reloaded when a customer changes anywhere (a test, the CLI through the app, a rename). */
export function useOnboardingList(): RemoteHandle<OnboardingView[]> {
  const handle = useRemote(async () => (await getApi().onboarding.list()).customers, []);
  const { reload } = handle;
  useEffect(() => getApi().on('customers.changed', () => void reload()), [reload]);
  return handle;
}

export interface VerifyAllState {
  running: boolean;
  done: number;
  total: number;
  /** In the order they finished. */
  outcomes: VerifyOutcome[];
  error: string | null;
}

const IDLE: VerifyAllState = { running: false, done: 0, total: 0, outcomes: [], error: null };

/** "Verify all": runs on the main side; each finished customer arrives as 'onboarding.verifyProgress'. */
export function useVerifyAll(onFinished: () => void): { state: VerifyAllState; start: () => void } {
  const [state, setState] = useState<VerifyAllState>(IDLE);
  const running = useRef(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(
    () =>
      getApi().on('onboarding.verifyProgress', (progress) => {
        if (!running.current) return;
        setState((current) => ({ ...current, done: progress.done, total: progress.total, outcomes: [...current.outcomes, progress.outcome] }));
      }),
    [],
  );

  const start = (): void => {
    if (running.current) return;
    running.current = true;
    setState({ ...IDLE, running: true });
    getApi()
      .onboarding.verifyAll({})
      .then(
        ({ outcomes }) => setState({ running: false, done: outcomes.length, total: outcomes.length, outcomes, error: null }),
        (error: unknown) => setState((current) => ({ ...current, running: false, error: messageOf(error) })),
      )
      .finally(() => {
        running.current = false;
        finished.current();
      });
  };
  return { state, start };
}
