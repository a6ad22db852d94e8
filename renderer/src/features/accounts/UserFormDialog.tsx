import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { AddUserInputSchema, UpdateUserInputSchema } from '../../../../shared/domain/profile-input';
import type { ProfileView, UserView } from '../../../../shared/domain/profile-view';
import { getApi } from '../../api';
import { ColorPicker } from '../../ui/ColorPicker';
import { Dialog } from '../../ui/Dialog';
import { FormError, LabelField, ProfileFormFooter } from './ProfileFormParts';
import { Field } from '../../ui/Field';
import { useKeychainReadiness } from '../../app/app-status-context';
import { placeApiError, placeIssues, type PlacedErrors } from './form-errors';
import { optional, useFormState } from './form-state';

const FIELDS = ['name', 'accessKeyId', 'secretAccessKey', 'mfaSerial', 'region', 'label', 'color'] as const;
type UserField = (typeof FIELDS)[number];
type ValueField = Exclude<UserField, 'secretAccessKey'>;

export interface UserFormDialogProps {
  /** Absent: add a new IAM user. */
  existing?: UserView;
  /** Labels already in use, offered as suggestions. */
  labels: readonly string[];
  onClose: () => void;
  onSaved: (view: ProfileView, verb: 'Added' | 'Saved') => void;
  onRemove?: (profile: ProfileView) => void;
}

function initialValues(existing: UserView | undefined): Record<ValueField, string> {
  return {
    name: existing?.name ?? '',
    // The window only ever gets the masked key ID, so an edit starts blank (see the hint).
    accessKeyId: '',
    mfaSerial: existing?.mfaSerial ?? '',
    region: existing?.region ?? '',
    label: existing?.label ?? '',
    color: existing?.color ?? '',
  };
}

function buildInput(values: Record<ValueField, string>, secret: string, existing: UserView | undefined): Record<string, unknown> {
  const input: Record<string, unknown> = { name: values.name.trim() };
  // Blank on an edit keeps the stored key ID.
  if (!existing || values.accessKeyId.trim() !== '') input['accessKeyId'] = values.accessKeyId.trim();
  if (existing) {
    input['id'] = existing.id;
    if (existing.favorite) input['favorite'] = true;
    // Marked with `roledeck profile add-user --production`: an edit here keeps it.
    if (existing.production) input['production'] = true;
    // Blank keeps the stored secret.
    if (secret !== '') input['secretAccessKey'] = secret;
  } else {
    input['secretAccessKey'] = secret;
  }
  optional(input, 'mfaSerial', values.mfaSerial);
  optional(input, 'region', values.region);
  optional(input, 'label', values.label);
  optional(input, 'color', values.color);
  return input;
}

/**
 * Add or edit an IAM user. The secret access key is write-only: it lives in an uncontrolled
 * password input (never in React state, never in a `value` attribute), is read once when the form
 * is sent, and the input is emptied at that moment. An edit starts with it blank.
 */
