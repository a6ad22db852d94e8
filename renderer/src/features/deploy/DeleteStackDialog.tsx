import { useState, type FormEvent, type ReactElement } from 'react';
import type { DeployTarget } from '../../../../shared/domain/deploy-flow';
import { confirmTargetAccount } from '../../../../shared/logic/cloudformation-guardrails';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';

interface DeleteStackDialogProps {
  target: DeployTarget;
  stackName: string;
  onCancel: () => void;
  onDelete: (confirmAccount: string | undefined) => void;
}

/** "Delete stack X in account Y, region Z?": the confirmation names all three; production asks for the typed ID. */
export function DeleteStackDialog({ target, stackName, onCancel, onDelete }: DeleteStackDialogProps): ReactElement {
  const [typed, setTyped] = useState('');
  const confirm = target.production ? confirmTargetAccount(typed, target.accountId) : { ok: true as const };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (confirm.ok) onDelete(target.production ? typed : undefined);
  };
  return (
    <Dialog
      title={`Delete ${stackName}?`}
      description={`Account ${target.accountId}${target.customer ? ` (${target.customer})` : ''}, region ${target.region}`}
      onClose={onCancel}
      size="sm"
      testId="delete-stack-dialog"
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" form="delete-stack-form" variant="danger" className="button--primary" disabled={!confirm.ok} data-testid="confirm-delete">
            Delete stack
          </Button>
        </>
      }
    >
      <form id="delete-stack-form" className="deploy-delete" onSubmit={submit}>
        <p>
          CloudFormation deletes the stack <span className="deploy-mono">{stackName}</span> and every resource it created in account{' '}
          <span className="deploy-mono">{target.accountId}</span>, region <span className="deploy-mono">{target.region}</span>, as{' '}
          <span className="deploy-mono">{target.identityArn}</span>. Resources with a DeletionPolicy of Retain stay.
        </p>
        {target.production ? (
          <Field label={`Type the account ID ${target.accountId} to confirm`} error={typed === '' || confirm.ok ? undefined : confirm.message} required>
            {(control) => <input {...control} className="input input--mono" inputMode="numeric" value={typed} onChange={(event) => setTyped(event.target.value)} data-autofocus />}
          </Field>
        ) : null}
      </form>
    </Dialog>
  );
}
