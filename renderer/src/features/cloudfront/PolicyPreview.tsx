import type { ReactElement } from 'react';
import { formatPolicyTime } from './cloudfront-format';
import type { Preview } from './signer-form';

/** The policy as it will be signed, live; or what is wrong with the form so far. */
export function PolicyPreview({ preview }: { preview: Preview }): ReactElement {
  return (
    <aside className="cf-preview" aria-labelledby="cf-preview-title" data-testid="cf-policy-preview">
      <h3 id="cf-preview-title" className="cf-preview__title">
        Policy preview
      </h3>
      {preview.ok === null ? <p className="cf-muted">Type a URL to see the policy it will be signed with.</p> : null}
      {preview.ok === false ? <p className="cf-problem">{preview.message}</p> : null}
      {preview.ok ? (
        <>
          <p>{preview.plan.reason}</p>
          <p className="cf-muted">
            Valid {preview.plan.notBefore !== undefined ? `from ${formatPolicyTime(preview.plan.notBefore)} ` : ''}until {formatPolicyTime(preview.plan.expiresAt)}
            {preview.count > 1 ? ` · ${preview.count} URLs, ${preview.plan.policies.length} ${preview.plan.policies.length === 1 ? 'policy' : 'policies'} to sign` : ''}
          </p>
          <pre className="cf-code" tabIndex={0} aria-label="Policy JSON">
            {preview.policy}
          </pre>
          {preview.plan.notes.map((note) => (
            <p key={note} className="cf-muted">
              {note}
            </p>
          ))}
        </>
      ) : null}
    </aside>
  );
}
