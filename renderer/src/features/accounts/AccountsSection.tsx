import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { ProfileView, RoleView, UserView } from '../../../../shared/domain/profile-view';
import { buildProfileSearchIndex, filterProfiles } from '../../../../shared/logic/profile-filter';
import { RemoteView } from '../../api';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useKeychainReadiness, type KeychainReadiness } from '../../app/app-status-context';
import { useCustomerColors } from '../customers/use-customer-colors';
import { flattenGroups, groupProfiles } from './profile-groups';
import { profileNameFromHash, REVEAL_PROFILE_EVENT } from './profile-link';
import { ProfileList, type ProfileListHandle } from './ProfileList';
import { RemoveDialog } from './RemoveDialog';
import { useProfiles } from './use-profiles';
import './accounts.css';

// The forms bring the shared zod schemas (inline validation with the main side's own rules);
// loading them on first use keeps zod out of the JS the window needs to start.
const UserFormDialog = lazy(() => import('./UserFormDialog'));
const RoleFormDialog = lazy(() => import('./RoleFormDialog'));
const ImportDialog = lazy(() => import('./ImportDialog'));

type DialogState =
  | { type: 'add-user' }
  | { type: 'add-role' }
  | { type: 'edit-user'; profile: UserView }
  | { type: 'edit-role'; profile: RoleView }
  | { type: 'remove'; profile: ProfileView }
  | { type: 'import' }
  | null;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * The buttons that take a secret (Add IAM user, Import, which can move keys into the keychain) while
 * the keychain cannot save one: they stay in place, marked unavailable, with the reason beside them,
 * so nobody types a secret access key that cannot be kept.
 */
function secretAction(keychain: KeychainReadiness, onClick: () => void): { onClick: () => void; 'aria-disabled'?: true; 'aria-describedby'?: string } {
  if (keychain.ready) return { onClick };
  return { onClick: () => undefined, 'aria-disabled': true, 'aria-describedby': KEYCHAIN_NOTE_ID };
}

const KEYCHAIN_NOTE_ID = 'accounts-keychain-note';

function KeychainNote({ keychain }: { keychain: KeychainReadiness }): ReactElement | null {
  return keychain.reason ? (
    <p id={KEYCHAIN_NOTE_ID} className="accounts__keychain-note notice notice--warn" data-testid="accounts-keychain-note">
      Adding an IAM user or importing keys waits for the keychain. {keychain.reason} The message at the top says what to do, and
      Check again there picks it up.
    </p>
  ) : null;
}

