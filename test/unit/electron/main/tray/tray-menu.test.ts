import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../../../shared/domain/profile-view';
import type { SessionsSnapshot, SessionView } from '../../../../../shared/domain/session';
import { buildTrayModel, MAX_FAVOURITES, menuText, trayTimeLeft, type TrayEntry } from '../../../../../electron/main/tray/tray-menu';

const NOW = Date.UTC(2025, 5, 2, 15, 31);
const MIN = 60_000;

function user(id: string, overrides: Partial<Extract<ProfileView, { kind: 'iam-user' }>> = {}): ProfileView {
  return { kind: 'iam-user', id, name: id, accessKeyIdMasked: 'AKIA…WXYZ', hasSecret: true, ...overrides };
}

function role(id: string, overrides: Partial<Extract<ProfileView, { kind: 'role' }>> = {}): ProfileView {
  return {
    kind: 'role',
    id,
    name: id,
    roleArn: `arn:aws:iam::123456789012:role/${id}`,
    accountId: '123456789012',
    roleName: id,
    partition: 'aws',
    sourceId: 'consultant',
    sourceName: 'consultant',
    chain: ['consultant', id],
    ...overrides,
  };
}

function session(profileId: string, overrides: Partial<SessionView> = {}): SessionView {
  return {
    profileId,
    profileName: profileId,
    kind: 'role',
    state: 'active',
    expiresAt: NOW + 2 * 60 * MIN + 14 * MIN,
    cachedIn: 'keychain',
    refreshNeedsMfa: false,
    chain: ['consultant', profileId],
    ...overrides,
  };
}

const labels = (entries: TrayEntry[]): string[] =>
  entries.map((entry) => {
    switch (entry.kind) {
      case 'separator':
        return '---';
      case 'command':
        return `${entry.checked ? '(•) ' : entry.checked === false ? '( ) ' : ''}${entry.label}`;
      case 'submenu':
        return `${entry.label} ▸`;
      case 'label':
        return `[${entry.label}]`;
    }
  });

const submenu = (entries: TrayEntry[], label: string): TrayEntry[] => {
  const found = entries.find((entry) => entry.kind === 'submenu' && entry.label === label);
  if (found?.kind !== 'submenu') throw new Error(`no submenu "${label}"`);
  return found.entries;
};

