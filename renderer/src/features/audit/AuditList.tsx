import { useState, type ReactElement } from 'react';
import type { AuditEntryView } from '../../../../shared/domain/audit';
import { VirtualListbox } from '../../ui/VirtualListbox';
import { formatAuditTime } from './audit-format';

const ROW_HEIGHT = 56;

interface Row {
  key: string;
  entry: AuditEntryView;
}

/** The entries, newest first, in a virtual list: a year of credential_process calls costs only the rows in view. */
export function AuditList({ rows }: { rows: readonly Row[] }): ReactElement {
  const [activeKey, setActiveKey] = useState<string | null>(null);
  return (
    <VirtualListbox
      items={rows}
      itemKey={(row) => row.key}
      itemHeight={() => ROW_HEIGHT}
      optionKey={(row) => row.key}
      optionId={(key) => `audit-entry-${key}`}
      activeKey={activeKey}
      onActiveChange={setActiveKey}
      label="Audit entries, newest first"
      className="audit-list"
      testId="audit-entries"
      renderItem={({ key, entry }, { active, select }) => (
        <div
          id={`audit-entry-${key}`}
          role="option"
          aria-selected={active}
          className={`audit-row${active ? ' audit-row--active' : ''}${entry.result === 'failed' ? ' audit-row--failed' : ''}`}
          onClick={select}
          data-action={entry.action}
        >
          <span className="audit-row__time">{formatAuditTime(entry.at)}</span>
          <span className="audit-row__what">
            <span className="audit-row__head">
              <span className="audit-row__action">{entry.action}</span> <span className="audit-row__profile">{entry.profileName ?? entry.profileId ?? ''}</span>
              {entry.customer ? <span className="audit-row__customer"> · {entry.customer}</span> : null}
            </span>
            <span className="audit-row__detail" title={entry.identity}>
              {entry.detail ?? entry.identity ?? ''}
            </span>
          </span>
          <span className={entry.result === 'failed' ? 'badge audit-badge--failed' : 'badge badge--ok'}>{entry.result === 'failed' ? 'failed' : 'ok'}</span>
        </div>
      )}
    />
  );
}
