import { useEffect, useState } from 'react';
import type { DeployRunView } from '../../../../shared/domain/deploy-flow';
import { getApi } from '../../api';

/**
 * The run in flight, or the last one: read once when the section opens (a run may have started
 * before, or from another view), then kept current by the contract events. Events of another run
 * than the one shown are ignored until that run announces itself with 'deploy.started'.
 */
export function useDeployRun(): DeployRunView | null {
  const [run, setRun] = useState<DeployRunView | null>(null);

  useEffect(() => {
    let live = true;
    const api = getApi();
    void api.deploy
      .current()
      .then(({ run: current }) => {
        // An event that arrived meanwhile is newer than this answer.
        if (live) setRun((shown) => shown ?? current);
      })
      .catch(() => undefined);
    const stops = [
      api.on('deploy.started', (started) => setRun(started)),
      api.on('deploy.event', ({ runId, events }) =>
        setRun((shown) => (shown?.runId === runId ? { ...shown, events: [...shown.events, ...events] } : shown)),
      ),
      api.on('deploy.progress', ({ runId, progress, outcome }) =>
        setRun((shown) => (shown?.runId === runId ? { ...shown, progress, ...(outcome ? { outcome } : {}) } : shown)),
      ),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, []);

  return run;
}
