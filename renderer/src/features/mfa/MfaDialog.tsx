import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactElement } from 'react';
import type { MfaPrompt } from '../../../../shared/domain/session';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { useSecretField } from '../../ui/use-secret-field';
import { deviceText, digitsOnly, reasonText, waitingText } from './mfa-queue';

interface MfaDialogProps {
  prompt: MfaPrompt;
  /** Position in the queue when more than one device is asking ("1 of 2"). */
  position: number;
  total: number;
  /** The prompt was cancelled here: drop it without waiting for 'mfa.closed'. */
  onCancelled: (promptId: string) => void;
}


/**
 * Asks for one MFA code on behalf of every caller waiting on the device. Six digits send it (or
 * Enter). The code is never React state: the field is uncontrolled (ui/use-secret-field), so the
 * code is not in the page's markup, and it is emptied the moment the code is sent. The main side closes the prompt on
 * an answer and, if AWS rejects the code, opens a new one (`attempt` > 1) whose `problem` says
 * what to do.
 */
export function MfaDialog({ prompt, position, total, onCancelled }: MfaDialogProps): ReactElement {
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();
  const code = useSecretField<HTMLInputElement>();
  /** Sent and waiting for the main side to close or re-open the prompt. */
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useRef(false);

  // A re-opened prompt (rejected code) is a fresh start: ready for the next code, input focused.
  useEffect(() => {
    setChecking(false);
    busy.current = false;
    code.ref.current?.focus();
  }, [prompt.attempt, code]);

  const send = (value: string): void => {
    if (busy.current || value.length !== 6) return;
    busy.current = true;
    code.write('');
    setFailure(null);
    setChecking(true);
    getApi()
      .mfa.answer({ promptId: prompt.id, code: value })
      .catch((error: unknown) => {
        busy.current = false;
        setChecking(false);
        setFailure(messageOf(error));
        code.ref.current?.focus();
      });
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const field = event.target;
    const digits = digitsOnly(field.value);
    // What a controlled field did by re-rendering: anything but digits never stays in it.
    if (field.value !== digits) field.value = digits;
    if (digits.length === 6) send(digits);
  };

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy.current) return;
    const typed = code.read();
    if (typed.length === 6) send(typed);
    else setFailure('Enter all 6 digits your device shows.');
  };

  const cancel = (): void => {
    code.write('');
    onCancelled(prompt.id);
    getApi()
      .mfa.cancel({ promptId: prompt.id })
      .catch(() => undefined);
  };

  // Usually after a rejected code (attempt > 1), but also on a first ask right after another
  // operation took this device's current code.
  const problem = prompt.problem ?? null;
  const describedBy = [problem || failure ? problemId : null, hintId].filter(Boolean).join(' ');
  const formId = `${inputId}-form`;

  return (
    <Dialog
      title={`MFA code for ${prompt.profileName}`}
      description={reasonText(prompt.reason)}
      onClose={cancel}
      size="sm"
      className="mfa-dialog"
      testId="mfa-dialog"
      footer={
        <>
          {total > 1 ? (
            <span className="mfa-dialog__queue dialog__footer-start">
              Prompt {position} of {total}
            </span>
          ) : null}
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" aria-disabled={checking || undefined}>
            {checking ? 'Checking…' : 'Send code'}
          </button>
        </>
      }
    >
      <form id={formId} className="mfa-form" onSubmit={onSubmit} noValidate>
        <dl className="mfa-facts">
          <div>
            <dt>Device</dt>
            <dd title={prompt.deviceSerial}>{deviceText(prompt.deviceSerial)}</dd>
          </div>
          <div>
            <dt>Waiting</dt>
            <dd data-testid="mfa-waiting">{waitingText(prompt.waiting)}</dd>
          </div>
        </dl>
        {problem || failure ? (
          <p id={problemId} className="mfa-form__problem" role="alert" data-testid="mfa-problem">
            {failure ?? problem}
          </p>
        ) : null}
        <label htmlFor={inputId} className="mfa-form__label">
          6-digit code
        </label>
        <input
          ref={code.ref}
          id={inputId}
          className="input mfa-form__code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          spellCheck={false}
          // Focused by the dialog when it opens (data-autofocus) and by React on mount.
          autoFocus
          data-autofocus
          readOnly={checking}
          onChange={onChange}
          aria-describedby={describedBy}
          aria-invalid={problem || failure ? true : undefined}
        />
        <p id={hintId} className="mfa-form__hint" aria-live="polite">
          {checking ? 'Checking the code with AWS…' : 'Sends by itself at the sixth digit. Esc cancels.'}
        </p>
      </form>
    </Dialog>
  );
}
