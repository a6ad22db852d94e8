import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { DURATION_NOT_WHOLE, PARTITIONS, roleArnFor, RULE_HINTS, type Partition } from '../../../../shared/domain/aws-rules';
import { AddRoleInputSchema, UpdateRoleInputSchema } from '../../../../shared/domain/profile-input';
import type { ProfileView, RoleView } from '../../../../shared/domain/profile-view';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { ColorPicker } from '../../ui/ColorPicker';
import { Dialog } from '../../ui/Dialog';
import { FormError, LabelField, ProfileFormFooter } from './ProfileFormParts';
import { Field } from '../../ui/Field';
import { generateExternalId } from './external-id';
import { placeApiError, placeIssues, type PlacedErrors } from './form-errors';
import { optional, useFormState } from './form-state';
import { humanDuration } from './profile-format';

const FIELDS = [
  'name',
  'source',
  'roleArn',
  'accountId',
  'roleName',
  'partition',
  'externalId',
  'mfaSerial',
  'sessionName',
  'durationSeconds',
  'region',
  'sourceIdentity',
  'label',
  'color',
] as const;
type RoleField = (typeof FIELDS)[number];
type ValueField = RoleField | 'target' | 'production';
type Target = 'account' | 'arn';

export interface RoleFormDialogProps {
  existing?: RoleView;
  /** Every profile, for the source list (the role itself is left out). */
  profiles: readonly ProfileView[];
  labels: readonly string[];
  onClose: () => void;
  onSaved: (view: ProfileView, verb: 'Added' | 'Saved') => void;
  onRemove?: (profile: ProfileView) => void;
}

const PARTITION_NAMES: Record<Partition, string> = {
  aws: 'aws (commercial)',
  'aws-cn': 'aws-cn (China)',
  'aws-us-gov': 'aws-us-gov (GovCloud US)',
};

function initialValues(existing: RoleView | undefined, profiles: readonly ProfileView[]): Record<ValueField, string> {
  // An ARN without a path is shown as account + role name; one with a path stays an ARN.
  const plain = existing ? roleArnFor(existing.partition, existing.accountId, existing.roleName) === existing.roleArn : true;
  const firstUser = profiles.find((profile) => profile.kind === 'iam-user');
  return {
    name: existing?.name ?? '',
    source: existing?.sourceName ?? firstUser?.name ?? '',
    target: plain ? 'account' : 'arn',
    roleArn: existing && !plain ? existing.roleArn : '',
    accountId: existing && plain ? existing.accountId : '',
    roleName: existing && plain ? existing.roleName : '',
    partition: existing?.partition ?? 'aws',
    externalId: existing?.externalId ?? '',
    mfaSerial: existing?.mfaSerial ?? '',
    sessionName: existing?.sessionName ?? '',
    durationSeconds: existing?.durationSeconds !== undefined ? String(existing.durationSeconds) : '',
    region: existing?.region ?? '',
    sourceIdentity: existing?.sourceIdentity ?? '',
    label: existing?.label ?? '',
    color: existing?.color ?? '',
    production: existing?.production ? 'yes' : '',
  };
}

const WHOLE_NUMBER = /^\d+$/;

function buildInput(values: Record<ValueField, string>, existing: RoleView | undefined): Record<string, unknown> {
  const input: Record<string, unknown> = { name: values.name.trim(), source: values.source };
  if (existing) {
    input['id'] = existing.id;
    // Fields this form does not edit are sent back as they are, so saving keeps them.
    if (existing.favorite) input['favorite'] = true;
    if (existing.tags?.length) input['tags'] = existing.tags;
  }
  if (values.target === 'arn') {
    input['roleArn'] = values.roleArn.trim();
  } else {
    input['accountId'] = values.accountId.trim();
    input['roleName'] = values.roleName.trim();
    input['partition'] = values.partition;
  }
  optional(input, 'externalId', values.externalId);
  optional(input, 'mfaSerial', values.mfaSerial);
  optional(input, 'sessionName', values.sessionName);
  const duration = values.durationSeconds.trim();
  // Not a number at all: let the schema's number rule speak ("expected number" would not).
  if (duration !== '') input['durationSeconds'] = WHOLE_NUMBER.test(duration) ? Number(duration) : Number.NaN;
  optional(input, 'region', values.region);
  optional(input, 'sourceIdentity', values.sourceIdentity);
  optional(input, 'label', values.label);
  optional(input, 'color', values.color);
  if (values.production === 'yes') input['production'] = true;
  return input;
}

