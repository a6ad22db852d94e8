import { useEffect, useId, useState, type ReactElement } from 'react';
import type { ImportPreviewView } from '../../../../shared/domain/import-preview';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import PlaintextKeysPanel from './PlaintextKeysPanel';
import { chainText, humanDuration } from './profile-format';
import { FormError } from '../../ui/FormError';

type ApplyResult = { created: string[]; skipped: ImportPreviewView['skipped'] };

export interface ImportDialogProps {
  onClose: () => void;
  /** After an import created something: the list reloads. */
  onImported: (created: readonly string[]) => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Import from ~/.aws: a preview of what would be created and what is skipped (and why) before
 * anything changes, then Apply. The files are only read; "Copy keys into the keychain" decides
 * whether profiles with static keys become IAM users with their secret in the keychain.
 */
export default function ImportDialog({ onClose, onImported }: ImportDialogProps): ReactElement {
  const moveKeysId = useId();
  const [moveKeys, setMoveKeys] = useState(false);
  const { remote: preview } = useRemote(() => getApi().profiles.importPreview({ moveKeys }), [moveKeys]);
  const [applying, setApplying] = useState(false);
  const [result, setResult] = useState<ApplyResult | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);

  const doneId = useId();
  useEffect(() => {
    // The Apply button the user pressed is gone; keep focus in the dialog, on Done.
    if (result) document.getElementById(doneId)?.focus();
  }, [result, doneId]);

  const apply = async (): Promise<void> => {
    setApplying(true);
    setApplyError(null);
    try {
      const value = await getApi().profiles.importApply({ moveKeys });
      setResult(value);
      if (value.created.length > 0) onImported(value.created);
    } catch (error) {
      setApplyError(messageOf(error));
    } finally {
      setApplying(false);
    }
  };

  const creates = preview.state === 'loaded' ? preview.value.create : [];
  const users = creates.filter((entry) => entry.kind === 'iam-user');
  const roles = creates.filter((entry) => entry.kind === 'role');

  const footer = result ? (
    <Button id={doneId} variant="primary" onClick={onClose}>
      Done
    </Button>
  ) : (
    <>
      <Button onClick={onClose}>Cancel</Button>
      <Button variant="primary" busy={applying} disabled={preview.state !== 'loaded' || creates.length === 0} onClick={() => void apply()}>
        {applying ? 'Importing…' : creates.length > 0 ? `Import ${plural(creates.length, 'profile', 'profiles')}` : 'Nothing to import'}
      </Button>
    </>
  );

  return (
    <Dialog
      title="Import from ~/.aws"
      description="Roledeck reads your AWS config and credentials files as the AWS SDKs do. Importing never changes them; taking plaintext keys off disk is a separate step you confirm."
      onClose={onClose}
      footer={footer}
      size="lg"
      testId="import-dialog"
    >
      {result ? (
        <>
          <div className="import-result" role="status">
            <p className="import-result__title">
              Imported {plural(result.created.length, 'profile', 'profiles')}
              {result.skipped.length > 0 ? `, skipped ${result.skipped.length}` : ''}.
            </p>
            {result.created.length > 0 ? (
              <p>
                Created: <span className="import-list__mono">{result.created.join(', ')}</span>
              </p>
            ) : null}
            {result.skipped.length > 0 ? (
              <ul className="import-list">
                {result.skipped.map((entry) => (
                  <li key={entry.name}>
                    <span className="import-list__mono">{entry.name}</span> — {entry.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {moveKeys ? <PlaintextKeysPanel /> : null}
        </>
      ) : (
        <>
          <div className="checkbox">
            <input id={moveKeysId} type="checkbox" checked={moveKeys} onChange={(event) => setMoveKeys(event.currentTarget.checked)} data-autofocus />
            <div>
              <label htmlFor={moveKeysId} className="checkbox__label">
                Copy keys into the keychain
              </label>
              <p className="field__hint">
                Profiles with an access key become IAM users whose secret is stored in your OS keychain. This copies the
                keys: ~/.aws/credentials keeps its plaintext copy until you remove it (offered after the import). Unticked,
                they are left out, and so are the roles that use them.
              </p>
            </div>
          </div>

          <div aria-live="polite" aria-busy={preview.state === 'loading'}>
            <RemoteView remote={preview} loading="Reading ~/.aws…" failed="Roledeck could not read ~/.aws">
              {(value) => (
                <div className="import-preview" data-testid="import-preview">
                  <dl className="facts import-files">
                    <div className="facts__row">
                      <dt>Config file</dt>
                      <dd className="import-list__mono">{value.files.config}</dd>
                    </div>
                    <div className="facts__row">
                      <dt>Credentials file</dt>
                      <dd className="import-list__mono">{value.files.credentials}</dd>
                    </div>
                  </dl>
                  <p className="import-summary">{value.summary}</p>

                  <section aria-labelledby={`${moveKeysId}-create`}>
                    <h3 id={`${moveKeysId}-create`} className="import-heading">
                      Will be created ({creates.length})
                    </h3>
                    {creates.length === 0 ? <p className="muted">Nothing new to create.</p> : null}
                    {users.length > 0 ? (
                      <ul className="import-list" aria-label="IAM users to create">
                        {users.map((entry) => (
                          <li key={entry.name}>
                            <span className="badge badge--user">IAM user</span> <strong>{entry.name}</strong>{' '}
                            <span className="import-list__mono">{entry.accessKeyIdMasked}</span>
                            {entry.mfaSerial ? <span className="badge badge--mfa">MFA</span> : null}
                            {entry.region ? <span className="muted"> · {entry.region}</span> : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {roles.length > 0 ? (
                      <ul className="import-list" aria-label="Roles to create">
                        {roles.map((entry) => (
                          <li key={entry.name}>
                            <span className="badge badge--role">Role</span> <strong>{entry.name}</strong>{' '}
                            <span className="muted">{chainText(entry.chain)}</span>
                            <div className="import-list__detail">
                              <span className="import-list__mono">{entry.roleArn}</span>
                              {entry.externalId ? ' · ExternalId' : ''}
                              {entry.mfaSerial ? ' · MFA' : ''}
                              {entry.durationSeconds ? ` · ${humanDuration(entry.durationSeconds)}` : ''}
                              {entry.sourceIsExisting ? ` · source ${entry.source} already in Roledeck` : ''}
                            </div>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </section>

                  <section aria-labelledby={`${moveKeysId}-skip`}>
                    <h3 id={`${moveKeysId}-skip`} className="import-heading">
                      Skipped ({value.skipped.length})
                    </h3>
                    {value.skipped.length === 0 ? (
                      <p className="muted">Nothing is skipped.</p>
                    ) : (
                      <ul className="import-list" aria-label="Skipped profiles">
                        {value.skipped.map((entry) => (
                          <li key={entry.name}>
                            <strong>{entry.name}</strong> <span className="muted">— {entry.reason}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                </div>
              )}
            </RemoteView>
          </div>
          <FormError message={applyError} />
        </>
      )}
    </Dialog>
  );
}
