import { useState, type ReactElement } from 'react';
import { Button } from './Button';
import { Icon } from './Icon';

interface CopyButtonProps {
  /** What is copied; never a secret (secrets are copied by the main side, concealed). */
  text: string;
  /** The button's accessible name: "Copy signed URL". */
  label: string;
  /** Visible text; "Copy" when absent. */
  children?: string;
}

/**
 * Copies text that is not a secret (a stack output, a signed URL, a curl line) with the page's own
 * clipboard access. When the browser refuses (no permission, no focus), it says how to copy by hand
 * instead of failing silently.
 */
export function CopyButton({ text, label, children = 'Copy' }: CopyButtonProps): ReactElement {
  const [state, setState] = useState<'copied' | 'select' | null>(null);
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('select'),
    );
  };
  return (
    <span className="copy-button">
      <Button onClick={copy} aria-label={label}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} /> {state === 'copied' ? 'Copied' : children}
      </Button>
      {state === 'select' ? <span className="copy-button__hint">Select the text and press Ctrl+C.</span> : null}
    </span>
  );
}
