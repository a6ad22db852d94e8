import { useEffect, useRef, type ReactElement } from 'react';
import { claimFocus } from '../../ui/field-focus';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

/**
 * The footer both profile forms share: Remove… (when editing), Cancel, and the submit button,
 * which says what it will do ("Add role", "Save changes") and "Saving…" while it works.
 */
export function ProfileFormFooter<P extends ProfileView>({
  existing,
  onRemove,
  onClose,
  formId,
  busy,
  addLabel,
  blocked = false,
}: {
  existing: P | undefined;
  onRemove: ((profile: ProfileView) => void) | undefined;
  onClose: () => void;
  formId: string;
  busy: boolean;
  addLabel: string;
  /** The form cannot be sent now (the keychain cannot keep its secret); a note in the form says why. */
  blocked?: boolean;
}): ReactElement {
  return (
    <>
      {existing && onRemove ? (
        <Button variant="danger" className="dialog__footer-start" onClick={() => onRemove(existing)}>
          Remove…
        </Button>
      ) : null}
      <Button onClick={onClose}>Cancel</Button>
      <Button type="submit" form={formId} variant="primary" busy={busy} aria-disabled={blocked || undefined}>
        {busy ? 'Saving…' : existing ? 'Save changes' : addLabel}
      </Button>
    </>
  );
}

/**
 * The main side's refusal that belongs to no one field, above the form. After a refused submit it
 * takes focus (and scrolls into view) unless a field with its own message took it first.
 */
export function FormError({ message, focusRequest }: { message: string | null | undefined; focusRequest?: number | undefined }): ReactElement | null {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) claimFocus(focusRequest, ref.current);
  }, [focusRequest, message]);
  return message ? (
    <p className="form__error" role="alert" tabIndex={-1} ref={ref}>
      {message}
    </p>
  ) : null;
}

/**
 * The customer label, with the labels already in use offered as suggestions: one customer spelt
 * one way keeps the list grouped.
 */
export function LabelField({
  id,
  error,
  hint,
  labels,
  listId,
  input,
  focusRequest,
}: {
  id: string;
  error: string | null | undefined;
  hint: string;
  labels: readonly string[];
  listId: string;
  /** value, onChange and onBlur from the form. */
  input: { value: string; onChange: (event: { currentTarget: { value: string } }) => void; onBlur: () => void };
  focusRequest?: number | undefined;
}): ReactElement {
  return (
    <Field id={id} label="Label" error={error ?? null} hint={hint} focusRequest={focusRequest}>
      {(control) => (
        <>
          <input {...control} {...input} className="input" autoComplete="off" list={listId} />
          <datalist id={listId}>
            {labels.map((label) => (
              <option key={label} value={label} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
