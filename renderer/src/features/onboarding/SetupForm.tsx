import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { OnboardingView } from '../../../../shared/domain/onboarding-view';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { draftOf, initialValues, placeIssues, policyProblem, PURPOSE_CHOICES, type SetupValues } from './setup-draft-form';
import { FormError } from '../../ui/FormError';

interface SetupFormProps {
  existing: OnboardingView | undefined;
  profiles: readonly ProfileView[];
  allowList: readonly string[];
  onPrepared: (view: OnboardingView, reissued: boolean) => void;
  onCancel?: (() => void) | undefined;
}

const HOURS = [1, 2, 4, 8, 12];

/** Step 1: who the customer is, which role they create for us, whom it trusts and what it may do. */
export function SetupForm({ existing, profiles, allowList, onPrepared, onCancel }: SetupFormProps): ReactElement {
  const id = useId();
  const [values, setValues] = useState<SetupValues>(() => initialValues(existing, profiles, allowList));
  const [errors, setErrors] = useState<Partial<Record<keyof SetupValues, string | undefined>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // An IAM user answers with its own keys; a role would need a session (maybe an MFA code), so it is not asked until the setup is prepared.
  const sourceIsUser = profiles.find((profile) => profile.id === values.sourceProfile)?.kind === 'iam-user';
  const identity = useRemote(
    async () => (sourceIsUser && values.sourceProfile ? (await getApi().onboarding.identity({ sourceProfile: values.sourceProfile })).arn : null),
    [values.sourceProfile, sourceIsUser],
  );
  const set = <K extends keyof SetupValues>(field: K, value: SetupValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const fieldId = (field: keyof SetupValues) => `${id}-${field}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const policy = values.purpose === 'custom' ? policyProblem(values.policyJson) : null;
    if (policy) {
      setErrors({ policyJson: policy });
      document.getElementById(fieldId('policyJson'))?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const result = await getApi().onboarding.prepare(draftOf(values, existing));
      if (result.ok) {
        onPrepared(result.onboarding, result.reissued);
        return;
      }
      const placed = placeIssues(result.issues);
      setErrors(placed.fields);
      setFormError(placed.form);
      const first = (Object.keys(placed.fields) as Array<keyof SetupValues>)[0];
      if (first) document.getElementById(fieldId(first))?.focus();
    } catch (error) {
      setFormError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form setup-form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="setup-form">
      <div className="form__row">
        <Field label="Customer name" id={fieldId('customerName')} required error={errors.customerName} hint={existing ? 'Rename the customer in Accounts.' : 'The organisation whose account gets the role.'}>
          {(control) => <input {...control} className="input" value={values.customerName} readOnly={existing !== undefined} onChange={(event) => set('customerName', event.target.value)} />}
        </Field>
        <Field label="Role name" id={fieldId('roleName')} required error={errors.roleName} hint={allowList.length ? `Allowed here: ${allowList.join(', ')}` : 'Letters, digits and + = , . @ _ -, up to 64.'}>
          {(control) => <input {...control} className="input input--mono" value={values.roleName} spellCheck={false} onChange={(event) => set('roleName', event.target.value)} />}
        </Field>
      </div>

      <div className="form__row">
        <Field
          label="Our profile that uses the role"
          id={fieldId('sourceProfile')}
          required
          error={errors.sourceProfile}
          hint={<RemoteView remote={identity.remote} variant="text" loading="Asking AWS who this profile is…" failed="Could not ask AWS who this is">{(arn) => (arn ? `Signs in as ${arn}` : 'A role: the trust policy will name our account.')}</RemoteView>}
        >
          {(control) => (
            <select {...control} className="input" value={values.sourceProfile} onChange={(event) => set('sourceProfile', event.target.value)}>
              {profiles.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name} ({profile.kind === 'iam-user' ? 'IAM user' : 'role'})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Region of the stack" id={fieldId('region')} required error={errors.region} hint="Where the customer’s CloudFormation stack is created.">
          {(control) => <input {...control} className="input input--mono" value={values.region} spellCheck={false} onChange={(event) => set('region', event.target.value)} />}
        </Field>
      </div>

      <fieldset className="form__group" aria-describedby={errors.principal ? `${fieldId('principal')}-error` : undefined}>
        <legend className="form__legend">Trust</legend>
        <div className="segmented__options" role="radiogroup" aria-label="Whom the role trusts">
          {(['user', 'account'] as const).map((choice) => (
            <label key={choice} className="segmented__option">
              <input type="radio" name={`${id}-principal`} checked={values.principal === choice} onChange={() => set('principal', choice)} />
              <span>{choice === 'user' ? 'Exactly our IAM user' : 'Our whole account (root)'}</span>
            </label>
          ))}
        </div>
        <p id={`${fieldId('principal')}-error`} className="field__error" aria-live="polite">
          {errors.principal ?? ''}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={values.requireMfa} onChange={(event) => set('requireMfa', event.target.checked)} />
          <span className="checkbox__label">Require MFA: only sessions started with an MFA code may use the role</span>
        </label>
        <Field label="Maximum session duration" id={fieldId('durationHours')} error={errors.durationHours}>
          {(control) => (
            <select {...control} className="input setup-form__short" value={values.durationHours} onChange={(event) => set('durationHours', event.target.value)}>
              {HOURS.map((hours) => (
                <option key={hours} value={String(hours)}>
                  {hours} hour{hours === 1 ? '' : 's'}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="form__group">
        <legend className="form__legend">Permissions</legend>
        <div className="purpose-grid" role="radiogroup" aria-label="What the role may do">
          {PURPOSE_CHOICES.map((choice) => (
            <label key={choice.value} className={values.purpose === choice.value ? 'purpose is-checked' : 'purpose'}>
              <input type="radio" name={`${id}-purpose`} checked={values.purpose === choice.value} onChange={() => set('purpose', choice.value)} />
              <span className="purpose__label">{choice.label}</span>
              <span className="purpose__hint">{choice.hint}</span>
            </label>
          ))}
        </div>
        {values.purpose === 'custom' ? (
          <Field label="Permissions policy (JSON)" id={fieldId('policyJson')} required error={errors.policyJson} hint="An identity policy: Version and Statement, no Principal. At most 10,240 characters, white space not counted.">
            {(control) => (
              <textarea
                {...control}
                className="input input--mono setup-form__policy"
                rows={10}
                spellCheck={false}
                value={values.policyJson}
                onChange={(event) => set('policyJson', event.target.value)}
                onBlur={() => values.policyJson.trim() && setErrors((current) => ({ ...current, policyJson: policyProblem(values.policyJson) ?? undefined }))}
              />
            )}
          </Field>
        ) : null}
      </fieldset>

      <div className="form__row">
        <Field label="Their account ID, if known" id={fieldId('customerAccountId')} error={errors.customerAccountId} hint="12 digits. Narrows our IAM policy to their account; leave empty otherwise.">
          {(control) => <input {...control} className="input input--mono" inputMode="numeric" value={values.customerAccountId} onChange={(event) => set('customerAccountId', event.target.value)} />}
        </Field>
        {existing?.setup ? (
          <label className="checkbox setup-form__reissue">
            <input type="checkbox" checked={values.newExternalId} onChange={(event) => set('newExternalId', event.target.checked)} />
            <span className="checkbox__label">Issue a new ExternalId (the customer must set the role up again)</span>
          </label>
        ) : null}
      </div>

      <FormError message={formError} />
      <div className="form__actions">
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? 'Preparing…' : existing?.setup ? 'Save the setup' : 'Prepare the setup'}
        </Button>
      </div>
    </form>
  );
}
