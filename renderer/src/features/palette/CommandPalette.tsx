import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { buildProfileSearchIndex, filterProfiles } from '../../../../shared/logic/profile-filter';
import { colorOfProfile } from '../../../../shared/logic/customer-color';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { hashFor, SECTIONS, shortcutLabel, type SectionId } from '../../app/sections';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { Swatch } from '../../ui/Swatch';
import { chainText } from '../accounts/profile-format';
import { useCustomerColors } from '../customers/use-customer-colors';
import { revealProfile } from '../accounts/profile-link';
import './palette.css';

/** Profiles shown at once: the palette is for jumping, not browsing, so the DOM stays small. */
const PROFILE_LIMIT = 50;

type Entry =
  | { type: 'profile'; id: string; profile: ProfileView }
  | { type: 'section'; id: string; section: (typeof SECTIONS)[number]; index: number };

/** Whether a keyboard event is the palette shortcut: Ctrl+K, or Cmd+K on macOS. */
export function isPaletteShortcut(event: { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }, isMac: boolean): boolean {
  const modifier = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return modifier && !event.altKey && !event.shiftKey && (event.key.toLowerCase() === 'k' || event.code === 'KeyK');
}

export function paletteShortcutLabel(isMac: boolean): string {
  return isMac ? '⌘K' : 'Ctrl+K';
}

function describeProfile(profile: ProfileView): string {
  if (profile.kind === 'iam-user') return [profile.label, 'IAM user', profile.accessKeyIdMasked].filter(Boolean).join(' · ');
  return [profile.label, profile.accountId, chainText(profile.chain)].filter(Boolean).join(' · ');
}

interface PaletteProps {
  isMac: boolean;
  onClose: () => void;
  /** Opened as the switcher (the session pill): profiles come first. */
  switching: boolean;
}

/**
 * The command palette: one box that jumps to any profile or section. A dialog holding a combobox
 * (the text box) that controls a listbox; focus stays in the box and the highlighted option is
 * its aria-activedescendant. Profiles match with shared/logic/profile-filter (fuzzy), best first.
 */
