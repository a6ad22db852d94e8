import { useState, type ChangeEvent, type FormEvent, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { nextFocusRequest } from '../../ui/field-focus';
import { useSecretField } from '../../ui/use-secret-field';
import { placeApiError, type PlacedErrors } from '../accounts/form-errors';
import { looksEncrypted } from './cloudfront-format';
import { FormError } from '../../ui/FormError';

const FIELDS = ['pem', 'keyPairId', 'passphrase', 'label', 'customer'] as const;
type ImportField = (typeof FIELDS)[number];
/** The fields that are not secret, kept as state; the PEM and passphrase fields are uncontrolled. */
type PlainField = 'keyPairId' | 'label' | 'customer';
const NONE: PlacedErrors<ImportField> = { fields: {}, form: null };
/** A private key PEM is a few KB; anything far larger is not one (the contract's cap is 16 KB). */
const MAX_FILE_BYTES = 16384;

interface ImportKeyDialogProps {
  onClose: () => void;
  onImported: (key: CloudFrontKey) => void;
}

/**
 * Import a private key: pasted, or picked as a file the page reads itself (main never gets a path).
 * The passphrase field shows when the PEM is encrypted, or when the main side asks for it. The PEM
 * and the passphrase are never React state (ui/use-secret-field): they are read from their fields
 * on submit, so neither is in the page's markup; closing the dialog takes both away with it.
 */
export function ImportKeyDialog({ onClose, onImported }: ImportKeyDialogProps): ReactElement {
  const [values, setValues] = useState<Record<PlainField, string>>({ keyPairId: '', label: '', customer: '' });
  const pem = useSecretField<HTMLTextAreaElement>();
  const passphrase = useSecretField<HTMLInputElement>();
  /** What the page needs to know about the PEM without holding it. */
  const [pemState, setPemState] = useState({ filled: false, encrypted: false });
  const [errors, setErrors] = useState(NONE);
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (field: PlainField) => (event: ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const notePem = (text: string): void => setPemState({ filled: text !== '', encrypted: looksEncrypted(text) });
  const showPassphrase = askPassphrase || pemState.encrypted;

  const pick = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setErrors({ fields: { pem: `${file.name} is ${file.size.toLocaleString()} bytes; a private key PEM is a few KB. Pick the .pem file.` }, form: null });
      return;
    }
    const text = await file.text();
    pem.write(text);
    notePem(text);
    setValues((current) => ({ ...current, label: current.label || file.name.replace(/\.pem$/i, '') }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setErrors(NONE);
    const optional = (field: PlainField) => (values[field].trim() ? { [field]: values[field].trim() } : {});
    const typedPassphrase = showPassphrase ? passphrase.read() : '';
    try {
      const key = await getApi().cloudfront.import({
        pem: pem.read(),
        ...optional('keyPairId'),
        ...optional('label'),
        ...optional('customer'),
        ...(typedPassphrase ? { passphrase: typedPassphrase } : {}),
      });
      onImported(key);
    } catch (error) {
      const placed = placeApiError(error, FIELDS);
      if (placed.fields.passphrase) setAskPassphrase(true);
      setErrors(placed);
      setFocusRequest(nextFocusRequest());
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Import a CloudFront private key"
      description="PKCS#1 or PKCS#8 PEM, RSA 2048. The private key goes into your OS keychain; Roledeck keeps only its public half and fingerprint in the profile store."
      size="md"
      onClose={onClose}
      unsaved={() => pemState.filled}
      testId="cf-import-dialog"
      footer={(close) => (
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="cf-import-form" busy={busy}>
            {busy ? 'Importing…' : 'Import'}
          </Button>
        </>
      )}
    >
      <form id="cf-import-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Private key (PEM)" required error={errors.fields.pem} focusRequest={focusRequest} hint="Paste it, or pick the .pem file below.">
          {(control) => <textarea {...control} ref={pem.ref} className="input input--mono cf-pem" rows={6} onChange={(event) => notePem(event.target.value)} spellCheck={false} autoComplete="off" />}
        </Field>
        <Field label="PEM file">{(control) => <input {...control} type="file" accept=".pem,.key,text/plain" onChange={(event) => void pick(event)} />}</Field>
        {showPassphrase ? (
          <Field label="Passphrase" required error={errors.fields.passphrase} focusRequest={focusRequest} hint="This key is encrypted. Roledeck stores it decrypted, in the keychain only.">
            {(control) => <input {...control} ref={passphrase.ref} className="input" type="password" autoComplete="off" />}
          </Field>
        ) : null}
        <Field label="Key ID" error={errors.fields.keyPairId} focusRequest={focusRequest} hint="The ID CloudFront shows for the public key, like K2JCJMDEHXQW5F. Leave empty if it is not uploaded yet.">
          {(control) => <input {...control} className="input input--mono" value={values.keyPairId} onChange={set('keyPairId')} autoComplete="off" />}
        </Field>
        <div className="form__row">
          <Field label="Label" error={errors.fields.label} focusRequest={focusRequest}>
            {(control) => <input {...control} className="input" value={values.label} onChange={set('label')} />}
          </Field>
          <Field label="Customer" error={errors.fields.customer} focusRequest={focusRequest}>
            {(control) => <input {...control} className="input" value={values.customer} onChange={set('customer')} />}
          </Field>
        </div>
        <FormError message={errors.form} />
      </form>
    </Dialog>
  );
}