function validateRole(values: Record<ValueField, string>, existing: RoleView | undefined): PlacedErrors<RoleField> {
  const schema = existing ? UpdateRoleInputSchema : AddRoleInputSchema;
  const result = schema.safeParse(buildInput(values, existing));
  const placed: PlacedErrors<RoleField> = result.success ? { fields: {}, form: null } : placeIssues(result.error.issues, FIELDS);
  if (values.source === '') placed.fields.source = 'Choose the profile whose credentials assume this role';
  const duration = values.durationSeconds.trim();
  if (duration !== '' && !WHOLE_NUMBER.test(duration)) placed.fields.durationSeconds = DURATION_NOT_WHOLE;
  if (values.target === 'account') {
    // The either/or rule is reported on roleArn; in this mode the account ID field is where to fix it.
    const either = placed.fields.roleArn;
    delete placed.fields.roleArn;
    if (either && !placed.fields.accountId && !placed.fields.roleName) placed.fields.accountId = either;
  }
  return placed;
}

/** Add or edit a role assumed from another profile (an IAM user, or a role: a chain). */
export default function RoleFormDialog({ existing, profiles, labels, onClose, onSaved, onRemove }: RoleFormDialogProps): ReactElement {
  const formId = useId();
  const labelListId = useId();
  const [busy, setBusy] = useState(false);
  const [initial] = useState(() => initialValues(existing, profiles));
  const form = useFormState<RoleField, ValueField>(initial, (values) => validateRole(values, existing));
  const { values } = form;
  const sources = profiles.filter((profile) => profile.id !== existing?.id);
  const fieldId = (field: RoleField) => `${formId}-${field}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    form.setSubmitted(true);
    form.setServer({ fields: {}, form: null });
    const placed = form.check();
    if (FIELDS.some((field) => placed.fields[field]) || placed.form) {
      form.refused();
      return;
    }
    setBusy(true);
    try {
      const api = getApi();
      const request = buildInput(values, existing);
      const view = existing
        ? await api.profiles.updateRole(UpdateRoleInputSchema.parse(request))
        : await api.profiles.addRole(AddRoleInputSchema.parse(request));
      onSaved(view, existing ? 'Saved' : 'Added');
    } catch (error) {
      // A refusal of the role (the allow-list) names the field it is about; the form shows the
      // role either as an ARN or as account ID and name.
      form.setServer(placeApiError(error, FIELDS, values.target === 'arn' ? { accountId: 'roleArn', roleName: 'roleArn' } : { roleArn: 'roleName' }));
      form.refused();
      setBusy(false);
    }
  };

  const bind = (field: RoleField) => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => form.set(field, event.currentTarget.value),
    onBlur: () => form.touch(field),
  });

  const text = (field: RoleField, label: string, hint: string, options: { mono?: boolean; required?: boolean; autofocus?: boolean } = {}) => (
    <Field id={fieldId(field)} label={label} required={options.required ?? false} error={form.errorOf(field)} hint={hint} focusRequest={form.focusRequest}>
      {(control) => (
        <input
          {...control}
          {...bind(field)}
          className={options.mono ? 'input input--mono' : 'input'}
          autoComplete="off"
          spellCheck={false}
          {...(options.autofocus ? { 'data-autofocus': true } : {})}
        />
      )}
    </Field>
  );

  const duration = values.durationSeconds.trim();
  const durationHint = `900–43,200 seconds (15 min to 12 h); a chained role gets at most 3,600 (1 h).${
    WHOLE_NUMBER.test(duration) ? ` ${Number(duration).toLocaleString('en')} s = ${humanDuration(Number(duration))}.` : ' Blank: the AWS default, 1 h.'
  }`;

  const footer = (close: () => void) => <ProfileFormFooter existing={existing} onRemove={onRemove} onClose={close} formId={formId} busy={busy} addLabel="Add role" />;
  // Anything typed or changed since the form opened is lost on Cancel: the dialog asks first.
  const unsaved = (): boolean => !busy && (Object.keys(initial) as ValueField[]).some((field) => values[field] !== initial[field]);

  return (
    <Dialog
      title={existing ? `Edit ${existing.name}` : 'Add role'}
      description="A customer’s role, assumed with the credentials of another profile."
      onClose={onClose}
      footer={footer}
      unsaved={unsaved}
      size="lg"
      testId="role-form-dialog"
    >
      <form id={formId} className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={busy || undefined}>
        <FormError message={form.server.form} focusRequest={form.focusRequest} />
        <div className="form__row">
          {text('name', 'Profile name', 'e.g. acme-prod', { required: true, autofocus: true })}
          <Field id={fieldId('source')} label="Source profile" required error={form.errorOf('source')} focusRequest={form.focusRequest} hint="Whose credentials assume the role: an IAM user, or a role for a chain">
            {(control) => (
              <select {...control} {...bind('source')} className="input">
                {values.source === '' ? <option value="">Choose a profile…</option> : null}
                {sources.map((profile) => (
                  <option key={profile.id} value={profile.name}>
                    {profile.kind === 'iam-user' ? `${profile.name} (IAM user)` : `${profile.name} (role in ${profile.accountId})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <fieldset className="form__group">
          <legend className="form__legend">Role to assume</legend>
          <div className="segmented__options" role="radiogroup" aria-label="Give the role as">
            {(
              [
                ['account', 'Account ID and role name'],
                ['arn', 'Role ARN'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="segmented__option">
                <input type="radio" name={`${formId}-target`} value={value} checked={values.target === value} onChange={() => form.set('target', value as Target)} />
                <span>{label}</span>
              </label>
            ))}
          </div>
          {values.target === 'arn' ? (
            text('roleArn', 'Role ARN', 'e.g. arn:aws:iam::123456789012:role/ExampleRoleName', { mono: true, required: true })
          ) : (
            <div className="form__row form__row--3">
              {text('accountId', 'Account ID', '12 digits', { mono: true, required: true })}
              {text('roleName', 'Role name', 'e.g. ExampleRoleName', { mono: true, required: true })}
              <Field id={fieldId('partition')} label="Partition" error={form.errorOf('partition')} focusRequest={form.focusRequest}>
                {(control) => (
                  <select {...control} {...bind('partition')} className="input">
                    {PARTITIONS.map((partition) => (
                      <option key={partition} value={partition}>
                        {PARTITION_NAMES[partition]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          )}
        </fieldset>

        <fieldset className="form__group">
          <legend className="form__legend">Session</legend>
          <Field
            id={fieldId('externalId')}
            label="ExternalId"
            error={form.errorOf('externalId')}
            focusRequest={form.focusRequest}
            hint={`${RULE_HINTS.externalId}. The customer puts the same value in the role’s trust policy.`}
            addon={
              <Button
                onClick={() => {
                  form.set('externalId', generateExternalId());
                  form.touch('externalId');
                }}
              >
                Generate
              </Button>
            }
          >
            {(control) => <input {...control} {...bind('externalId')} className="input input--mono" autoComplete="off" spellCheck={false} />}
          </Field>
          <div className="form__row">
            {text('mfaSerial', 'MFA device', 'Its ARN or hardware serial, if the role requires MFA', { mono: true })}
            {text('sessionName', 'Session name', '2–64 characters; shows in the customer’s CloudTrail', { mono: true })}
          </div>
          <div className="form__row">
            <Field id={fieldId('durationSeconds')} label="Duration (seconds)" error={form.errorOf('durationSeconds')} hint={durationHint} focusRequest={form.focusRequest}>
              {(control) => <input {...control} {...bind('durationSeconds')} className="input input--mono" inputMode="numeric" autoComplete="off" />}
            </Field>
            {text('sourceIdentity', 'Source identity', '2–64 characters; recorded by AWS and kept across role chains', { mono: true })}
          </div>
          <div className="form__row">
            {text('region', 'Region', 'e.g. eu-west-1', { mono: true })}
            <LabelField id={fieldId('label')} error={form.errorOf('label')} hint="The customer: groups the list" labels={labels} listId={labelListId} input={bind('label')} focusRequest={form.focusRequest} />
          </div>
        </fieldset>
        <ColorPicker value={values.color} onChange={(next) => form.set('color', next)} hint="Carried everywhere this customer appears." />
        <label className="checkbox">
          <input type="checkbox" checked={values.production === 'yes'} onChange={(event) => form.set('production', event.target.checked ? 'yes' : '')} data-testid="role-production" />
          <span className="checkbox__label">Production account: a test deploy or delete here needs the account ID typed to confirm.</span>
        </label>
      </form>
    </Dialog>
  );
}
