import type { ProfileView } from '../../../shared/domain/profile-view';
import type { SessionsSnapshot, SessionView } from '../../../shared/domain/session';
import { colorOfProfile, customerColors, type NamedColor } from '../../../shared/logic/customer-color';
import { copyLabel, DEFAULT_EXPORT_FORMAT, formatName } from '../../../shared/logic/export-format';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/logic/shell-export';
import { formatSpan, formatTimeLeft } from '../../../shared/logic/time-left';

/**
 * The tray (menu bar) menu as data: what to show and what each item does. Pure, so the whole
 * menu is unit-tested; tray.controller.ts turns it into an Electron Menu.
 */

export type TrayCommand =
  | { type: 'make-active'; profileId: string }
  | { type: 'start'; profileId: string }
  /** Copies the session as an export; main writes the clipboard and clears it later. */
  | { type: 'copy'; profileId: string; format: ExportFormat }
  /** Opens the AWS console in the browser as the role session (main-side sign-in; sessions.openConsole). */
  | { type: 'open-console'; profileId: string }
  | { type: 'open-window' }
  | { type: 'quit' };

export type TrayEntry =
  | { kind: 'separator' }
  /** A line of information or a group heading; not clickable. `color`: the customer's swatch. */
  | { kind: 'label'; label: string; color?: string }
  | { kind: 'command'; label: string; command: TrayCommand; checked?: boolean; color?: string }
  | { kind: 'submenu'; label: string; entries: TrayEntry[] };

export interface TrayModel {
  /** Hover text everywhere; the active profile and its time left. */
  tooltip: string;
  /** Text beside the icon (macOS menu bar only); empty when nothing is in use. */
  title: string;
  entries: TrayEntry[];
}

export interface TrayInput {
  /** Null until the first snapshot arrives. */
  snapshot: SessionsSnapshot | null;
  profiles: readonly ProfileView[];
  now: number;
  platform: NodeJS.Platform | string;
  /** The format the user copied last (settings.preferredShell): the one-click copy. */
  preferredFormat?: ExportFormat;
  /** Saved customers, for their colours (shared/logic/customer-color). */
  customers?: readonly NamedColor[];
}

/** Favourites that are not live; more than this and the menu stops being a glance. */
export const MAX_FAVOURITES = 10;

/**
 * The menu is rebuilt once a minute, so the last minute reads "under 1 min" rather than a
 * seconds count that would sit stale for up to a minute.
 */
export function trayTimeLeft(session: Pick<SessionView, 'expiresAt'>, now: number): string {
  if (session.expiresAt === undefined) return 'no expiry';
  const left = session.expiresAt - now;
  if (left > 0 && left < 60_000) return 'under 1 min left';
  return formatTimeLeft(session.expiresAt, now);
}

/** What a session's line says after its name: time left, or the state that matters more. */
function sessionStatus(session: SessionView, now: number): string {
  switch (session.state) {
    case 'refreshing':
      return `refreshing, ${trayTimeLeft(session, now)}`;
    case 'needs-mfa':
      return 'needs an MFA code';
    case 'failed':
      return 'failed';
    case 'expired':
      return session.expiresAt === undefined ? 'expired' : trayTimeLeft(session, now);
    case 'active':
      return trayTimeLeft(session, now);
  }
}

/** A session that can no longer be used as is: choosing it starts a new one instead. */
function needsRestart(session: SessionView, now: number): boolean {
  return (
    session.state === 'expired' ||
    session.state === 'failed' ||
    (session.expiresAt !== undefined && session.expiresAt <= now && session.state !== 'refreshing')
  );
}

/**
 * On Windows and Linux a single `&` in a menu label marks the access key and is not shown;
 * `&&` shows one. macOS shows labels as they are.
 */
export function menuText(text: string, platform: string): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&');
}

function describe(name: string, label: string | undefined): string {
  return label ? `${name} (${label})` : name;
}

/** A session whose credentials can be copied as they are: live, not waiting on MFA or expired. */
function copyable(session: SessionView, now: number): boolean {
  return (session.state === 'active' || session.state === 'refreshing') && (session.expiresAt === undefined || session.expiresAt > now);
}

