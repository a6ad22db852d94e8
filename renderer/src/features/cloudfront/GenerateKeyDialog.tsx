import { useState, type FormEvent, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { nextFocusRequest } from '../../ui/field-focus';
import { placeApiError } from '../accounts/form-errors';
import { KEY_GROUP_NAME, KEY_GROUP_RULE } from './trust-format';
import { UploadTargetFields } from './UploadTargetFields';
import { FormError } from '../../ui/FormError';

interface GenerateKeyDialogProps {
  profiles: readonly ProfileView[];
  onClose: () => void;
  /** The key as stored, and (after an upload) a line saying where it went. */
  onDone: (key: CloudFrontKey, note: string) => void;
}

/**
 * A new RSA 2048 pair made here; optionally its public half uploaded with a profile's session and
 * added to a key group (created when the account has none by that name).
 */
export function GenerateKeyDialog({ profiles, onClose, onDone }: GenerateKeyDialogProps): ReactElement {
  const [label, setLabel] = useState('');
  const [customer, setCustomer] = useState('');
  const [upload, setUpload] = useState(profiles.length > 0);
  const [profile, setProfile] = useState(profiles[0]?.id ?? '');
  const [keyGroup, setKeyGroup] = useState('');
  const [errors, setErrors] = useState<{ keyGroup?: string; label?: string; form?: string }>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const [generated, setGenerated] = useState<CloudFrontKey | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (upload && keyGroup.trim() !== '' && !KEY_GROUP_NAME.test(keyGroup.trim())) {
      setErrors({ keyGroup: KEY_GROUP_RULE });
      setFocusRequest(nextFocusRequest());
      return;
    }
    setBusy(true);
    setErrors({});
    const api = getApi();
    let key = generated;
    try {
      key ??= await api.cloudfront.generate({ ...(label.trim() ? { label: label.trim() } : {}), ...(customer.trim() ? { customer: customer.trim() } : {}) });
      setGenerated(key);
      if (!upload) return onDone(key, `Generated ${key.label}. Upload its public key to CloudFront before signing with it.`);
      const result = await api.cloudfront.upload({ id: key.id, profile, ...(keyGroup.trim() ? { keyGroup: keyGroup.trim() } : {}) });
      const trusted = result.distributions.map((distribution) => distribution.id).join(', ');
      const where = result.keyGroup ? ` in key group ${result.keyGroup.name}` : '';
      onDone(result.key, `Uploaded ${result.key.label} as ${result.key.keyPairId ?? '?'}${where}. ${trusted ? `Trusted by ${trusted}.` : 'No distribution trusts it yet: add the key group to a cache behaviour.'}`);
    } catch (error) {
      const placed = placeApiError(error, ['keyGroup', 'label'] as const);
      const stored = key ? `${key.label} was generated and is stored; only the upload failed. ` : '';
      setErrors({ ...placed.fields, ...(placed.form || stored ? { form: stored + (placed.form ?? '') } : {}) });
      setFocusRequest(nextFocusRequest());
      setBusy(false);
    }
  };

  // A key made but not uploaded is still a new key: the list shows it, with what is left to do.
  const closeDialog = (): void => (generated ? onDone(generated, `Generated ${generated.label}; it is not uploaded to CloudFront yet.`) : onClose());

  return (
    <Dialog
      title="Generate a CloudFront key pair"
      description="An RSA 2048 pair made on this computer. The private half goes straight into your OS keychain."
      size="md"
      onClose={closeDialog}
      testId="cf-generate-dialog"
      footer={(close) => (
        <>
          <Button onClick={close}>{generated ? 'Close' : 'Cancel'}</Button>
          <Button variant="primary" type="submit" form="cf-generate-form" busy={busy}>
            {busy ? 'Working…' : generated ? 'Try the upload again' : upload ? 'Generate and upload' : 'Generate'}
          </Button>
        </>
      )}
    >
      <form id="cf-generate-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form__row">
          <Field label="Label" error={errors.label} focusRequest={focusRequest}>
            {(control) => <input {...control} className="input" value={label} onChange={(event) => setLabel(event.target.value)} disabled={generated !== null} />}
          </Field>
          <Field label="Customer">
            {(control) => <input {...control} className="input" value={customer} onChange={(event) => setCustomer(event.target.value)} disabled={generated !== null} />}
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={upload} onChange={(event) => setUpload(event.target.checked)} disabled={profiles.length === 0} />
          <span className="checkbox__label">Upload the public key to CloudFront{profiles.length === 0 ? ' (add a profile in Accounts first)' : ''}</span>
        </label>
        {upload ? (
          <UploadTargetFields
            profiles={profiles}
            profile={profile}
            onProfile={setProfile}
            keyGroup={keyGroup}
            onKeyGroup={setKeyGroup}
            keyGroupError={errors.keyGroup}
            focusRequest={focusRequest}
          />
        ) : null}
        <FormError message={errors.form} />
      </form>
    </Dialog>
  );
}
