import type { ReactElement } from 'react';
import { Button } from './Button';

interface ConfirmFooterProps {
  /** The confirming button's words, and its words while the action runs. */
  label: string;
  busyLabel: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * The footer of a dialog that confirms something that cannot be undone: Cancel, focused first so
 * Enter never destroys by accident, and the danger button that does it.
 */
export function ConfirmFooter({ label, busyLabel, busy, onCancel, onConfirm }: ConfirmFooterProps): ReactElement {
  return (
    <>
      <Button onClick={onCancel} data-autofocus>
        Cancel
      </Button>
      <Button variant="danger" busy={busy} onClick={onConfirm}>
        {busy ? busyLabel : label}
      </Button>
    </>
  );
}