/**
 * One click copies the session in the format used last; "Copy as" holds every format, one click
 * each, in the window's order and words.
 */
function copyEntries(profileId: string, preferred: ExportFormat, text: (value: string) => string): TrayEntry[] {
  return [
    { kind: 'command', label: text(copyLabel(preferred)), command: { type: 'copy', profileId, format: preferred } },
    {
      kind: 'submenu',
      label: 'Copy as',
      entries: EXPORT_FORMATS.map((format) => ({ kind: 'command', label: text(formatName(format)), command: { type: 'copy', profileId, format } })),
    },
  ];
}

/** `{ color }` when the profile has one (its own or its customer's), else nothing. */
function swatchOf(profile: ProfileView | undefined, colors: ReturnType<typeof customerColors>): { color?: string } {
  const color = profile ? colorOfProfile(profile, colors) : undefined;
  return color ? { color } : {};
}

export function buildTrayModel({ snapshot, profiles, now, platform, preferredFormat = DEFAULT_EXPORT_FORMAT, customers = [] }: TrayInput): TrayModel {
  const text = (value: string): string => menuText(value, platform);
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const colors = customerColors(profiles, customers);
  const sessions = snapshot?.sessions ?? [];
  const active = sessions.find((session) => session.profileId === snapshot?.activeProfileId);
  const entries: TrayEntry[] = [];

  let tooltip: string;
  let title: string;
  if (snapshot === null) {
    tooltip = 'Roledeck';
    title = '';
    entries.push({ kind: 'label', label: 'Loading sessions…' });
  } else if (active) {
    const profile = byId.get(active.profileId);
    const status = sessionStatus(active, now);
    tooltip = `Roledeck — ${describe(active.profileName, profile?.label)}, ${status}`;
    title =
      active.expiresAt !== undefined && active.expiresAt > now
        ? `${active.profileName} · ${active.expiresAt - now < 60_000 ? '<1 min' : formatSpan(active.expiresAt - now)}`
        : `${active.profileName} · ${status}`;
    entries.push({ kind: 'label', label: text(`In use: ${describe(active.profileName, profile?.label)} — ${status}`), ...swatchOf(profile, colors) });
    if (copyable(active, now)) entries.push(...copyEntries(active.profileId, preferredFormat, text));
    // The console takes a role's session only: AWS's federation endpoint refuses an IAM user's keys.
    if (active.kind === 'role' && !needsRestart(active, now)) {
      entries.push({ kind: 'command', label: 'Open AWS console', command: { type: 'open-console', profileId: active.profileId } });
    }
  } else {
    tooltip = 'Roledeck — no session in use';
    title = '';
    entries.push({ kind: 'label', label: 'No session in use' });
  }

  if (sessions.length > 0) {
    entries.push({ kind: 'separator' }, { kind: 'label', label: 'Live sessions' });
    for (const session of sessions) {
      const label = text(`${describe(session.profileName, byId.get(session.profileId)?.label)} — ${sessionStatus(session, now)}`);
      const isActive = session.profileId === active?.profileId;
      const command: TrayCommand = needsRestart(session, now)
        ? { type: 'start', profileId: session.profileId }
        : { type: 'make-active', profileId: session.profileId };
      entries.push({ kind: 'command', label, command, checked: isActive, ...swatchOf(byId.get(session.profileId), colors) });
    }
  }

  const live = new Set(sessions.map((session) => session.profileId));
  const favourites = profiles
    .filter((profile) => profile.favorite === true && !live.has(profile.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_FAVOURITES);
  if (favourites.length > 0) {
    entries.push({ kind: 'separator' }, { kind: 'label', label: 'Favourites — start a session' });
    for (const profile of favourites) {
      entries.push({
        kind: 'command',
        label: text(describe(profile.name, profile.label)),
        command: { type: 'start', profileId: profile.id },
        ...swatchOf(profile, colors),
      });
    }
  }

  entries.push(
    { kind: 'separator' },
    { kind: 'command', label: 'Open Roledeck', command: { type: 'open-window' } },
    { kind: 'command', label: 'Quit Roledeck', command: { type: 'quit' } },
  );
  return { tooltip, title, entries };
}
