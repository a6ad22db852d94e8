import { useState, type FormEvent, type ReactElement } from 'react';
import { S3BucketNameSchema, type ParameterValue, type StackTag } from '../../../../shared/domain/deploy';
import type { DeployTarget } from '../../../../shared/domain/deploy-flow';
import type { Capability, TemplateSummary } from '../../../../shared/domain/deploy-template';
import { confirmTargetAccount } from '../../../../shared/logic/cloudformation-guardrails';
import { parseTagFile } from '../../../../shared/logic/cloudformation-parameter-input';
import { parameterValueProblem, stackNameProblem } from '../../../../shared/logic/cloudformation-parameter-rules';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { ParameterField } from './ParameterField';

/** What the form hands over: the request without the profile and the template text. */
export interface DeployInputs {
  stackName: string;
  parameters: ParameterValue[];
  tags: StackTag[];
  capabilities: Capability[];
  s3Bucket?: string;
  confirmAccount?: string;
}

/** Values to start from: the profile's last deploy of this stack, or nothing. */
export interface FormStart {
  stackName: string;
  parameters: ReadonlyArray<{ key: string; value: string }>;
  tags: ReadonlyArray<{ key: string; value: string }>;
  s3Bucket?: string;
}

interface DeployFormProps {
  summary: TemplateSummary;
  start: FormStart;
  target: DeployTarget | null;
  busy: boolean;
  onSubmit: (inputs: DeployInputs) => void;
}

function initialValues(summary: TemplateSummary, start: FormStart): Record<string, string> {
  const remembered = new Map(start.parameters.map((parameter) => [parameter.key, parameter.value]));
  return Object.fromEntries(summary.parameters.map((parameter) => [parameter.name, remembered.get(parameter.name) ?? (parameter.noEcho ? '' : (parameter.default ?? ''))]));
}

/**
 * The deploy form, built from the template: its parameters (checked with the template's own
 * rules as they are typed), the stack name, tags, the capabilities to acknowledge, the bucket a
 * large template needs, and the typed account ID a production target needs.
 */