function AccountsEmpty({ onAddUser, onImport, keychain }: { onAddUser: () => void; onImport: () => void; keychain: KeychainReadiness }): ReactElement {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <div className="empty-state__icon">
        <Icon name="accounts" />
      </div>
      <h2 id="empty-state-title" className="empty-state__title">
        No accounts yet
      </h2>
      <div className="empty-state__body">
        <p>
          Add an IAM user or import your <code>~/.aws</code> profiles. Long-term secrets are kept in your OS keychain,
          never in a plain file, and this window only ever sees masked key IDs.
        </p>
      </div>
      <div className="empty-state__actions">
        <Button variant="primary" {...secretAction(keychain, onAddUser)}>
          Add IAM user
        </Button>
        <Button {...secretAction(keychain, onImport)}>Import from ~/.aws</Button>
      </div>
      <KeychainNote keychain={keychain} />
    </section>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * Accounts: every profile, grouped by customer, with instant search (`/`), arrow keys and Enter,
 * and the dialogs that add, edit, remove and import profiles.
 */
export function AccountsSection(): ReactElement {
  const { profiles: remote, reload } = useProfiles();
  const keychain = useKeychainReadiness();
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [announcement, setAnnouncement] = useState('');
  const [target, setTarget] = useState<{ name: string } | null>(() => {
    const name = profileNameFromHash(window.location.hash);
    return name ? { name } : null;
  });
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ProfileListHandle>(null);

  const profiles = useMemo(() => (remote.state === 'loaded' ? remote.value : []), [remote]);
  // Built once per list: each profile's lowercased search text (shared/logic/profile-filter).
  const index = useMemo(() => buildProfileSearchIndex(profiles), [profiles]);
  const colors = useCustomerColors(profiles);
  const groups = useMemo(() => groupProfiles(profiles, colors), [profiles, colors]);
  const matches = useMemo(() => (query.trim() ? filterProfiles(index, query) : null), [index, query]);
  const items = useMemo(() => flattenGroups(groups, matches ? new Set(matches) : null), [groups, matches]);
  const shown = matches ? matches.length : profiles.length;
  const labels = useMemo(
    () => [...new Set(profiles.map((profile) => profile.label).filter((label): label is string => Boolean(label)))].sort(),
    [profiles],
  );

  // A search picks its best match as the active row, so ↓ then Enter opens what you meant.
  useEffect(() => {
    if (matches && matches.length > 0) setActiveId(matches[0]!.id);
  }, [matches]);

  // `/` focuses the search box from anywhere in the window, unless you are typing somewhere.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // The command palette addresses a profile through the hash (#/accounts/<name>) or, when the
  // hash already names it, through an event.
  useEffect(() => {
    const fromHash = (): void => {
      const name = profileNameFromHash(window.location.hash);
      if (name) setTarget({ name });
    };
    const fromEvent = (event: Event): void => {
      const name = (event as CustomEvent<unknown>).detail;
      if (typeof name === 'string') setTarget({ name });
    };
    window.addEventListener('hashchange', fromHash);
    window.addEventListener(REVEAL_PROFILE_EVENT, fromEvent);
    return () => {
      window.removeEventListener('hashchange', fromHash);
      window.removeEventListener(REVEAL_PROFILE_EVENT, fromEvent);
    };
  }, []);

  useEffect(() => {
    if (!target || remote.state !== 'loaded') return;
    const profile = remote.value.find((entry) => entry.name === target.name);
    setTarget(null);
    if (!profile) {
      setAnnouncement(`No profile named ${target.name}.`);
      return;
    }
    if (matches && !matches.includes(profile)) setQuery('');
    setActiveId(profile.id);
    setAnnouncement(`${profile.name} selected.`);
    // After the list has re-rendered with the row in it.
    requestAnimationFrame(() => {
      listRef.current?.reveal(profile.id);
      listRef.current?.focus();
    });
  }, [target, remote, matches]);

  const open = useCallback((profile: ProfileView) => {
    setActiveId(profile.id);
    setDialog(profile.kind === 'iam-user' ? { type: 'edit-user', profile } : { type: 'edit-role', profile });
  }, []);

  const askRemove = useCallback((profile: ProfileView) => setDialog({ type: 'remove', profile }), []);

  const closeDialog = useCallback(() => setDialog(null), []);

  const onSaved = useCallback(
    async (view: ProfileView, verb: 'Added' | 'Saved') => {
      setDialog(null);
      setActiveId(view.id);
      setAnnouncement(`${verb} ${view.name}.`);
      const list = await reload();
      if (list) requestAnimationFrame(() => listRef.current?.reveal(view.id));
    },
    [reload],
  );

  const onRemoved = useCallback(
    async (profile: ProfileView) => {
      setDialog(null);
      setAnnouncement(`Removed ${profile.name}.`);
      setActiveId(null);
      await reload();
      listRef.current?.focus();
    },
    [reload],
  );

  const onImported = useCallback(
    async (created: readonly string[]) => {
      setAnnouncement(`Imported ${plural(created.length, 'profile', 'profiles')}.`);
      await reload();
    },
    [reload],
  );

  const dialogs = (
    <Suspense fallback={null}>
      {dialog?.type === 'add-user' ? <UserFormDialog labels={labels} onClose={closeDialog} onSaved={(view, verb) => void onSaved(view, verb)} /> : null}
      {dialog?.type === 'edit-user' ? (
        <UserFormDialog
          existing={dialog.profile}
          labels={labels}
          onClose={closeDialog}
          onSaved={(view, verb) => void onSaved(view, verb)}
          onRemove={askRemove}
        />
      ) : null}
      {dialog?.type === 'add-role' ? (
        <RoleFormDialog profiles={profiles} labels={labels} onClose={closeDialog} onSaved={(view, verb) => void onSaved(view, verb)} />
      ) : null}
      {dialog?.type === 'edit-role' ? (
        <RoleFormDialog
          existing={dialog.profile}
          profiles={profiles}
          labels={labels}
          onClose={closeDialog}
          onSaved={(view, verb) => void onSaved(view, verb)}
          onRemove={askRemove}
        />
      ) : null}
      {dialog?.type === 'import' ? <ImportDialog onClose={closeDialog} onImported={(created) => void onImported(created)} /> : null}
      {dialog?.type === 'remove' ? (
        <RemoveDialog
          profile={dialog.profile}
          dependents={profiles.filter((entry) => entry.kind === 'role' && entry.sourceId === dialog.profile.id)}
          onClose={closeDialog}
          onRemoved={(profile) => void onRemoved(profile)}
        />
      ) : null}
    </Suspense>
  );

  const status = (
    <p className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </p>
  );

  function listView(): ReactElement {
    return (
      <div className="accounts__content">
        <div className="accounts__toolbar">
          <div className="search">
            <label htmlFor="profile-search" className="visually-hidden">
              Search profiles
            </label>
            <Icon name="search" className="search__icon" />
            <input
              ref={searchRef}
              id="profile-search"
              type="search"
              className="input search__input"
              placeholder="Search name, label, account, role or ARN"
              value={query}
              autoComplete="off"
              spellCheck={false}
              aria-keyshortcuts="/"
              aria-controls="profile-list"
              aria-describedby="profile-count"
              onChange={(event) => setQuery(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.nativeEvent.isComposing)) {
                  event.preventDefault();
                  if (items.some((item) => item.type === 'profile')) {
                    if (event.key === 'Enter' && activeId) {
                      const profile = profiles.find((entry) => entry.id === activeId);
                      if (profile) open(profile);
                    } else {
                      listRef.current?.focus();
                    }
                  }
                } else if (event.key === 'Escape' && query) {
                  event.preventDefault();
                  setQuery('');
                }
              }}
            />
            <kbd className="search__kbd" aria-hidden="true">
              /
            </kbd>
          </div>
          <p id="profile-count" className="accounts__count" aria-live="polite">
            {matches ? `${plural(shown, 'match', 'matches')} of ${profiles.length.toLocaleString('en')}` : plural(profiles.length, 'profile', 'profiles')}
          </p>
          <div className="accounts__actions">
            <Button {...secretAction(keychain, () => setDialog({ type: 'import' }))}>Import from ~/.aws</Button>
            <Button onClick={() => setDialog({ type: 'add-role' })}>Add role</Button>
            <Button variant="primary" {...secretAction(keychain, () => setDialog({ type: 'add-user' }))}>
              Add IAM user
            </Button>
          </div>
        </div>
        <KeychainNote keychain={keychain} />

        <div className="ptable" id="profile-list">
          <div className="ptable__head" aria-hidden="true">
            <span>Name</span>
            <span>Account</span>
            <span>Role / key ID</span>
            <span>Assumed via</span>
            <span>ExternalId</span>
            <span>MFA</span>
            <span>Region</span>
          </div>
          {items.length > 0 ? (
            <ProfileList
              ref={listRef}
              items={items}
              activeId={activeId}
              onActiveChange={setActiveId}
              onOpen={open}
              onRemove={askRemove}
              total={shown}
              colors={colors}
              label={matches ? `Profiles matching ${query.trim()}` : 'Profiles'}
            />
          ) : (
            <p className="ptable__empty">
              No profile matches “{query.trim()}”. Search looks at names, labels, account IDs, role names and ARNs.
            </p>
          )}
        </div>
        <p className="accounts__help">
          <kbd>/</kbd> search · <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> edit · <kbd>Delete</kbd> remove
        </p>
      </div>
    );
  }

  // One wrapper whatever the state, with the dialogs always in the same place: a dialog stays
  // mounted (and keeps its state) when the list behind it changes, e.g. from empty to imported.
  const body = (
    <RemoteView remote={remote} loading="Loading profiles…" failed="Roledeck could not list your profiles" onRetry={() => void reload()} variant="panel">
      {(list) =>
        list.length === 0 ? (
          <AccountsEmpty onAddUser={() => setDialog({ type: 'add-user' })} onImport={() => setDialog({ type: 'import' })} keychain={keychain} />
        ) : (
          listView()
        )
      }
    </RemoteView>
  );

  return (
    <div className="accounts">
      {body}
      {dialogs}
      {status}
    </div>
  );
}
