import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { CompleteResult, OnboardingView, VerifyOutcome } from '../../../../shared/domain/onboarding-view';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { whenText } from './onboarding-format';
import { VerifyOutcomeView } from './VerifyOutcomeView';

/**
 * Step 4, closing the loop: the account ID or role ARN the customer sent becomes a role profile
 * (ARN, ExternalId, MFA device, duration from the setup) and Test access runs.
 */
export function VerifyStep({ view, onChanged }: { view: OnboardingView; onChanged: () => void }): ReactElement {
  const id = useId();
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'complete' | 'verify' | null>(null);
  const [completed, setCompleted] = useState<CompleteResult | null>(null);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy('complete');
    setError(null);
    try {
      const result = await getApi().onboarding.complete({ customerId: view.customerId, reply });
      setCompleted(result);
      setOutcome(result.outcome);
      setReply('');
      onChanged();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  };

  const testAgain = async (): Promise<void> => {
    setBusy('verify');
    setError(null);
    try {
      setOutcome(await getApi().onboarding.verify({ customerId: view.customerId }));
      onChanged();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="verify-step" data-testid="verify-step">
      {view.roleArn ? (
        <dl className="facts">
          <div className="facts__row">
            <dt>Role</dt>
            <dd className="mono">{view.roleArn}</dd>
          </div>
          <div className="facts__row">
            <dt>Profile</dt>
            <dd>{view.profileName ?? '—'}</dd>
          </div>
          <div className="facts__row">
            <dt>Last verified</dt>
            <dd>{view.lastVerifiedAt !== undefined ? whenText(view.lastVerifiedAt) : 'never'}</dd>
          </div>
        </dl>
      ) : (
        <p className="step__intro">When {view.customerName} has created the role, paste what they sent back: the role’s ARN (the stack’s RoleArn output), or just their 12-digit account ID.</p>
      )}
      <form className="verify-step__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label={view.roleArn ? 'A different account ID or role ARN' : 'Account ID or role ARN'} id={`${id}-reply`} error={error} hint="1234-5678-9012 and a pasted ARN with quotes are fine.">
          {(control) => <input {...control} className="input input--mono" value={reply} spellCheck={false} autoComplete="off" onChange={(event) => setReply(event.target.value)} />}
        </Field>
        <div className="form__actions form__actions--start">
          <Button type="submit" variant={view.roleArn ? 'default' : 'primary'} busy={busy === 'complete'} disabled={reply.trim() === '' || busy !== null}>
            {busy === 'complete' ? 'Testing access…' : 'Create the profile and test access'}
          </Button>
          {view.roleArn ? (
            <Button variant="primary" busy={busy === 'verify'} disabled={busy !== null} onClick={() => void testAgain()}>
              {busy === 'verify' ? 'Testing access…' : 'Test access again'}
            </Button>
          ) : null}
        </div>
      </form>
      {completed ? (
        <div className="verify-step__notes" role="status">
          <p>
            {completed.profileCreated ? 'Created' : 'Updated'} the profile <strong>{completed.profileName}</strong>.
          </p>
          {[...completed.warnings, ...completed.notes].map((line) => (
            <p key={line} className="quick-create__warning">
              {line}
            </p>
          ))}
        </div>
      ) : null}
      {outcome ? <VerifyOutcomeView outcome={outcome} /> : view.lastFailure ? <VerifyOutcomeView outcome={{ customerId: view.customerId, customerName: view.customerName, state: 'failed', at: view.lastFailure.at, failure: view.lastFailure }} /> : null}
    </div>
  );
}
