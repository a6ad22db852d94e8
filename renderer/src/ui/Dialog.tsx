import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import './dialog.css';
import { Icon } from './Icon';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((element) => element.getClientRects().length > 0);
}

interface DialogProps {
  title: string;
  /** Esc, the close button and Cancel all call this; the parent unmounts the dialog. */
  onClose: () => void;
  children: ReactNode;
  /**
   * Buttons at the bottom; a form puts its submit button here with `form=` pointing at itself. As a
   * function it gets the guarded close for its Cancel button (see `unsaved`).
   */
  footer?: ReactNode | ((close: () => void) => ReactNode);
  /**
   * Whether closing now would throw away what the person typed. When it says yes, Esc, the close
   * button and Cancel first ask (Keep editing / Discard) instead of closing.
   */
  unsaved?: () => boolean;
  /** One line under the title, read out with the title when the dialog opens. */
  description?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Extra class on the <dialog> (the palette styles itself). */
  className?: string;
  /** A test id for the <dialog>. */
  testId?: string;
  /** No visible header: the title is only for assistive technology (the palette). */
  bare?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert and
 * puts the dialog in the top layer, Esc arrives as a `cancel` event, and no library is needed. On
 * top of that, Tab wraps inside the dialog (an Electron window has no browser UI to tab out to,
 * but a browser does), and focus returns to where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children, footer, unsaved, description, size = 'md', className, testId, bare = false }: DialogProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  const unsavedRef = useRef(unsaved);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
    unsavedRef.current = unsaved;
  });
  // One close for Esc, the × button and Cancel: asks first when there is something to lose.
  const confirmingRef = useRef(false);
  confirmingRef.current = confirming;
  const requestClose = useCallback(() => {
    if (confirmingRef.current) setConfirming(false);
    else if (unsavedRef.current?.()) setConfirming(true);
    else onCloseRef.current();
  }, []);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Focus what the content asked for, else the first field, else the dialog itself.
    const target = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(dialog.querySelector('.dialog__body') ?? dialog)[0];
    (target ?? dialog).focus();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected && (document.activeElement === document.body || !document.activeElement?.isConnected || dialog.contains(document.activeElement))) {
        previous.focus();
      }
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    // Esc: the browser would close the dialog behind React's back; let the parent decide.
    const onCancel = (event: Event): void => {
      event.preventDefault();
      requestClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [requestClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = focusables(ref.current);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={onKeyDown}
      data-testid={testId}
      tabIndex={-1}
    >
      {bare ? (
        <h2 id={titleId} className="visually-hidden">
          {title}
        </h2>
      ) : (
        <div className="dialog__header">
          <div>
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="dialog__description">
                {description}
              </p>
            ) : null}
          </div>
          <button type="button" className="icon-button" onClick={requestClose} aria-label="Close">
            <Icon name="close" />
          </button>
        </div>
      )}
      <div className={bare ? 'dialog__body dialog__body--bare' : 'dialog__body'}>{children}</div>
      {confirming ? (
        <div className="dialog__footer dialog__footer--confirm" role="group" aria-labelledby={`${titleId}-discard`}>
          <p id={`${titleId}-discard`} className="dialog__confirm-text" role="alert">
            Discard what you typed in this form?
          </p>
          <button type="button" className="button" ref={keepRef} onClick={() => setConfirming(false)}>
            Keep editing
          </button>
          <button type="button" className="button button--danger" onClick={() => onCloseRef.current()}>
            Discard
          </button>
        </div>
      ) : footer ? (
        <div className="dialog__footer">{typeof footer === 'function' ? footer(requestClose) : footer}</div>
      ) : null}
    </dialog>
  );
}