export function DeployForm({ summary, start, target, busy, onSubmit }: DeployFormProps): ReactElement {
  const [stackName, setStackName] = useState(start.stackName);
  const [values, setValues] = useState(() => initialValues(summary, start));
  const [tagsText, setTagsText] = useState(start.tags.map((tag) => `${tag.key}=${tag.value}`).join('\n'));
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<Capability>>(new Set());
  const [bucket, setBucket] = useState(start.s3Bucket ?? '');
  const [typedAccount, setTypedAccount] = useState('');
  const [tried, setTried] = useState(false);
  /** Bumped when NoEcho values are forgotten, so their (uncontrolled) fields start empty again. */
  const [secretsCleared, setSecretsCleared] = useState(0);

  const nameProblem = stackName === '' && !tried ? undefined : stackNameProblem(stackName);
  const problems = Object.fromEntries(
    summary.parameters.map((parameter) => {
      const value = values[parameter.name] ?? '';
      return [parameter.name, value === '' ? undefined : parameterValueProblem(parameter, value)];
    }),
  );
  const tags = parseTagFile(tagsText);
  const tagProblem = tags.ok ? undefined : tags.problems.map((problem) => problem.message).join(' ');
  const needsBucket = summary.upload === 's3';
  const bucketCheck = S3BucketNameSchema.safeParse(bucket);
  const bucketProblem = !needsBucket || (bucket === '' && !tried) ? undefined : bucketCheck.success ? undefined : (bucketCheck.error.issues[0]?.message ?? 'not a bucket name');
  const confirm = target?.production ? confirmTargetAccount(typedAccount, target.accountId) : { ok: true as const };
  const unacknowledged = summary.capabilityNeeds.filter((need) => !acknowledged.has(need.capability));
  const blocked =
    busy || target === null || Boolean(stackNameProblem(stackName)) || Object.values(problems).some(Boolean) || !tags.ok || unacknowledged.length > 0 || (needsBucket && !bucketCheck.success) || !confirm.ok;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (blocked || !tags.ok) return;
    const inputs: DeployInputs = {
      stackName,
      parameters: summary.parameters.flatMap((parameter) => {
        const value = values[parameter.name] ?? '';
        return value === '' ? [] : [{ key: parameter.name, value }];
      }),
      tags: tags.value,
      capabilities: [...acknowledged],
      ...(needsBucket ? { s3Bucket: bucket } : {}),
      ...(target?.production ? { confirmAccount: typedAccount } : {}),
    };
    // NoEcho values leave the page with this request and are not kept for the next deploy (the
    // form keeps the rest): like the profile's recipe, a secret is typed again when needed.
    const secretNames = new Set(summary.parameters.filter((parameter) => parameter.noEcho).map((parameter) => parameter.name));
    if (secretNames.size > 0) {
      setValues((current) => Object.fromEntries(Object.entries(current).map(([name, value]) => [name, secretNames.has(name) ? '' : value])));
      setSecretsCleared((count) => count + 1);
    }
    onSubmit(inputs);
  };

  return (
    <form className="form deploy-form" onSubmit={submit} aria-label="Deploy settings" data-testid="deploy-form">
      <Field label="Stack name" hint="1–128 letters, digits and hyphens, starting with a letter. An existing stack is updated." error={nameProblem} required>
        {(control) => <input {...control} className="input input--mono" value={stackName} onChange={(event) => setStackName(event.target.value)} spellCheck={false} data-testid="stack-name" />}
      </Field>
      {summary.parameters.length > 0 ? (
        <fieldset className="form__group">
          <legend className="form__legend">Parameters</legend>
          {summary.parameters.map((parameter) => (
            <ParameterField
              key={parameter.noEcho ? `${parameter.name}:${secretsCleared}` : parameter.name}
              parameter={parameter}
              value={values[parameter.name] ?? ''}
              error={problems[parameter.name]}
              onChange={(value) => setValues((current) => ({ ...current, [parameter.name]: value }))}
            />
          ))}
        </fieldset>
      ) : null}
      <Field label="Tags" hint="One key=value a line; CloudFormation puts them on the stack and its resources." error={tagProblem}>
        {(control) => <textarea {...control} className="input input--mono deploy-tags" rows={2} value={tagsText} onChange={(event) => setTagsText(event.target.value)} spellCheck={false} />}
      </Field>
      {needsBucket ? (
        <Field label="S3 bucket for the template" hint={`The template is ${summary.sizeBytes.toLocaleString('en-US')} bytes, over the 51,200 CloudFormation takes directly: it is uploaded here first.`} error={bucketProblem} required>
          {(control) => <input {...control} className="input input--mono" value={bucket} onChange={(event) => setBucket(event.target.value)} spellCheck={false} />}
        </Field>
      ) : null}
      {summary.capabilityNeeds.length > 0 ? (
        <fieldset className="form__group" data-testid="capabilities">
          <legend className="form__legend">Acknowledge what this template does</legend>
          {summary.capabilityNeeds.map((need) => (
            <label key={need.capability} className="checkbox">
              <input
                type="checkbox"
                checked={acknowledged.has(need.capability)}
                onChange={(event) =>
                  setAcknowledged((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(need.capability);
                    else next.delete(need.capability);
                    return next;
                  })
                }
              />
              <span className="checkbox__label">
                <span className="deploy-mono">{need.capability}</span>: it {need.reason}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {target?.production ? (
        <Field
          label={`Type the account ID ${target.accountId} to confirm`}
          hint="A production account: nothing is created there until the ID you type matches."
          error={typedAccount === '' || confirm.ok ? undefined : confirm.message}
          required
        >
          {(control) => <input {...control} className="input input--mono" inputMode="numeric" value={typedAccount} onChange={(event) => setTypedAccount(event.target.value)} data-testid="confirm-account" />}
        </Field>
      ) : null}
      <div className="deploy-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={blocked} data-testid="create-change-set">
          {busy ? 'Creating change set…' : 'Create change set'}
        </Button>
        <span className="deploy-muted">Nothing changes until you review the change set and execute it.</span>
      </div>
    </form>
  );
}
