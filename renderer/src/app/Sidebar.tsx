import { useRef, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { Icon } from '../ui/Icon';
import { hashFor, SECTIONS, shortcutLabel, type SectionId } from './sections';

interface SidebarProps {
  current: SectionId;
  isMac: boolean;
  /** Under the sections (the command palette's button); after them in Tab order too. */
  footer?: ReactNode;
}

/**
 * Every section is an ordinary link (Tab reaches each one); Up/Down/Home/End also move between
 * them, like the list it looks like.
 */
export function Sidebar({ current, isMac, footer }: SidebarProps): ReactElement {
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const links = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? []);
    const index = links.findIndex((link) => link === document.activeElement);
    if (index === -1) return;
    let next: number;
    if (event.key === 'ArrowDown') next = (index + 1) % links.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + links.length) % links.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = links.length - 1;
    else return;
    event.preventDefault();
    links[next]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Sections">
      <ul className="sidebar__list" ref={listRef} onKeyDown={onKeyDown}>
        {SECTIONS.map((section, index) => {
          const active = section.id === current;
          return (
            <li key={section.id}>
              <a
                href={hashFor(section.id)}
                className={active ? 'sidebar__link is-active' : 'sidebar__link'}
                aria-current={active ? 'page' : undefined}
                aria-keyshortcuts={isMac ? `Meta+${index + 1}` : `Control+${index + 1}`}
                // A tooltip for the narrow, icons-only sidebar.
                title={`${section.label} (${shortcutLabel(index, isMac)})`}
              >
                <Icon name={section.id} />
                <span className="sidebar__label">{section.label}</span>
                <kbd className="sidebar__shortcut" aria-hidden="true">
                  {shortcutLabel(index, isMac)}
                </kbd>
              </a>
            </li>
          );
        })}
        {footer ? <li className="sidebar__footer">{footer}</li> : null}
      </ul>
    </nav>
  );
}