function Palette({ isMac, onClose, switching }: PaletteProps): ReactElement {
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { remote: profiles } = useRemote(async () => (await getApi().profiles.list()).profiles, []);
  /** Switching to a profile: its session is started (an MFA prompt may open over the palette). */
  const [using, setUsing] = useState<{ name: string } | { name: string; failed: string } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const index = useMemo(() => buildProfileSearchIndex(profiles.state === 'loaded' ? profiles.value : []), [profiles]);
  const colors = useCustomerColors(index.profiles);

  const entries = useMemo((): { profiles: Entry[]; sections: Entry[] } => {
    const q = query.trim().toLowerCase();
    const sectionEntries: Entry[] = SECTIONS.map((section, position) => ({ type: 'section' as const, id: `section-${section.id}`, section, index: position })).filter(
      (entry) => q === '' || entry.section.label.toLowerCase().includes(q),
    );
    const profileEntries: Entry[] = filterProfiles(index, query, { fuzzy: true, limit: PROFILE_LIMIT }).map((profile) => ({
      type: 'profile' as const,
      id: `profile-${profile.id}`,
      profile,
    }));
    return { profiles: profileEntries, sections: sectionEntries };
  }, [index, query]);

  // Sections first when the query is empty or names one; otherwise profiles first.
  const sectionsFirst =
    query.trim() === '' ? !switching : entries.sections.some((entry) => entry.type === 'section' && entry.section.label.toLowerCase().startsWith(query.trim().toLowerCase()));
  const groups = sectionsFirst
    ? [
        { name: 'Sections', entries: entries.sections },
        { name: 'Profiles', entries: entries.profiles },
      ]
    : [
        { name: 'Profiles', entries: entries.profiles },
        { name: 'Sections', entries: entries.sections },
      ];
  const flat = groups.flatMap((group) => group.entries);
  const current = flat[Math.min(active, flat.length - 1)];
  const optionId = (entry: Entry) => `${listId}-${entry.id}`;

  useEffect(() => setActive(0), [query]);

  useEffect(() => {
    if (!current) return;
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (entry: Entry | undefined): void => {
    if (!entry) return;
    onClose();
    if (entry.type === 'profile') revealProfile(entry.profile.name);
    else if (window.location.hash !== hashFor(entry.section.id as SectionId)) window.location.hash = hashFor(entry.section.id);
  };

  /**
   * Shift+Enter on a profile: make it the one in use and start its session, then show Sessions.
   * The palette stays open until the session is there, so a failure is said where it was asked for.
   */
  const use = async (entry: Entry | undefined): Promise<void> => {
    if (!entry || entry.type !== 'profile' || using) return;
    const { id: profileId, name } = entry.profile;
    setUsing({ name });
    try {
      // Start first: a switch that fails leaves the profile in use as it was.
      await getApi().sessions.start({ profileId });
      await getApi().sessions.setActive({ profileId });
      onClose();
      window.location.hash = hashFor('sessions');
    } catch (error) {
      setUsing({ name, failed: messageOf(error) });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (flat.length === 0) return;
    if (event.key === 'Enter' && event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void use(current);
      return;
    }
    const position = Math.min(active, flat.length - 1);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((position + 1) % flat.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((position - 1 + flat.length) % flat.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      choose(current);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      setActive(event.key === 'PageDown' ? Math.min(flat.length - 1, position + 8) : Math.max(0, position - 8));
    }
  };

  let position = 0;
  const truncated = profiles.state === 'loaded' && entries.profiles.length === PROFILE_LIMIT;

  return (
    <Dialog title="Go to a profile or section, or switch to one" onClose={onClose} size="md" className="palette" testId="command-palette" bare>
      <div className="palette__search">
        <Icon name="search" className="palette__icon" />
        <input
          id={inputId}
          className="palette__input"
          role="combobox"
          aria-label="Profile or section"
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(current) : undefined}
          placeholder={switching ? 'Switch to a profile… (Shift+Enter uses it)' : 'Jump to a profile or section…'}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          data-autofocus
        />
        <kbd className="palette__esc" aria-hidden="true">
          Esc
        </kbd>
      </div>
      <div id={listId} ref={listRef} className="palette__list" role="listbox" aria-label="Results">
        {groups.map((group) =>
          group.entries.length === 0 ? null : (
            <div key={group.name} role="group" aria-labelledby={`${listId}-${group.name}`} className="palette__options">
              <div id={`${listId}-${group.name}`} className="palette__group" role="presentation">
                {group.name}
              </div>
              {group.entries.map((entry) => {
                const at = position;
                position += 1;
                const selected = current?.id === entry.id;
                return (
                  <div
                    key={entry.id}
                    id={optionId(entry)}
                    role="option"
                    aria-selected={selected}
                    className={selected ? 'palette__option is-active' : 'palette__option'}
                    data-entry={entry.type === 'profile' ? entry.profile.name : entry.section.id}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => {
                      if (active !== at) setActive(at);
                    }}
                    onClick={() => choose(entry)}
                  >
                    {entry.type === 'profile' ? (
                      <>
                        <Swatch color={colorOfProfile(entry.profile, colors)} size={12} />
                        <span className="palette__name">{entry.profile.name}</span>
                        <span className="palette__detail">{describeProfile(entry.profile)}</span>
                        <span className={`badge badge--${entry.profile.kind === 'role' ? 'role' : 'user'}`}>{entry.profile.kind === 'role' ? 'Role' : 'IAM user'}</span>
                      </>
                    ) : (
                      <>
                        <Icon name={entry.section.id} />
                        <span className="palette__name">{entry.section.label}</span>
                        <span className="palette__detail">Section</span>
                        <kbd aria-hidden="true">{shortcutLabel(entry.index, isMac)}</kbd>
                      </>
                    )}
                  </div>
                );
              })}
            </div>
          ),
        )}
      </div>
      {using ? (
        <p className={'failed' in using ? 'palette__notice palette__notice--failed' : 'palette__notice'} role={'failed' in using ? 'alert' : 'status'}>
          {'failed' in using ? `Could not switch to ${using.name}: ${using.failed}` : `Switching to ${using.name}…`}
        </p>
      ) : null}
      <div className="palette__footer" aria-live="polite">
        {using ? null : (
          <RemoteView remote={profiles} loading="Loading profiles…" failed="Profiles could not be loaded" variant="text">
            {() =>
              flat.length === 0
                ? `Nothing matches “${query.trim()}”.`
                : `${entries.profiles.length}${truncated ? '+' : ''} ${entries.profiles.length === 1 ? 'profile' : 'profiles'}, ${entries.sections.length} ${entries.sections.length === 1 ? 'section' : 'sections'}`
            }
          </RemoteView>
        )}
        <span className="palette__keys" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Shift+Enter</kbd> use · <kbd>Esc</kbd> close
        </span>
      </div>
    </Dialog>
  );
}

/**
 * Mounts the palette for the whole window: Ctrl/Cmd+K opens it from anywhere (also from inside a
 * text box, as in most apps), and `trigger` renders a button that opens it.
 */
export function CommandPalette({ isMac, children }: { isMac: boolean; children?: (open: (options?: { switching?: boolean }) => void) => ReactElement }): ReactElement {
  const [open, setOpen] = useState<{ switching: boolean } | null>(null);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat || !isPaletteShortcut(event, isMac)) return;
      event.preventDefault();
      // Another dialog is open: it keeps the keyboard (the palette would sit on top of a form).
      if (!open && document.querySelector('dialog[open]')) return;
      setOpen((current) => (current ? null : { switching: false }));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isMac, open]);

  return (
    <>
      {children ? children((options) => setOpen({ switching: options?.switching ?? false })) : null}
      {open ? <Palette isMac={isMac} onClose={() => setOpen(null)} switching={open.switching} /> : null}
    </>
  );
}