export default function UserFormDialog({ existing, labels, onClose, onSaved, onRemove }: UserFormDialogProps): ReactElement {
  const formId = useId();
  const labelListId = useId();
  const secretRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [secretSent, setSecretSent] = useState(false);
  const schema = existing ? UpdateUserInputSchema : AddUserInputSchema;
  // A secret the keychain cannot keep is never taken: the field waits until the keychain is ready.
  const keychain = useKeychainReadiness();

  const validate = (values: Record<ValueField, string>): PlacedErrors<UserField> => {
    const result = schema.safeParse(buildInput(values, secretRef.current?.value ?? '', existing));
    return result.success ? { fields: {}, form: null } : placeIssues(result.error.issues, FIELDS);
  };
  const [initial] = useState(() => initialValues(existing));
  const form = useFormState<UserField, ValueField>(initial, validate);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy || (!existing && !keychain.ready)) return;
    form.setSubmitted(true);
    form.setServer({ fields: {}, form: null });
    const secretInput = secretRef.current;
    const request = buildInput(form.values, secretInput?.value ?? '', existing);
    if (!schema.safeParse(request).success) {
      form.check();
      form.refused();
      return;
    }
    // From here the secret exists only in the request being sent.
    const sentSecret = secretInput !== null && secretInput.value !== '';
    if (secretInput) secretInput.value = '';
    setSecretSent(sentSecret);
    setBusy(true);
    try {
      const api = getApi();
      const view = existing
        ? await api.profiles.updateUser(UpdateUserInputSchema.parse(request))
        : await api.profiles.addUser(AddUserInputSchema.parse(request));
      onSaved(view, existing ? 'Saved' : 'Added');
    } catch (error) {
      form.setServer(placeApiError(error, FIELDS));
      form.refused();
      setBusy(false);
    }
  };

  const bind = (field: ValueField) => ({
    value: form.values[field],
    onChange: (event: { currentTarget: { value: string } }) => form.set(field, event.currentTarget.value),
    onBlur: () => form.touch(field),
  });

  const secretHint = existing
    ? 'Leave blank to keep the stored secret. It is never shown again once saved.'
    : secretSent
      ? 'Cleared after sending: type it again to retry. Roledeck never keeps it in this window.'
      : '40 characters. It goes straight into your OS keychain and is never shown again.';

  const footer = (close: () => void) => (
    <ProfileFormFooter existing={existing} onRemove={onRemove} onClose={close} formId={formId} busy={busy} addLabel="Add IAM user" blocked={!existing && !keychain.ready} />
  );
  // A typed secret counts too: it is read from its field, never kept in state.
  const unsaved = (): boolean =>
    !busy && ((Object.keys(initial) as ValueField[]).some((field) => form.values[field] !== initial[field]) || (secretRef.current?.value ?? '') !== '');

  return (
    <Dialog
      title={existing ? `Edit ${existing.name}` : 'Add IAM user'}
      description={existing ? 'An IAM user whose long-term key lives in your OS keychain.' : 'Its secret access key is stored in your OS keychain, never in a file.'}
      onClose={onClose}
      footer={footer}
      unsaved={unsaved}
      size="md"
      testId="user-form-dialog"
    >
      <form id={formId} className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={busy || undefined}>
        {keychain.reason ? (
          <p className="notice notice--warn" data-testid="user-form-keychain-note">
            {keychain.reason} {keychain.fix} The secret access key field waits until then.
          </p>
        ) : null}
        <FormError message={form.server.form} focusRequest={form.focusRequest} />
        <Field id={`${formId}-name`} label="Profile name" required error={form.errorOf('name')} focusRequest={form.focusRequest} hint="How you and scripts refer to it, e.g. consultant">
          {(control) => <input {...control} {...bind('name')} className="input" autoComplete="off" spellCheck={false} data-autofocus />}
        </Field>
        <Field
          id={`${formId}-accessKeyId`}
          label="Access key ID"
          required={!existing}
          error={form.errorOf('accessKeyId')}
          focusRequest={form.focusRequest}
          hint={
            existing
              ? `Stored: ${existing.accessKeyIdMasked}. Leave blank to keep it, or enter the new one after a rotation.`
              : 'Starts with AKIA, e.g. AKIAIOSFODNN7EXAMPLE'
          }
        >
          {(control) => <input {...control} {...bind('accessKeyId')} className="input input--mono" autoComplete="off" spellCheck={false} />}
        </Field>
        <Field id={`${formId}-secretAccessKey`} label="Secret access key" required={!existing} error={form.errorOf('secretAccessKey')} hint={secretHint} focusRequest={form.focusRequest}>
          {(control) => (
            <input
              {...control}
              ref={secretRef}
              disabled={!keychain.ready}
              type="password"
              className="input input--mono"
              autoComplete="off"
              spellCheck={false}
              onBlur={() => form.touch('secretAccessKey')}
              onChange={() => {
                if (form.submitted || form.errorOf('secretAccessKey')) form.check();
              }}
            />
          )}
        </Field>
        <Field id={`${formId}-mfaSerial`} label="MFA device" error={form.errorOf('mfaSerial')} focusRequest={form.focusRequest} hint="Its ARN, e.g. arn:aws:iam::123456789012:mfa/you, or a hardware token serial">
          {(control) => <input {...control} {...bind('mfaSerial')} className="input input--mono" autoComplete="off" spellCheck={false} />}
        </Field>
        <div className="form__row">
          <Field id={`${formId}-region`} label="Region" error={form.errorOf('region')} hint="e.g. eu-west-1" focusRequest={form.focusRequest}>
            {(control) => <input {...control} {...bind('region')} className="input input--mono" autoComplete="off" spellCheck={false} />}
          </Field>
          <LabelField id={`${formId}-label`} error={form.errorOf('label')} hint="The customer or team: groups the list" labels={labels} listId={labelListId} input={bind('label')} focusRequest={form.focusRequest} />
        </div>
        <ColorPicker value={form.values.color} onChange={(next) => form.set('color', next)} />
        {form.errorOf('color') ? <p className="field__error">{form.errorOf('color')}</p> : null}
      </form>
    </Dialog>
  );
}
