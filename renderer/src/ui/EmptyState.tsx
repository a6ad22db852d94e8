import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children: ReactNode;
  /** What the section will let you do, one short line each. */
  plans?: readonly string[];
  /** The line at the bottom; null for a section that works and only has nothing yet. */
  note?: string | null;
}

/**
 * What a section shows before it has anything to list. It says plainly what will appear here and
 * offers no buttons that do not work yet.
 */
export function EmptyState({ icon, title, children, plans, note = 'Not available in this build yet.' }: EmptyStateProps): ReactElement {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <div className="empty-state__icon">
        <Icon name={icon} />
      </div>
      <h2 id="empty-state-title" className="empty-state__title">
        {title}
      </h2>
      <div className="empty-state__body">{children}</div>
      {plans && plans.length > 0 ? (
        <ul className="empty-state__plans" aria-label="What you will do here">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
      ) : null}
      {note === null ? null : <p className="empty-state__note">{note}</p>}
    </section>
  );
}
