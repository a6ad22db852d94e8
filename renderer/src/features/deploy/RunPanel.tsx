import type { ReactElement } from 'react';
import type { StackOutput } from '../../../../shared/domain/cloudformation';
import type { DeployOutcome, DeployRunView } from '../../../../shared/domain/deploy-flow';
import { formatElapsed, resourcesDone } from '../../../../shared/logic/cloudformation-progress';
import { CopyButton } from '../../ui/CopyButton';
import { Icon } from '../../ui/Icon';
import { useNow } from '../sessions/use-now';
import { EventList } from './EventList';

const VERB = { create: 'Creating', update: 'Updating', delete: 'Deleting' } as const;

function OutputRow({ output }: { output: StackOutput }): ReactElement {
  return (
    <tr>
      <th scope="row" className="deploy-mono">
        {output.key}
      </th>
      <td>
        <input className="input input--mono deploy-output" readOnly value={output.value} aria-label={`${output.key} value`} onFocus={(event) => event.target.select()} />
        {output.description ? <p className="deploy-muted">{output.description}</p> : null}
      </td>
      <td>
        {/* Outputs are not secrets: the page's own clipboard access is enough. */}
        <CopyButton text={output.value} label={`Copy ${output.key}`} />
      </td>
    </tr>
  );
}

function Outcome({ outcome }: { outcome: DeployOutcome }): ReactElement {
  if (outcome.status === 'succeeded') {
    return (
      <div className="deploy-outcome" data-testid="deploy-outcome" data-status="succeeded">
        <p className="deploy-result deploy-result--ok">
          <Icon name="check-circle" /> {outcome.finalStatus ?? 'Complete'}: {outcome.stackName} in {formatElapsed(outcome.durationMs)}
        </p>
        {outcome.outputs.length > 0 ? (
          <table className="deploy-table deploy-outputs" data-testid="stack-outputs">
            <caption className="deploy-caption">Outputs</caption>
            <tbody>
              {outcome.outputs.map((output) => (
                <OutputRow key={output.key} output={output} />
              ))}
            </tbody>
          </table>
        ) : outcome.operation !== 'delete' ? (
          <p className="deploy-muted">The stack has no outputs.</p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="error-panel deploy-outcome" role="alert" data-testid="deploy-outcome" data-status={outcome.status}>
      <Icon name="alert" className="error-panel__icon" />
      <div className="error-panel__text">
        <h3 className="error-panel__title">
          {outcome.finalStatus ?? 'Failed'}: {outcome.stackName}
        </h3>
        {outcome.failureText ? <p data-testid="deploy-failure">{outcome.failureText}</p> : null}
        {outcome.rollback === 'complete' ? <p>The changes were rolled back.</p> : null}
        {outcome.rollback === 'failed' ? <p>The rollback failed too: the stack needs attention in the CloudFormation console.</p> : null}
      </div>
    </div>
  );
}

/** A stack operation as it runs: progress bar, elapsed time, status, the events, then how it ended. */
export function RunPanel({ run }: { run: DeployRunView }): ReactElement {
  const now = useNow();
  const { progress, outcome } = run;
  const elapsed = outcome ? outcome.durationMs : now - run.startedAt;
  const done = resourcesDone(progress);
  const title = outcome ? `${run.operation === 'delete' ? 'Delete of' : 'Deploy of'} ${run.stackName}` : `${VERB[run.operation]} ${run.stackName}…`;
  return (
    <section className="panel deploy-run" aria-labelledby="deploy-run-title" data-testid="deploy-run" data-phase={outcome ? 'done' : progress.phase}>
      <h2 id="deploy-run-title" className="panel__title">
        {title}
      </h2>
      <div className="deploy-progress">
        <progress className="deploy-progress__bar" value={Math.round(progress.fraction * 100)} max={100} aria-label="Progress" />
        <span data-testid="deploy-counts">
          {done} of {progress.total} resources
        </span>
        <span className="deploy-mono" data-testid="deploy-elapsed">
          {formatElapsed(elapsed)}
        </span>
        <span className={`deploy-status deploy-status--${progress.phase}`} data-testid="deploy-status">
          {progress.stackStatus ?? 'Starting'}
        </span>
      </div>
      <EventList events={run.events} />
      {outcome ? <Outcome outcome={outcome} /> : null}
    </section>
  );
}
