import { useMemo, useState, type ChangeEvent, type FormEvent, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import { EXPIRY_PRESETS } from '../../../../shared/logic/cloudfront-time';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { nextFocusRequest } from '../../ui/field-focus';
import { placeApiError } from '../accounts/form-errors';
import { PolicyPreview } from './PolicyPreview';
import { SignedOutput, type SignedResult } from './SignedOutput';
import { CUSTOM_EXPIRY, previewOf, signOptions, urlLines, type SignerValues } from './signer-form';
import { FormError } from '../../ui/FormError';

interface SignerPanelProps {
  /** Keys with a CloudFront key ID: a key nobody uploaded signs nothing CloudFront would accept. */
  keys: readonly CloudFrontKey[];
}

/** URL(s) or cookies signed with a stored key, the policy previewed live as the form is typed. */
export function SignerPanel({ keys }: SignerPanelProps): ReactElement {
  const [values, setValues] = useState<SignerValues>({
    key: keys[0]?.id ?? '',
    mode: 'url',
    urls: '',
    expiresPreset: '1h',
    expiresCustom: '',
    notBefore: '',
    ipRange: '',
    resource: '',
  });
  const [result, setResult] = useState<SignedResult | null>(null);
  const [error, setError] = useState<{ urls?: string; form?: string }>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof SignerValues) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  // Recomputed as typed; "now" is the moment of typing, as the main side's is the moment of signing.
  const preview = useMemo(() => previewOf(values, Date.now()), [values]);
  const key = keys.find((entry) => entry.id === values.key) ?? keys[0];

  const readUrlFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (file) {
      const text = await file.text();
      setValues((current) => ({ ...current, urls: text }));
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const urls = urlLines(values.urls);
    if (!key || urls.length === 0) {
      setError({ urls: 'Paste a URL to sign, one per line for a batch.' });
      setFocusRequest(nextFocusRequest());
      return;
    }
    setBusy(true);
    setError({});
    const api = getApi();
    const options = { key: key.id, ...signOptions(values) };
    try {
      if (values.mode === 'cookies') setResult({ kind: 'cookies', value: await api.cloudfront.signCookies({ ...options, url: urls[0] ?? '' }) });
      else if (urls.length === 1) setResult({ kind: 'url', value: await api.cloudfront.sign({ ...options, url: urls[0] ?? '' }) });
      else setResult({ kind: 'batch', value: await api.cloudfront.signBatch({ ...options, urls }) });
    } catch (caught) {
      const placed = placeApiError(caught, ['urls'] as const);
      setError({ ...placed.fields, ...(placed.form ? { form: placed.form } : {}) });
      setFocusRequest(nextFocusRequest());
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="cf-signer-title" data-testid="cf-signer">
      <h2 id="cf-signer-title" className="panel__title">
        Sign
      </h2>
      {keys.length === 0 ? (
        <p className="muted">Import or generate a key and give it its CloudFront key ID to sign with it.</p>
      ) : (
        <div className="cf-signer">
          <form className="form" onSubmit={(event) => void submit(event)} noValidate>
            <div className="form__row">
              <Field label="Key">
                {(control) => (
                  <select {...control} className="input" value={values.key} onChange={set('key')}>
                    {keys.map((entry) => (
                      <option key={entry.id} value={entry.id}>
                        {entry.label} ({entry.keyPairId})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <fieldset className="segmented">
                <legend className="field-label">Sign as</legend>
                <div className="segmented__options">
                  {(['url', 'cookies'] as const).map((mode) => (
                    <label key={mode} className="segmented__option">
                      <input type="radio" name="cf-mode" value={mode} checked={values.mode === mode} onChange={() => setValues((current) => ({ ...current, mode }))} />
                      <span>{mode === 'url' ? 'Signed URL' : 'Signed cookies'}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
            <Field
              label={values.mode === 'url' ? 'URLs' : 'URL'}
              required
              error={error.urls}
              focusRequest={focusRequest}
              hint={values.mode === 'url' ? 'One per line; many lines are signed as a batch under one policy.' : 'The file to fetch; the cookies unlock the resource below (or this URL).'}
            >
              {(control) => <textarea {...control} className="input input--mono" rows={3} value={values.urls} onChange={set('urls')} spellCheck={false} placeholder="https://d111111abcdef8.cloudfront.net/video.mp4" />}
            </Field>
            {values.mode === 'url' ? (
              <Field label="Or a file of URLs" hint="A text file, one URL per line: it fills the box above.">
                {(control) => <input {...control} type="file" accept=".txt,.csv,text/plain" onChange={(event) => void readUrlFile(event)} />}
              </Field>
            ) : null}
            <div className="form__row">
              <Field label="Expires">
                {(control) => (
                  <select {...control} className="input" value={values.expiresPreset} onChange={set('expiresPreset')}>
                    {EXPIRY_PRESETS.map((preset) => (
                      <option key={preset.spec} value={preset.spec}>
                        in {preset.label}
                      </option>
                    ))}
                    <option value={CUSTOM_EXPIRY}>duration or exact time…</option>
                  </select>
                )}
              </Field>
              {values.expiresPreset === CUSTOM_EXPIRY ? (
                <Field label="Expires at" hint="2h, 90m, 7d, or 2026-12-01T18:00:00Z">
                  {(control) => <input {...control} className="input" value={values.expiresCustom} onChange={set('expiresCustom')} />}
                </Field>
              ) : null}
              <Field label="Not before" hint="Optional: same forms as Expires">
                {(control) => <input {...control} className="input" value={values.notBefore} onChange={set('notBefore')} />}
              </Field>
            </div>
            <div className="form__row">
              <Field label="IP range" hint="Optional: one IPv4 address or CIDR, like 203.0.113.0/24">
                {(control) => <input {...control} className="input input--mono" value={values.ipRange} onChange={set('ipRange')} />}
              </Field>
              <Field label="Resource" hint="Optional: what the policy allows, like https://d111111abcdef8.cloudfront.net/videos/*">
                {(control) => <input {...control} className="input input--mono" value={values.resource} onChange={set('resource')} />}
              </Field>
            </div>
            <FormError message={error.form} />
            <div className="cf-actions">
              <Button variant="primary" type="submit" busy={busy}>
                {busy ? 'Signing…' : values.mode === 'cookies' ? 'Sign cookies' : urlLines(values.urls).length > 1 ? `Sign ${urlLines(values.urls).length} URLs` : 'Sign URL'}
              </Button>
            </div>
          </form>
          <PolicyPreview preview={preview} />
        </div>
      )}
      {result ? <SignedOutput result={result} /> : null}
    </section>
  );
}
