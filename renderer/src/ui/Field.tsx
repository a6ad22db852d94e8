import { useId, useLayoutEffect, type ReactElement, type ReactNode } from 'react';
import { claimFocus } from './field-focus';
import './forms.css';

/** What a field hands its control so the label, hint and error are tied to it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

interface FieldProps {
  label: ReactNode;
  /** The control's id; a generated one when absent. */
  id?: string;
  /** Always shown under the control: the rule or an example. */
  hint?: ReactNode;
  /** The validation message; read out when it appears (aria-live) and when the control is focused. */
  error?: string | null | undefined;
  required?: boolean;
  /** Something beside the control (a Generate button). */
  addon?: ReactNode;
  /**
   * The form's last refused submit (ui/field-focus): with an error, the first such field takes focus
   * and scrolls into view with its message.
   */
  focusRequest?: number | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactElement;
}

/**
 * A labelled form control with its hint and error. The error sits in a live region that is always
 * there, so a message that appears on blur is announced, and the control points at it with
 * aria-describedby and aria-invalid. After a refused submit (`focusRequest`), the first field with
 * an error takes focus.
 */
export function Field({ label, id: givenId, hint, error, required, addon, className, focusRequest, children }: FieldProps): ReactElement {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  useLayoutEffect(() => {
    if (error) claimFocus(focusRequest, document.getElementById(id));
  }, [focusRequest, error, id]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const control: FieldControlProps = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(required ? { 'aria-required': true as const } : {}),
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span className="field__required"> (required)</span> : null}
      </label>
      <div className={addon ? 'field__row' : undefined}>
        {children(control)}
        {addon}
      </div>
      <p id={errorId} className="field__error" aria-live="polite">
        {error ?? ''}
      </p>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
