import { useMemo, useState, type ReactElement } from 'react';
import type { AuditEntryView } from '../../../../shared/domain/audit';
import { matchesAuditFilter, type AuditFilter } from '../../../../shared/logic/audit-export';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { downloadText } from '../onboarding/download';
import { auditKey, choicesOf } from './audit-format';
import './audit.css';
import { AuditList } from './AuditList';
import { ChainStatus } from './ChainStatus';

type Choice = 'action' | 'profile' | 'customer' | 'result';

const ANY = '';

function filterOf(choices: Record<Choice, string>, text: string): AuditFilter {
  return {
    ...(choices.action ? { action: choices.action } : {}),
    ...(choices.profile ? { profile: choices.profile } : {}),
    ...(choices.customer ? { customer: choices.customer } : {}),
    ...(choices.result === 'ok' || choices.result === 'failed' ? { result: choices.result } : {}),
    ...(text.trim() ? { text } : {}),
  };
}

/**
 * The audit log: who did what, when, and whether it worked — filterable by action, profile,
 * customer, result and any words, with the hash chain's state on top and exports of what the
 * filter shows (JSON Lines, CSV). Nothing here can change the log.
 */
export function AuditSection(): ReactElement {
  const entries = useRemote(async () => {
    const api = getApi();
    // The log does not need the store: a store that cannot be read only costs the names.
    const [{ entries: found }, { profiles }] = await Promise.all([api.audit.list({}), api.profiles.list().catch(() => ({ profiles: [] }))]);
    // Entries that name the profile by id only (deploys, older entries) show its current name.
    const names = new Map(profiles.map((profile) => [profile.id, profile.name]));
    return found.map((entry) => {
      const name = entry.profileName ?? (entry.profileId === undefined ? undefined : names.get(entry.profileId));
      return name === undefined ? entry : { ...entry, profileName: name };
    });
  }, []);
  const chain = useRemote(() => getApi().audit.verify(), []);
  const [choices, setChoices] = useState<Record<Choice, string>>({ action: ANY, profile: ANY, customer: ANY, result: ANY });
  const [text, setText] = useState('');
  const [exporting, setExporting] = useState<'jsonl' | 'csv' | null>(null);
  const [exportNote, setExportNote] = useState('');

  const all: AuditEntryView[] = entries.remote.state === 'loaded' ? entries.remote.value : [];
  const filter = useMemo(() => filterOf(choices, text), [choices, text]);
  const rows = useMemo(
    () =>
      all
        .map((entry, index) => ({ key: auditKey(entry, index), entry }))
        .filter(({ entry }) => matchesAuditFilter(entry, filter))
        .reverse(),
    [all, filter],
  );
  const options = useMemo(
    () => ({
      action: choicesOf(all, (entry) => entry.action),
      profile: choicesOf(all, (entry) => entry.profileName ?? entry.profileId),
      customer: choicesOf(all, (entry) => entry.customer),
      result: ['ok', 'failed'],
    }),
    [all],
  );

  const exportAs = async (format: 'jsonl' | 'csv'): Promise<void> => {
    setExporting(format);
    try {
      const file = await getApi().audit.export({ format, filter });
      downloadText(file.fileName, file.content, file.mediaType);
      setExportNote(`Saved ${file.count.toLocaleString('en-US')} ${file.count === 1 ? 'entry' : 'entries'} as ${file.fileName}.`);
    } catch (error) {
      setExportNote(`The export failed: ${error instanceof Error ? error.message : String(error)}. Try again.`);
    } finally {
      setExporting(null);
    }
  };

  const select = (choice: Choice, label: string): ReactElement => (
    <label className="audit-filter">
      <span className="field-label">{label}</span>
      <select className="input" value={choices[choice]} onChange={(event) => setChoices({ ...choices, [choice]: event.target.value })}>
        <option value={ANY}>Any</option>
        {options[choice].map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="audit">
      <section className="panel" aria-labelledby="audit-chain-title">
        <h2 id="audit-chain-title" className="panel__title">
          Integrity
        </h2>
        <ChainStatus report={chain.remote} onVerify={() => void chain.reload()} />
      </section>
      <section className="panel" aria-labelledby="audit-entries-title">
        <header className="audit__toolbar">
          <h2 id="audit-entries-title" className="panel__title">
            What Roledeck did
          </h2>
          <div className="audit__actions">
            <Button onClick={() => void exportAs('jsonl')} busy={exporting === 'jsonl'} disabled={rows.length === 0}>
              Export JSON Lines
            </Button>
            <Button onClick={() => void exportAs('csv')} busy={exporting === 'csv'} disabled={rows.length === 0}>
              Export CSV
            </Button>
          </div>
        </header>
        <div className="audit__filters" role="search" aria-label="Filter the audit log">
          {select('action', 'Action')}
          {select('profile', 'Profile')}
          {select('customer', 'Customer')}
          {select('result', 'Result')}
          <label className="audit-filter audit-filter--text">
            <span className="field-label">Words</span>
            <input className="input" type="search" value={text} placeholder="role, stack, detail…" onChange={(event) => setText(event.target.value)} />
          </label>
        </div>
        <p className="muted audit__count" aria-live="polite">
          {exportNote || (all.length > 0 ? `${rows.length.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} entries` : '')}
        </p>
        <RemoteView remote={entries.remote} loading="Loading the audit log…" failed="Roledeck could not read the audit log" onRetry={() => void entries.reload()}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted">Nothing recorded yet. Assumes, exports, credential_process answers, deploys and profile changes appear here.</p>
            ) : rows.length === 0 ? (
              <p className="muted">No entries match these filters.</p>
            ) : (
              <AuditList rows={rows} />
            )
          }
        </RemoteView>
      </section>
    </div>
  );
}
