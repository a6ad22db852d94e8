import type { ReactElement } from 'react';

/** A form's own failure (not one field's), announced when it appears; nothing when there is none. */
export function FormError({ message }: { message: string | null | undefined }): ReactElement | null {
  return message ? (
    <p className="form__error" role="alert">
      {message}
    </p>
  ) : null;
}
