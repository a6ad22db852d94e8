import { useCallback, useRef, useState } from 'react';
import type { PlacedErrors } from './form-errors';
import { nextFocusRequest } from '../../ui/field-focus';

/**
 * The state every profile form shares: the values (never the secret: that stays in its input),
 * which fields were left once (their errors show from then on), whether submit was pressed (all
 * errors show), the errors from the last check, and the main side's answer.
 */
export interface FormState<F extends string, V extends string> {
  values: Record<V, string>;
  set: (field: V, value: string) => void;
  /** The error to show for a field now. */
  errorOf: (field: F) => string | undefined;
  /** Called on blur: from now on this field's error shows. */
  touch: (field: F) => void;
  submitted: boolean;
  setSubmitted: (value: boolean) => void;
  /** Stores the result of a check; `validate` is called with the newest values. */
  check: (values?: Record<V, string>) => PlacedErrors<F>;
  server: PlacedErrors<F>;
  setServer: (errors: PlacedErrors<F>) => void;
  /** The last refused submit (ui/field-focus); pass it to every Field and the FormError. */
  focusRequest: number;
  /** A submit was refused: the first field with an error (else the form's message) takes focus. */
  refused: () => void;
}

const NONE = { fields: {}, form: null };

export function useFormState<F extends string, V extends string>(
  initial: Record<V, string>,
  validate: (values: Record<V, string>) => PlacedErrors<F>,
): FormState<F, V> {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<F>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [client, setClient] = useState<PlacedErrors<F>>(NONE);
  const [server, setServer] = useState<PlacedErrors<F>>(NONE);
  const [focusRequest, setFocusRequest] = useState(0);
  const refused = useCallback(() => setFocusRequest(nextFocusRequest()), []);
  const validateRef = useRef(validate);
  validateRef.current = validate;
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const check = useCallback((next?: Record<V, string>) => {
    const placed = validateRef.current(next ?? valuesRef.current);
    setClient(placed);
    return placed;
  }, []);

  const set = useCallback(
    (field: V, value: string) => {
      const next = { ...valuesRef.current, [field]: value };
      valuesRef.current = next;
      setValues(next);
      // A field the main side complained about is the user's to fix now.
      setServer((current) => (field in current.fields ? { ...current, fields: { ...current.fields, [field]: undefined } } : current));
      // Errors already on screen follow the typing, so a fixed field clears at once.
      check(next);
    },
    [check],
  );

  const touch = useCallback(
    (field: F) => {
      setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
      check();
    },
    [check],
  );

  const errorOf = (field: F): string | undefined => server.fields[field] ?? (submitted || touched.has(field) ? client.fields[field] : undefined);

  return { values, set, errorOf, touch, submitted, setSubmitted, check, server, setServer, focusRequest, refused };
}

/** Adds `key` to `target` only when the text is not blank (exactOptionalPropertyTypes-friendly). */
export function optional(target: Record<string, unknown>, key: string, text: string): void {
  const trimmed = text.trim();
  if (trimmed !== '') target[key] = trimmed;
}
