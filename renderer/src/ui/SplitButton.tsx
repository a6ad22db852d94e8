import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import './menu.css';
import { Icon } from './Icon';

export interface MenuEntry {
  id: string;
  label: string;
  /** Shown beside the label, not read out (a glimpse of what the entry produces). */
  aside?: string;
  /** Marks the entry the main button uses: a check mark, and "(default)" for screen readers. */
  current?: boolean;
}

interface SplitButtonProps {
  /** The main button's content; its action is `onClick`. */
  children: ReactNode;
  onClick: () => void;
  /** The menu button's accessible name, and the menu's ("Copy acme-prod as…"). */
  menuLabel: string;
  entries: readonly MenuEntry[];
  onSelect: (id: string) => void;
  /**
   * While an action runs, both halves stay focusable but inert (aria-disabled): focus must not
   * fall to the page if an MFA prompt opens and closes meanwhile.
   */
  busy?: boolean;
  className?: string;
}

/** Where the arrow keys, Home and End move in a menu of `count` entries; wraps at the ends. */
export function nextMenuIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Type-ahead: the next entry after `index` whose label starts with `char`, if any. A leading
 * punctuation mark is optional, so both "." and "e" find ".env file".
 */
export function typeaheadIndex(labels: readonly string[], char: string, index: number): number | null {
  const wanted = char.toLowerCase();
  for (let step = 1; step <= labels.length; step += 1) {
    const candidate = (index + step) % labels.length;
    const label = labels[candidate]?.toLowerCase() ?? '';
    if (label.startsWith(wanted) || label.replace(/^\W+/, '').startsWith(wanted)) return candidate;
  }
  return null;
}

/**
 * A button with a menu of alternatives beside it, after the WAI-ARIA menu button pattern: the
 * arrow button has aria-haspopup and aria-expanded; Enter, Space or ↓ open the menu on its first
 * entry (↑ on its last); ↑ ↓ Home End and a letter move; Enter or Space choose; Esc closes and
 * focus returns to the arrow button, as it does after a choice. Tab or a click elsewhere closes it.
 */
export function SplitButton({ children, onClick, menuLabel, entries, onSelect, busy = false, className }: SplitButtonProps): ReactElement {
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const menuId = useId();
  const toggleId = useId();

  const openAt = (index: number): void => {
    setFocusIndex(index);
    setOpen(true);
  };

  const close = (returnFocus: boolean): void => {
    setOpen(false);
    if (returnFocus) toggleRef.current?.focus();
  };

  // Focus follows the active entry while the menu is open.
  useEffect(() => {
    if (open) itemRefs.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  // A press anywhere outside closes the menu without moving focus.
  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const choose = (id: string): void => {
    close(true);
    onSelect(id);
  };

  const onToggleKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    // Enter and Space arrive as a click, which opens the menu on its first entry.
    if (busy) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(entries.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      // Inside a dialog, Esc closes the menu, not the dialog.
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key === 'Tab') {
      // Focus moves on to the next control as Tab would; the menu just goes away.
      setOpen(false);
      return;
    }
    const moved = nextMenuIndex(event.key, focusIndex, entries.length);
    if (moved !== null) {
      event.preventDefault();
      setFocusIndex(moved);
      return;
    }
    if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const found = typeaheadIndex(
        entries.map((entry) => entry.label),
        event.key,
        focusIndex,
      );
      if (found !== null) {
        event.preventDefault();
        setFocusIndex(found);
      }
    }
  };

  return (
    <div
      ref={rootRef}
      className={`split-button${open ? ' is-open' : ''}${className ? ` ${className}` : ''}`}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== null) setOpen(false);
      }}
    >
      <button
        type="button"
        className="button split-button__main"
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        onClick={() => {
          setOpen(false);
          if (!busy) onClick();
        }}
      >
        {children}
      </button>
      <button
        ref={toggleRef}
        id={toggleId}
        type="button"
        className="button split-button__toggle"
        aria-label={menuLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (busy) return;
          if (open) close(false);
          else openAt(0);
        }}
        onKeyDown={onToggleKeyDown}
      >
        <Icon name="chevron-down" className="split-button__chevron" />
      </button>
      {open ? (
        <div id={menuId} className="menu" role="menu" aria-labelledby={toggleId} onKeyDown={onMenuKeyDown}>
          {entries.map((entry, index) => (
            <button
              key={entry.id}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`menu__item${entry.current ? ' is-current' : ''}`}
              onClick={() => choose(entry.id)}
              onMouseMove={() => {
                if (focusIndex !== index) setFocusIndex(index);
              }}
            >
              <Icon name={entry.current ? 'check' : 'blank'} className="menu__check" />
              <span className="menu__label">
                {entry.label}
                {entry.current ? <span className="visually-hidden"> (default)</span> : null}
              </span>
              {entry.aside ? (
                <span className="menu__aside" aria-hidden="true">
                  {entry.aside}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
