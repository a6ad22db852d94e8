import type { ReactElement } from 'react';
import type { SignedCookiesResult, SignedUrlResult, SignedUrlsResult } from '../../../../shared/domain/cloudfront-signing';
import { CopyButton } from '../../ui/CopyButton';
import { formatPolicyTime } from './cloudfront-format';

export type SignedResult = { kind: 'url'; value: SignedUrlResult } | { kind: 'batch'; value: SignedUrlsResult } | { kind: 'cookies'; value: SignedCookiesResult };

/** One output with its Copy button: a read-only box the whole value fits in. */
function Copyable({ label, text, rows = 2 }: { label: string; text: string; rows?: number }): ReactElement {
  const id = `cf-out-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="cf-output">
      <div className="cf-output__head">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <textarea id={id} className="input input--mono" readOnly rows={rows} value={text} onFocus={(event) => event.target.select()} />
    </div>
  );
}

/** The signed URL(s), or the cookies with where to set them, and a curl line to try it. */
export function SignedOutput({ result }: { result: SignedResult }): ReactElement {
  const { value } = result;
  return (
    <div className="cf-result" data-testid="cf-signed" aria-live="polite">
      <p className="cf-muted">
        {value.policyKind === 'canned' ? 'Canned' : 'Custom'} policy, key {value.keyPairId}, valid until {formatPolicyTime(value.expiresAt)}.
      </p>
      {result.kind === 'url' ? (
        <>
          <Copyable label="Signed URL" text={result.value.signedUrl} rows={4} />
          <Copyable label="curl command" text={result.value.curl} rows={4} />
        </>
      ) : null}
      {result.kind === 'batch' ? <Copyable label={`${result.value.items.length} signed URLs`} text={result.value.items.map((item) => item.signedUrl).join('\n')} rows={6} /> : null}
      {result.kind === 'cookies' ? (
        <>
          <Copyable label="Set-Cookie headers" text={result.value.setCookieHeaders.join('\n')} rows={4} />
          <Copyable label="Cookie header" text={`Cookie: ${result.value.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')}`} rows={3} />
          <Copyable label="curl command" text={result.value.curl} rows={3} />
          <p>
            Set them with <code>Domain={result.value.domain}</code> and <code>Path={result.value.path}</code>.
          </p>
          <ul className="cf-notes">
            {result.value.advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {value.notes.length > 0 ? (
        <ul className="cf-notes">
          {value.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
