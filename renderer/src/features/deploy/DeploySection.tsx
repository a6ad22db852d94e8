import { useState, type ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { getApi, RemoteView, useRemote } from '../../api';
import { EmptyState } from '../../ui/EmptyState';
import { DeployWorkspace } from './DeployWorkspace';
import './deploy.css';

/** The profile a deploy starts with: the one in use, else the first role (deploys go into customers' accounts). */
function firstChoice(profiles: readonly ProfileView[], activeProfileId: string | null): string {
  return profiles.find((profile) => profile.id === activeProfileId)?.id ?? profiles.find((profile) => profile.kind === 'role')?.id ?? profiles[0]?.id ?? '';
}

/**
 * The Deploy section: a one-click CloudFormation test deploy into the session in use, change set
 * first, its events live, the history, and a delete for the test stack — with the target account
 * on screen the whole time.
 */
export function DeploySection(): ReactElement {
  const { remote, reload } = useRemote(async () => {
    const api = getApi();
    const [{ profiles }, sessions] = await Promise.all([api.profiles.list(), api.sessions.list()]);
    return { profiles, start: firstChoice(profiles, sessions.activeProfileId) };
  }, []);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <RemoteView remote={remote} loading="Loading profiles…" failed="Roledeck could not list your profiles" onRetry={() => void reload()} variant="panel">
      {({ profiles, start }) =>
        profiles.length === 0 ? (
          <EmptyState
            icon="deploy"
            title="No profiles to deploy with"
            note={null}
            plans={['Add an IAM user and a customer’s role in Accounts.', 'Come back here, pick a template and review its change set before anything runs.']}
          >
            <p>
              A test deploy goes into the account a profile reaches. <a href="#/accounts">Add one in Accounts</a> first.
            </p>
          </EmptyState>
        ) : (
          <DeployWorkspace key={chosen ?? start} profiles={profiles} profileId={chosen ?? start} onProfileChange={setChosen} />
        )
      }
    </RemoteView>
  );
}
