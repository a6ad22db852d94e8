import { useId, type ReactElement } from 'react';
import type { DeployTarget } from '../../../../shared/domain/deploy-flow';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { RemoteView, type Remote } from '../../api';

interface TargetBarProps {
  profiles: readonly ProfileView[];
  profileId: string;
  onProfileChange: (profileId: string) => void;
  target: Remote<DeployTarget>;
  onRetry: () => void;
  /** While a change set or a run is on screen the target cannot change. */
  locked: boolean;
}

/** The account a deploy changes, always on screen: profile, account, region, identity, and a production mark. */
export function TargetBar({ profiles, profileId, onProfileChange, target, onRetry, locked }: TargetBarProps): ReactElement {
  const selectId = useId();
  const production = target.state === 'loaded' && target.value.production;
  return (
    <section className={`deploy-target${production ? ' deploy-target--production' : ''}`} aria-label="Deploy target" data-testid="deploy-target">
      <div className="deploy-target__profile">
        <label htmlFor={selectId} className="deploy-target__label">
          Deploy with
        </label>
        <select id={selectId} className="input" value={profileId} disabled={locked} onChange={(event) => onProfileChange(event.target.value)}>
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
              {profile.label ? ` — ${profile.label}` : ''}
            </option>
          ))}
        </select>
      </div>
      <RemoteView remote={target} loading="Finding the account this profile reaches…" failed="Roledeck could not reach this profile’s account" onRetry={onRetry}>
        {(value) => (
          <dl className="deploy-target__facts">
            <div>
              <dt>Account</dt>
              <dd data-testid="target-account">
                {value.accountId}
                {value.customer ? <span className="deploy-muted"> · {value.customer}</span> : null}
              </dd>
            </div>
            <div>
              <dt>Region</dt>
              <dd data-testid="target-region">{value.region}</dd>
            </div>
            <div className="deploy-target__identity">
              <dt>Identity</dt>
              <dd className="deploy-mono" data-testid="target-identity">
                {value.identityArn}
              </dd>
            </div>
            {value.production ? (
              <div>
                <dt>Guardrail</dt>
                <dd>
                  <span className="badge badge--production">Production</span>
                </dd>
              </div>
            ) : null}
          </dl>
        )}
      </RemoteView>
    </section>
  );
}
