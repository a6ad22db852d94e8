import { useState, type ReactElement } from 'react';
import type { PlaintextKeysPreview, PlaintextKeysResult } from '../../../../shared/domain/plaintext-keys';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/FormError';

/**
 * After an import copied keys into the keychain, the plaintext copy is still in
 * ~/.aws/credentials. This offers to remove it: a confirmation listing the profiles and both
 * files, then the result with the backups. Nothing is removed without the click.
 */
export default function PlaintextKeysPanel(): ReactElement {
  const [asked, setAsked] = useState(false);
  return (
    <section className="plaintext-keys" aria-labelledby="plaintext-keys-title" data-testid="plaintext-keys">
      <h3 id="plaintext-keys-title" className="import-heading">
        Plaintext keys in ~/.aws/credentials
      </h3>
      <p className="muted">
        The import copied the keys: your credentials file still holds them in plaintext. Roledeck can take them out and add a
        credential_process line for the same profile names to your config file, so the AWS CLI and SDKs keep working.
      </p>
      {asked ? <Confirm /> : <Button onClick={() => setAsked(true)}>Remove plaintext keys…</Button>}
    </section>
  );
}

function Confirm(): ReactElement {
  const { remote } = useRemote(() => getApi().profiles.plaintextKeys({}), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PlaintextKeysResult | null>(null);

  const remove = async (plan: PlaintextKeysPreview): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setResult(await getApi().profiles.removePlaintextKeys({ awsProfiles: plan.ready.map((entry) => entry.awsProfile), confirmed: true }));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <div role="status" data-testid="plaintext-keys-result">
        <p>
          Removed the plaintext keys of {result.removed.length} profile{result.removed.length === 1 ? '' : 's'}
          {result.removed.length ? `: ${result.removed.join(', ')}` : ''}.
        </p>
        <KeptList kept={result.kept} />
        {result.backups.credentials ? <p className="muted">Backup of the credentials file, secrets left out: <span className="import-list__mono">{result.backups.credentials}</span></p> : null}
        {result.backups.config ? <p className="muted">Backup of the config file: <span className="import-list__mono">{result.backups.config}</span></p> : null}
      </div>
    );
  }

  return (
    <RemoteView remote={remote} loading="Comparing ~/.aws/credentials with the keychain…" failed="Roledeck could not compare the files with the keychain">
      {(plan) => (
        <div data-testid="plaintext-keys-confirm">
          {plan.ready.length === 0 ? (
            <p>No plaintext keys can be removed: the keychain holds none of the keys in {plan.files.credentials}.</p>
          ) : (
            <>
              <p>
                These profiles lose their key lines in <span className="import-list__mono">{plan.files.credentials}</span>, and gain a
                credential_process line in <span className="import-list__mono">{plan.files.config}</span>. Both files are backed up first.
              </p>
              <ul className="import-list" aria-label="Profiles whose plaintext keys will be removed">
                {plan.ready.map((entry) => (
                  <li key={entry.awsProfile}>
                    <strong>{entry.awsProfile}</strong> <span className="import-list__mono">{entry.accessKeyIdMasked}</span>
                    {entry.mfa ? <span className="badge badge--mfa">MFA</span> : null}
                    <span className="muted"> · served by {entry.user.name}{entry.mfa ? ', one MFA code then a cached session' : ''}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <KeptList kept={plan.kept} />
          {plan.warning ? <p className="field__hint">{plan.warning}</p> : null}
          <FormError message={error} />
          {plan.ready.length > 0 && !plan.warning ? (
            <Button variant="danger" busy={busy} onClick={() => void remove(plan)}>
              {busy ? 'Removing…' : `Remove keys of ${plan.ready.length} profile${plan.ready.length === 1 ? '' : 's'}`}
            </Button>
          ) : null}
        </div>
      )}
    </RemoteView>
  );
}

function KeptList({ kept }: { kept: PlaintextKeysPreview['kept'] }): ReactElement | null {
  if (kept.length === 0) return null;
  return (
    <ul className="import-list" aria-label="Profiles that keep their plaintext keys">
      {kept.map((entry) => (
        <li key={entry.awsProfile}>
          <strong>{entry.awsProfile}</strong> <span className="muted">keeps its keys — {entry.reason}</span>
        </li>
      ))}
    </ul>
  );
}
