import type { ReactElement } from 'react';
import type { OnboardingView } from '../../../../shared/domain/onboarding-view';
import { Swatch } from '../../ui/Swatch';
import { VirtualListbox } from '../../ui/VirtualListbox';
import { dayText, statusBadge, statusWords, whenText } from './onboarding-format';

/* Must equal .crow's height in onboarding.css. */
const ROW_HEIGHT = 48;

export function customerOptionId(customerId: string): string {
  return `customer-option-${customerId}`;
}

function roleText(view: OnboardingView): string {
  return view.roleArn ?? (view.setup ? `${view.setup.roleName} (not created yet)` : 'no setup yet');
}

interface CustomerListProps {
  customers: readonly OnboardingView[];
  activeId: string | null;
  onActiveChange: (customerId: string) => void;
}

/** Every customer with where its onboarding stands; a listbox, so it scales to hundreds and works by keyboard. */
export function CustomerList({ customers, activeId, onActiveChange }: CustomerListProps): ReactElement {
  return (
    <VirtualListbox
      items={customers}
      itemKey={(view) => view.customerId}
      itemHeight={() => ROW_HEIGHT}
      optionKey={(view) => view.customerId}
      optionId={customerOptionId}
      activeKey={activeId}
      onActiveChange={onActiveChange}
      label="Customers"
      className="customer-list"
      testId="customer-list"
      renderItem={(view, { active, select }) => (
        <div
          id={customerOptionId(view.customerId)}
          role="option"
          aria-selected={active}
          aria-label={`${view.customerName}: ${statusWords(view.status)}${view.lastVerifiedAt !== undefined ? `, last verified ${whenText(view.lastVerifiedAt)}` : ''}`}
          className={active ? 'crow is-active' : 'crow'}
          data-customer={view.customerName}
          onMouseDown={(event) => event.preventDefault()}
          onClick={select}
        >
          <span className="crow__name">
            <Swatch color={view.color} size={10} />
            <span className="crow__name-text">{view.customerName}</span>
          </span>
          <span className="crow__status">
            <span className={statusBadge(view.status)} data-testid="customer-status">
              {statusWords(view.status)}
            </span>
          </span>
          <span className="crow__role" title={roleText(view)}>
            {roleText(view)}
          </span>
          <span className="crow__when" title={view.lastVerifiedAt !== undefined ? `Last verified ${whenText(view.lastVerifiedAt)}` : 'Never verified'}>
            {view.lastVerifiedAt !== undefined ? dayText(view.lastVerifiedAt) : '—'}
          </span>
        </div>
      )}
    />
  );
}