describe('tray menu', () => {
  const profiles = [
    user('consultant'),
    role('acme-prod', { label: 'Acme Corp', favorite: true }),
    role('acme-staging', { label: 'Acme Corp', favorite: true }),
    role('beta-dev', { favorite: false }),
    role('zeta-ops', { favorite: true }),
  ];

  it('marks the active session with its time left and lists the others to switch to', () => {
    const snapshot: SessionsSnapshot = {
      activeProfileId: 'acme-prod',
      sessions: [session('acme-prod'), session('beta-dev', { expiresAt: NOW + 40 * MIN })],
    };
    const model = buildTrayModel({ snapshot, profiles, now: NOW, platform: 'linux' });
    expect(labels(model.entries)).toEqual([
      '[In use: acme-prod (Acme Corp) — 2 h 14 min left]',
      'Copy for bash',
      'Copy as ▸',
      'Open AWS console',
      '---',
      '[Live sessions]',
      '(•) acme-prod (Acme Corp) — 2 h 14 min left',
      '( ) beta-dev — 40 min left',
      '---',
      '[Favourites — start a session]',
      'acme-staging (Acme Corp)',
      'zeta-ops',
      '---',
      'Open Roledeck',
      'Quit Roledeck',
    ]);
    expect(model.tooltip).toBe('Roledeck — acme-prod (Acme Corp), 2 h 14 min left');
    expect(model.title).toBe('acme-prod · 2 h 14 min');
  });

  it('makes a live session active, starts a favourite, opens the window and quits', () => {
    const snapshot: SessionsSnapshot = { activeProfileId: 'acme-prod', sessions: [session('acme-prod'), session('beta-dev')] };
    const commands = buildTrayModel({ snapshot, profiles, now: NOW, platform: 'linux' }).entries.flatMap((entry) =>
      entry.kind === 'command' ? [entry.command] : [],
    );
    expect(commands).toEqual([
      { type: 'copy', profileId: 'acme-prod', format: 'bash' },
      { type: 'open-console', profileId: 'acme-prod' },
      { type: 'make-active', profileId: 'acme-prod' },
      { type: 'make-active', profileId: 'beta-dev' },
      { type: 'start', profileId: 'acme-staging' },
      { type: 'start', profileId: 'zeta-ops' },
      { type: 'open-window' },
      { type: 'quit' },
    ]);
  });

  it('copies the session in use in one click, in the format copied last, and in every format under "Copy as"', () => {
    const snapshot: SessionsSnapshot = { activeProfileId: 'acme-prod', sessions: [session('acme-prod'), session('beta-dev')] };
    const entries = buildTrayModel({ snapshot, profiles, now: NOW, platform: 'linux', preferredFormat: 'fish' }).entries;
    expect(entries[1]).toEqual({ kind: 'command', label: 'Copy for fish', command: { type: 'copy', profileId: 'acme-prod', format: 'fish' } });
    const formats = submenu(entries, 'Copy as');
    expect(labels(formats)).toEqual(['bash', 'zsh', 'fish', 'PowerShell', 'Command Prompt (cmd)', '.env file', 'JSON (credential_process)', 'INI (credentials file)']);
    expect(formats.map((entry) => (entry.kind === 'command' ? entry.command : null))).toEqual(
      ['bash', 'zsh', 'fish', 'powershell', 'cmd', 'dotenv', 'json', 'ini'].map((format) => ({ type: 'copy', profileId: 'acme-prod', format })),
    );
  });

  it.each([
    ['needs an MFA code', { state: 'needs-mfa' }],
    ['has expired', { state: 'expired', expiresAt: NOW - MIN }],
    ['failed', { state: 'failed' }],
    ['is past its expiry on this clock', { state: 'active', expiresAt: NOW - 1 }],
  ] as const)('offers no copy while the session in use %s', (_, overrides) => {
    const snapshot: SessionsSnapshot = { activeProfileId: 'acme-prod', sessions: [session('acme-prod', overrides)] };
    const entries = buildTrayModel({ snapshot, profiles, now: NOW, platform: 'linux' }).entries;
    expect(entries.some((entry) => entry.kind === 'submenu' || (entry.kind === 'command' && entry.command.type === 'copy'))).toBe(false);
  });

  it('offers the AWS console for a role session in use, never for an IAM user’s keys or a session that must start again', () => {
    const consoleEntries = (snapshot: SessionsSnapshot) =>
      buildTrayModel({ snapshot, profiles, now: NOW, platform: 'linux' }).entries.filter((entry) => entry.kind === 'command' && entry.command.type === 'open-console');
    expect(consoleEntries({ activeProfileId: 'acme-prod', sessions: [session('acme-prod')] })).toHaveLength(1);
    expect(consoleEntries({ activeProfileId: 'consultant', sessions: [session('consultant', { kind: 'user-keys', expiresAt: undefined })] })).toEqual([]);
    expect(consoleEntries({ activeProfileId: 'acme-prod', sessions: [session('acme-prod', { state: 'expired', expiresAt: NOW - MIN })] })).toEqual([]);
  });

  it('copies a session while it is being refreshed: its credentials still work', () => {
    const snapshot: SessionsSnapshot = { activeProfileId: 'acme-prod', sessions: [session('acme-prod', { state: 'refreshing', expiresAt: NOW + 10 * MIN })] };
    expect(labels(buildTrayModel({ snapshot, profiles, now: NOW, platform: 'linux' }).entries).slice(0, 3)).toEqual([
      '[In use: acme-prod (Acme Corp) — refreshing, 10 min left]',
      'Copy for bash',
      'Copy as ▸',
    ]);
  });

  it('offers to start an expired or failed session again instead of switching to it', () => {
    const snapshot: SessionsSnapshot = {
      activeProfileId: null,
      sessions: [
        session('acme-prod', { state: 'expired', expiresAt: NOW - 3 * MIN }),
        session('beta-dev', { state: 'failed' }),
        // The snapshot still says active, but this clock is past the expiry.
        session('zeta-ops', { state: 'active', expiresAt: NOW - 1 }),
      ],
    };
    const entries = buildTrayModel({ snapshot, profiles, now: NOW, platform: 'linux' }).entries;
    expect(labels(entries).slice(0, 6)).toEqual([
      '[No session in use]',
      '---',
      '[Live sessions]',
      '( ) acme-prod (Acme Corp) — expired 3 min ago',
      '( ) beta-dev — failed',
      '( ) zeta-ops — expired just now',
    ]);
    expect(entries.flatMap((entry) => (entry.kind === 'command' && entry.checked !== undefined ? [entry.command.type] : []))).toEqual(['start', 'start', 'start']);
  });

  it('says so when nothing is in use, and shows no title beside the icon', () => {
    const model = buildTrayModel({ snapshot: { activeProfileId: null, sessions: [] }, profiles: [], now: NOW, platform: 'darwin' });
    expect(labels(model.entries)).toEqual(['[No session in use]', '---', 'Open Roledeck', 'Quit Roledeck']);
    expect(model.tooltip).toBe('Roledeck — no session in use');
    expect(model.title).toBe('');
  });

  it('says it is loading before the first snapshot', () => {
    const model = buildTrayModel({ snapshot: null, profiles, now: NOW, platform: 'linux' });
    expect(model.entries[0]).toEqual({ kind: 'label', label: 'Loading sessions…' });
  });

  it('puts the state first when a session needs attention', () => {
    const snapshot: SessionsSnapshot = { activeProfileId: 'acme-prod', sessions: [session('acme-prod', { state: 'needs-mfa' })] };
    const model = buildTrayModel({ snapshot, profiles, now: NOW, platform: 'darwin' });
    expect(model.tooltip).toBe('Roledeck — acme-prod (Acme Corp), needs an MFA code');
    expect(model.title).toBe('acme-prod · 2 h 14 min');
  });

  it('says "under 1 min" in the last minute: the menu is redrawn once a minute', () => {
    expect(trayTimeLeft({ expiresAt: NOW + 59_000 }, NOW)).toBe('under 1 min left');
    expect(trayTimeLeft({ expiresAt: NOW + 61_000 }, NOW)).toBe('1 min left');
    expect(trayTimeLeft({ expiresAt: undefined }, NOW)).toBe('no expiry');
    const snapshot: SessionsSnapshot = { activeProfileId: 'acme-prod', sessions: [session('acme-prod', { expiresAt: NOW + 30_000 })] };
    expect(buildTrayModel({ snapshot, profiles, now: NOW, platform: 'darwin' }).title).toBe('acme-prod · <1 min');
  });

  it(`lists at most ${MAX_FAVOURITES} favourites, by name`, () => {
    const many = Array.from({ length: 14 }, (_, index) => role(`fav-${String(index).padStart(2, '0')}`, { favorite: true }));
    const commands = buildTrayModel({ snapshot: { activeProfileId: null, sessions: [] }, profiles: many.reverse(), now: NOW, platform: 'linux' }).entries.filter(
      (entry) => entry.kind === 'command' && entry.command.type === 'start',
    );
    expect(commands).toHaveLength(MAX_FAVOURITES);
    expect(commands[0]).toMatchObject({ label: 'fav-00' });
  });

  it('shows an ampersand in a customer label as one on Windows and Linux', () => {
    expect(menuText('Smith & Co', 'win32')).toBe('Smith && Co');
    expect(menuText('Smith & Co', 'darwin')).toBe('Smith & Co');
    const model = buildTrayModel({
      snapshot: { activeProfileId: null, sessions: [] },
      profiles: [role('sc', { label: 'Smith & Co', favorite: true })],
      now: NOW,
      platform: 'linux',
    });
    expect(labels(model.entries)).toContain('sc (Smith && Co)');
  });
});
