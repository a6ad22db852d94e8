import { useState, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { KeyList } from './KeyList';

interface KeysPanelProps {
  keys: readonly CloudFrontKey[];
  onImport: () => void;
  onGenerate: () => void;
  onExport: (key: CloudFrontKey) => void;
  /** For a key CloudFront does not have yet (no key ID). */
  onUpload: (key: CloudFrontKey) => void;
  onRemove: (key: CloudFrontKey) => void;
}

/** The keys per customer, with Import and Generate, and Export / Remove for the key in focus. */
export function KeysPanel({ keys, onImport, onGenerate, onExport, onUpload, onRemove }: KeysPanelProps): ReactElement {
  const [chosenId, setActiveId] = useState<string | null>(null);
  // The first key until one is chosen, and again when the chosen one is removed.
  const active = keys.find((key) => key.id === chosenId) ?? keys[0] ?? null;
  const activeId = active?.id ?? null;
  return (
    <section className="panel" aria-labelledby="cf-keys-title" data-testid="cf-keys">
      <div className="cf-panel-head">
        <h2 id="cf-keys-title" className="panel__title">
          Signing keys
        </h2>
        <div className="cf-actions">
          <Button onClick={onImport}>
            <Icon name="plus" /> Import
          </Button>
          <Button onClick={onGenerate}>Generate</Button>
        </div>
      </div>
      {keys.length === 0 ? (
        <p className="muted">
          No keys yet. Sign CloudFront URLs and cookies with a key kept in your OS keychain: import the private key of a key pair, or generate a new pair and
          upload it to a key group.
        </p>
      ) : (
        <>
          <KeyList keys={keys} activeId={activeId} onActiveChange={setActiveId} onRemove={onRemove} />
          <div className="cf-actions">
            {active && active.keyPairId === undefined ? <Button onClick={() => onUpload(active)}>Upload to CloudFront…</Button> : null}
            <Button disabled={!active} onClick={() => active && onExport(active)}>
              <Icon name="download" /> Export public key
            </Button>
            <Button variant="danger" disabled={!active} onClick={() => active && onRemove(active)}>
              Remove{active ? ` ${active.label}` : ''}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
