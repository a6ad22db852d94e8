import type { ReactElement } from 'react';
import type { DeployRun } from '../../../../shared/domain/deploy';
import { formatElapsed } from '../../../../shared/logic/cloudformation-progress';
import { RemoteView, type Remote } from '../../api';
import { formatWhen, identityName } from './deploy-format';

const STATUS_WORDS: Record<DeployRun['status'], string> = {
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  'no-changes': 'up to date',
  cancelled: 'discarded',
  kept: 'change set kept',
};

/** The profile's deploys, newest first: status, duration, change count and the identity that ran each. */
export function DeployHistory({ runs, onRetry }: { runs: Remote<DeployRun[]>; onRetry: () => void }): ReactElement {
  return (
    <section className="panel" aria-labelledby="deploy-history-title">
      <h2 id="deploy-history-title" className="panel__title">
        History
      </h2>
      <RemoteView remote={runs} loading="Loading the deploy history…" failed="Roledeck could not read the deploy history" onRetry={onRetry}>
        {(list) =>
          list.length === 0 ? (
            <p className="deploy-muted">No deploys with this profile yet.</p>
          ) : (
            <div className="deploy-table-wrap" role="region" aria-label="Deploy history, scrolls sideways when wide" tabIndex={0}>
              <table className="deploy-table" data-testid="deploy-history">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Stack</th>
                    <th scope="col">Status</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Changes</th>
                    <th scope="col">Identity</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((run) => (
                    <tr key={run.id} title={run.failure}>
                      <td className="deploy-nowrap">{formatWhen(run.startedAt)}</td>
                      <td>
                        <span className="deploy-mono deploy-nowrap">{run.stackName}</span>
                        <span className="deploy-muted deploy-sub">{run.operation}</span>
                      </td>
                      <td className={run.status === 'failed' ? 'deploy-danger' : undefined}>
                        {STATUS_WORDS[run.status]}
                        {run.finalStatus && run.status !== 'no-changes' ? <span className="deploy-muted"> ({run.finalStatus})</span> : null}
                      </td>
                      <td className="deploy-mono">{run.durationMs === undefined ? '—' : formatElapsed(run.durationMs)}</td>
                      <td>{run.changeCount}</td>
                      <td className="deploy-mono deploy-muted" title={run.identityArn}>
                        {identityName(run.identityArn)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </RemoteView>
    </section>
  );
}
