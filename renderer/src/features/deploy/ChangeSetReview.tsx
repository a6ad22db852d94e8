import type { ReactElement } from 'react';
import type { ChangeSetReady } from '../../../../shared/domain/deploy-flow';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

interface ChangeSetReviewProps {
  prepared: ChangeSetReady;
  busy: boolean;
  onExecute: () => void;
  onKeep: () => void;
  onDiscard: () => void;
}

/**
 * The change set before anything runs: one row per change (action, logical and physical ID,
 * type, replacement), the headline, and in red every change that replaces or deletes a resource
 * that holds data.
 */
export function ChangeSetReview({ prepared, busy, onExecute, onKeep, onDiscard }: ChangeSetReviewProps): ReactElement {
  const { review } = prepared;
  const risky = review.warnings.length > 0;
  return (
    <section className="panel deploy-review" aria-labelledby="deploy-review-title" data-testid="change-set-review">
      <h2 id="deploy-review-title" className="panel__title">
        Change set for {prepared.stackName} <span className="deploy-muted">({prepared.operation === 'create' ? 'new stack' : 'update'})</span>
      </h2>
      <p className="deploy-headline" data-testid="change-headline">
        {review.summary.headline}
      </p>
      {review.warnings.map((warning) => (
        <div key={`${warning.logicalId}:${warning.kind}`} className="banner banner--danger" role="alert" data-testid="change-warning">
          <Icon name="alert" className="banner__icon" />
          <p className="banner__text">{warning.message}</p>
        </div>
      ))}
      {review.rows.length > 0 ? (
        <div className="deploy-table-wrap" role="region" aria-label="Changes, scrolls sideways when wide" tabIndex={0}>
          <table className="deploy-table" data-testid="change-table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Logical ID</th>
                <th scope="col">Physical ID</th>
                <th scope="col">Type</th>
                <th scope="col">Replacement</th>
              </tr>
            </thead>
            <tbody>
              {review.rows.map((row) => (
                <tr key={row.logicalId} className={row.stateful && (row.action === 'Remove' || row.replacement === 'True') ? 'deploy-row--danger' : undefined}>
                  <td>
                    <span className={`badge deploy-action deploy-action--${row.action.toLowerCase()}`}>{row.action}</span>
                  </td>
                  <td className="deploy-mono">{row.logicalId}</td>
                  <td className="deploy-mono deploy-muted">{row.physicalId ?? '—'}</td>
                  <td className="deploy-mono">{row.resourceType}</td>
                  <td>{row.replacement ? <span className={`deploy-replacement deploy-replacement--${row.replacement.toLowerCase()}`}>{row.replacement}</span> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="deploy-muted">CloudFormation lists no resource changes; parameters, outputs or tags may still change.</p>
      )}
      {prepared.capabilities.length > 0 ? <p className="deploy-muted">Acknowledged: {prepared.capabilities.join(', ')}</p> : null}
      {prepared.notes.map((note) => (
        <p key={note} className="deploy-muted">
          {note}
        </p>
      ))}
      <div className="deploy-actions">
        <Button variant={risky ? 'danger' : 'primary'} className={risky ? 'button--primary' : undefined} busy={busy} onClick={onExecute} data-testid="execute-change-set">
          {busy ? 'Starting…' : `Execute in ${prepared.target.accountId}`}
        </Button>
        <Button onClick={onKeep} disabled={busy}>
          Keep for later
        </Button>
        <Button variant="ghost" onClick={onDiscard} disabled={busy}>
          Discard
        </Button>
      </div>
    </section>
  );
}
