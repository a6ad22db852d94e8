import { useMemo, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import { VirtualListbox } from '../../ui/VirtualListbox';
import { formatDay, keyIdText, keyListItems, lastUsed, type KeyListItem } from './cloudfront-format';

const HEIGHT = { heading: 32, key: 64 } as const;
const optionId = (id: string): string => `cf-key-${id}`;

interface KeyListProps {
  keys: readonly CloudFrontKey[];
  activeId: string | null;
  onActiveChange: (id: string) => void;
  /** Delete on a key asks to remove it. */
  onRemove: (key: CloudFrontKey) => void;
}

/** The stored keys, grouped per customer: label, key ID, fingerprint, created, last used. */
export function KeyList({ keys, activeId, onActiveChange, onRemove }: KeyListProps): ReactElement {
  const items = useMemo(() => keyListItems(keys), [keys]);
  return (
    <VirtualListbox<KeyListItem>
      items={items}
      label="CloudFront signing keys"
      testId="cf-key-list"
      className="cf-keys"
      itemKey={(item) => (item.kind === 'heading' ? `h:${item.customer}` : item.key.id)}
      itemHeight={(item) => HEIGHT[item.kind]}
      optionKey={(item) => (item.kind === 'key' ? item.key.id : null)}
      groupOf={(item) => ({ key: item.customer, label: `${item.customer}’s keys` })}
      optionId={optionId}
      activeKey={activeId}
      onActiveChange={onActiveChange}
      onOptionKey={(key, item) => {
        if (key !== 'Delete' || item.kind !== 'key') return false;
        onRemove(item.key);
        return true;
      }}
      renderItem={(item, { active, select }) =>
        item.kind === 'heading' ? (
          <div className="cf-keys__heading" aria-hidden="true">
            {item.customer}
          </div>
        ) : (
          <div id={optionId(item.key.id)} role="option" aria-selected={active} className={`cf-keys__row${active ? ' cf-keys__row--active' : ''}`} onClick={select}>
            <span className="cf-keys__label">{item.key.label}</span>
            <span className="cf-keys__id">{keyIdText(item.key)}</span>
            <span className="cf-keys__meta">
              {item.key.fingerprint.slice(0, 23)}… · created {formatDay(item.key.createdAt)} · {lastUsed(item.key)}
            </span>
          </div>
        )
      }
    />
  );
}
