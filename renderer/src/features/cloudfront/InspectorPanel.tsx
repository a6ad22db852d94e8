import { useState, type FormEvent, type ReactElement } from 'react';
import type { InspectResult } from '../../../../shared/domain/cloudfront-signing';
import { failedRemote, getApi, RemoteView, type Remote } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { formatPolicyTime } from './cloudfront-format';

const VERDICT = { accepted: 'CloudFront would accept it', refused: 'CloudFront would refuse it (403)', unverified: 'Nothing wrong found, but no stored key could check the signature' } as const;
const SIGNATURE = { valid: 'valid', invalid: 'does not match', unchecked: 'not checked' } as const;

function Verdict({ result }: { result: InspectResult }): ReactElement {
  return (
    <div className={`cf-verdict cf-verdict--${result.verdict}`} data-testid="cf-verdict" data-verdict={result.verdict}>
      <p className="cf-verdict__head">
        <Icon name={result.verdict === 'accepted' ? 'check-circle' : 'alert'} /> <strong>{VERDICT[result.verdict]}</strong>
      </p>
      {/* The summary repeats the first problem when there is one: the list says it once. */}
      {result.problems.length === 0 ? <p>{result.summary}</p> : null}
      {result.problems.length > 0 ? (
        <ul className="cf-problems">
          {result.problems.map((problem) => (
            <li key={problem.code} data-code={problem.code}>
              {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="facts">
        <div className="facts__row">
          <dt>Form</dt>
          <dd>{result.form === 'url' ? 'Signed URL' : 'Signed cookies'}{result.policyKind ? `, ${result.policyKind} policy` : ''}</dd>
        </div>
        {result.resource ? (
          <div className="facts__row">
            <dt>Resource</dt>
            <dd className="cf-mono">{result.resource}</dd>
          </div>
        ) : null}
        {result.expiresAt !== undefined ? (
          <div className="facts__row">
            <dt>Valid</dt>
            <dd>
              {result.notBefore !== undefined ? `from ${formatPolicyTime(result.notBefore)} ` : ''}until {formatPolicyTime(result.expiresAt)}
            </dd>
          </div>
        ) : null}
        {result.ipRange ? (
          <div className="facts__row">
            <dt>IP range</dt>
            <dd className="cf-mono">{result.ipRange}</dd>
          </div>
        ) : null}
        <div className="facts__row">
          <dt>Signature</dt>
          <dd>
            {SIGNATURE[result.signature]}
            {result.keyPairId ? ` · key ${result.keyPairId}` : ''}
            {result.signedBy ? ` · signed by ${result.signedBy.label}` : ''}
          </dd>
        </div>
      </dl>
      {result.policy ? (
        <pre className="cf-code" tabIndex={0} aria-label="Decoded policy">
          {result.policy}
        </pre>
      ) : null}
      {result.notes.map((note) => (
        <p key={note} className="cf-muted">
          {note}
        </p>
      ))}
    </div>
  );
}

/** Paste a signed URL or cookies: the policy decoded, the signature checked, and why CloudFront would refuse it. */
export function InspectorPanel(): ReactElement {
  const [text, setText] = useState('');
  const [clientIp, setClientIp] = useState('');
  const [remote, setRemote] = useState<Remote<InspectResult> | null>(null);
  const inspect = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (text.trim() === '') return;
    setRemote({ state: 'loading' });
    try {
      setRemote({ state: 'loaded', value: await getApi().cloudfront.inspect({ text, ...(clientIp.trim() ? { clientIp: clientIp.trim() } : {}) }) });
    } catch (error) {
      setRemote(failedRemote(error));
    }
  };
  return (
    <section className="panel" aria-labelledby="cf-inspect-title" data-testid="cf-inspector">
      <h2 id="cf-inspect-title" className="panel__title">
        Inspect a signed URL or cookies
      </h2>
      <form className="form" onSubmit={(event) => void inspect(event)} noValidate>
        <Field label="Signed URL or cookies" hint="A URL with Signature=…, a Cookie: header, Set-Cookie lines or a curl command.">
          {(control) => <textarea {...control} className="input input--mono" rows={3} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />}
        </Field>
        <div className="form__row">
          <Field label="Viewer’s IP address" hint="Optional: checked against the policy’s IP range.">
            {(control) => <input {...control} className="input input--mono" value={clientIp} onChange={(event) => setClientIp(event.target.value)} />}
          </Field>
        </div>
        <div className="cf-actions">
          <Button type="submit" variant="primary" disabled={text.trim() === ''} busy={remote?.state === 'loading'}>
            Inspect
          </Button>
        </div>
      </form>
      {remote ? (
        <RemoteView remote={remote} loading="Checking…" failed="Roledeck could not inspect it">
          {(result) => <Verdict result={result} />}
        </RemoteView>
      ) : null}
    </section>
  );
}
