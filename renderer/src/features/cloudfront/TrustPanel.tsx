import { useState, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { failedRemote, getApi, RemoteView, type Remote } from '../../api';
import { Button } from '../../ui/Button';
import { distributionName, keyGroupRows, type TrustMap } from './trust-format';

interface TrustPanelProps {
  profiles: readonly ProfileView[];
  keys: readonly CloudFrontKey[];
  /** The answer, kept by the section so a removal can name where a key is still trusted. */
  onLoaded: (map: TrustMap) => void;
}

/** "Which distributions trust which key groups" in the account a chosen profile reaches. */
export function TrustPanel({ profiles, keys, onLoaded }: TrustPanelProps): ReactElement {
  const [picked, setProfile] = useState<string | null>(null);
  // The profiles arrive after the panel mounts: the first one until one is picked.
  const profile = profiles.find((entry) => entry.id === picked)?.id ?? profiles[0]?.id ?? '';
  const [remote, setRemote] = useState<Remote<TrustMap> | null>(null);
  const look = async (): Promise<void> => {
    setRemote({ state: 'loading' });
    try {
      const map = await getApi().cloudfront.trust({ profile });
      setRemote({ state: 'loaded', value: map });
      onLoaded(map);
    } catch (error) {
      setRemote(failedRemote(error));
    }
  };
  return (
    <section className="panel" aria-labelledby="cf-trust-title" data-testid="cf-trust">
      <h2 id="cf-trust-title" className="panel__title">
        Which distributions trust which key groups
      </h2>
      {profiles.length === 0 ? (
        <p className="muted">Add a profile for the customer’s account in Accounts to look this up.</p>
      ) : (
        <div className="cf-inline">
          <label className="field__label" htmlFor="cf-trust-profile">
            Account of
          </label>
          <select id="cf-trust-profile" className="input" value={profile} onChange={(event) => setProfile(event.target.value)}>
            {profiles.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label ? `${entry.label} · ${entry.name}` : entry.name}
              </option>
            ))}
          </select>
          <Button onClick={() => void look()} busy={remote?.state === 'loading'}>
            Look up
          </Button>
        </div>
      )}
      {remote ? (
        <RemoteView remote={remote} loading="Asking CloudFront…" failed="Roledeck could not list the key groups" onRetry={() => void look()}>
          {(map) =>
            map.keyGroups.length === 0 ? (
              <p className="muted">This account has no key groups yet. Generate a key and upload it to one.</p>
            ) : (
              <table className="cf-table">
                <thead>
                  <tr>
                    <th scope="col">Key group</th>
                    <th scope="col">Keys stored here</th>
                    <th scope="col">Trusted by</th>
                  </tr>
                </thead>
                <tbody>
                  {keyGroupRows(map, keys).map((row) => (
                    <tr key={row.group.id}>
                      <th scope="row">
                        {row.group.name} <span className="cf-mono cf-muted">{row.group.id}</span>
                      </th>
                      <td>{row.storedKeys.length > 0 ? row.storedKeys.join(', ') : <span className="cf-muted">none of {row.group.publicKeyIds.length}</span>}</td>
                      <td>{row.distributions.length > 0 ? row.distributions.map(distributionName).join(', ') : <span className="cf-muted">no distribution</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </RemoteView>
      ) : null}
    </section>
  );
}
