import type { ButtonHTMLAttributes, ReactElement } from 'react';
import './forms.css';

type Variant = 'default' | 'primary' | 'danger' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Shows a busy label and disables the button while an action runs. */
  busy?: boolean;
}

/** The `.button` styles as a component; `type` defaults to "button" so nothing submits by accident. */
export function Button({ variant = 'default', busy = false, className, type = 'button', disabled, children, ...rest }: ButtonProps): ReactElement {
  const classes = ['button', variant === 'default' ? null : `button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}
