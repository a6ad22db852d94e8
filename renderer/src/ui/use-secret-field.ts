import { useMemo, useRef, type RefObject } from 'react';

/** An uncontrolled field for a secret: the page reads it when it needs it and clears it itself. */
export interface SecretField<T extends HTMLInputElement | HTMLTextAreaElement> {
  /** For the control's `ref`; the control gets no `value` or `defaultValue`. */
  ref: RefObject<T | null>;
  /** What the field holds now ('' when it is not on the page). */
  read: () => string;
  /** Replaces what the field holds: '' clears it, a picked file fills it. */
  write: (value: string) => void;
}

/**
 * A secret typed into the page (an MFA code, a private key, its passphrase) stays out of the
 * markup only if React never owns its value: React mirrors a controlled input's value into the
 * `value` attribute and a controlled textarea's into its text, where a DOM snapshot, an extension
 * or a crash report reads it. So the field is uncontrolled and handled through its element, the
 * way deploy's NoEcho parameters are (ParameterField).
 */
export function useSecretField<T extends HTMLInputElement | HTMLTextAreaElement>(): SecretField<T> {
  const ref = useRef<T>(null);
  return useMemo(
    () => ({
      ref,
      read: () => ref.current?.value ?? '',
      write: (value: string) => {
        if (ref.current) ref.current.value = value;
      },
    }),
    [],
  );
}
