import type { ReactElement } from 'react';
import type { ChainReport } from '../../../../shared/logic/audit-chain';
import { describeChain } from '../../../../shared/logic/audit-chain';
import { RemoteView, type Remote } from '../../api';
import { Button } from '../../ui/Button';

/** "Chain verified: 1,234 entries", or which lines broke and how, with Verify again. */
export function ChainStatus({ report, onVerify }: { report: Remote<ChainReport>; onVerify: () => void }): ReactElement {
  return (
    <div className="audit-chain" data-testid="audit-chain">
      <RemoteView remote={report} loading="Verifying the chain…" failed="Roledeck could not verify the audit log" onRetry={onVerify}>
        {(value) => (
          <div className={value.ok ? 'audit-chain__state audit-chain__state--ok' : 'audit-chain__state audit-chain__state--broken'}>
            <p role="status">{describeChain(value)}</p>
            {value.problems.length > 1 ? (
              <ul className="audit-chain__problems">
                {value.problems.map((problem) => (
                  <li key={`${problem.file}:${problem.line}:${problem.kind}`}>{problem.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      </RemoteView>
      <Button variant="ghost" onClick={onVerify}>
        Verify again
      </Button>
    </div>
  );
}
