// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoledeckBridge } from '../../../../../shared/contract';
import type { ProfileView } from '../../../../../shared/domain/profile-view';
import type { SessionsSnapshot, SessionView } from '../../../../../shared/domain/session';
import { SessionsSection } from '../../../../../renderer/src/features/sessions/SessionsSection';
import { polyfillModalDialogs } from '../../dialog-kit';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const acme: ProfileView = {
  kind: 'role',
  id: 'acme-prod-id',
  name: 'acme-prod',
  label: 'Acme Corp',
  roleArn: 'arn:aws:iam::123456789012:role/Deployer',
  accountId: '123456789012',
  roleName: 'Deployer',
  partition: 'aws',
  sourceId: 'consultant',
  sourceName: 'consultant',
  chain: ['consultant', 'acme-prod'],
};

const session: SessionView = {
  profileId: acme.id,
  profileName: acme.name,
  kind: 'role',
  state: 'active',
  expiresAt: Date.now() + 3_600_000,
  cachedIn: 'keychain',
  refreshNeedsMfa: false,
  chain: ['consultant', 'acme-prod'],
};

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** The main side as the page sees it: answers by channel, and a record of every call. */
const main = {
  calls: [] as Array<[string, unknown]>,
  settings: { roleNameAllowList: [] as string[], preferredShell: 'fish' as string | undefined },
  copy: (_request: { format: string }): Answer => ({ ok: true, value: { format: _request.format, clearsAt: null } }),
  install: (_request: { force?: boolean }): Answer => ({ ok: false, error: { code: 'INTERNAL', message: 'not set' } }),
  listeners: new Map<string, Set<(payload: unknown) => void>>(),
  /** Pushes an event to the page, as main does. */
  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  },
};

const snapshot: SessionsSnapshot = { activeProfileId: acme.id, sessions: [session] };

beforeAll(() => {
  polyfillModalDialogs();
  const bridge: RoledeckBridge = {
    invoke: (async (channel: string, request: unknown): Promise<Answer> => {
      main.calls.push([channel, request]);
      switch (channel) {
        case 'profiles.list':
          return { ok: true, value: { profiles: [acme] } };
        case 'sessions.list':
          return { ok: true, value: snapshot };
        case 'settings.get':
          return { ok: true, value: main.settings };
        case 'sessions.copyExport': {
          const answer = main.copy(request as { format: string });
          if (answer.ok) {
            main.settings = { ...main.settings, preferredShell: (request as { format: string }).format };
            main.emit('settings.changed', main.settings);
          }
          return answer;
        }
        case 'sessions.installCliProfile':
          return main.install(request as { force?: boolean });
        default:
          throw new Error(`unexpected ${channel}`);
      }
    }) as RoledeckBridge['invoke'],
    on: ((event: string, listener: (payload: unknown) => void) => {
      const listeners = main.listeners.get(event) ?? new Set();
      listeners.add(listener);
      main.listeners.set(event, listeners);
      return () => listeners.delete(listener);
    }) as RoledeckBridge['on'],
  };
  Object.defineProperty(window, 'roledeck', { value: bridge, configurable: true });
});

function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

function key(target: Element, name: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('putting a session to work (Sessions section)', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(async () => {
    main.calls = [];
    main.settings = { roleNameAllowList: [], preferredShell: 'fish' };
    main.copy = (request) => ({ ok: true, value: { format: request.format, clearsAt: null } });
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root.render(<SessionsSection />));
    await settle();
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const status = (): string => container.querySelector('[data-testid="active-session"] [data-testid="copy-status"]')?.textContent ?? '';

  it('copies in the preferred format and says so in a status region, without reading the settings again', async () => {
    const copy = button(container, 'Copy for fish acme-prod');
    expect(container.querySelector('[data-testid="copy-status"]')?.getAttribute('role')).toBe('status');
    main.calls = [];
    await act(async () => copy.click());
    await settle();
    expect(main.calls.map(([channel]) => channel)).toEqual(['sessions.copyExport']);
    expect(main.calls[0]?.[1]).toEqual({ profileId: acme.id, format: 'fish' });
    expect(status()).toBe('Copied for fish — stays on the clipboard until you copy something else.');
  });

  it('follows a format chosen elsewhere (a copy from the tray) without asking main again', async () => {
    main.calls = [];
    act(() => main.emit('settings.changed', { ...main.settings, preferredShell: 'powershell' }));
    expect(button(container, 'Copy for PowerShell acme-prod')).toBeTruthy();
    expect(main.calls).toEqual([]);
  });

  it('opens the menu from the keyboard, moves with the arrows, Home, End and a letter, and closes on Esc', () => {
    const toggle = button(container, 'Copy acme-prod as…');
    expect(toggle.getAttribute('aria-haspopup')).toBe('menu');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    key(toggle, 'ArrowDown');
    const menu = container.querySelector('[role="menu"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(menu.id);
    expect(menu.getAttribute('aria-labelledby')).toBe(toggle.id);
    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    expect(items.map((item) => item.querySelector('.menu__label')?.textContent)).toEqual([
      'bash',
      'zsh',
      'fish (default)',
      'PowerShell',
      'Command Prompt (cmd)',
      '.env file',
      'JSON (credential_process)',
      'INI (credentials file)',
    ]);
    const focused = (): string | null | undefined => document.activeElement?.querySelector('.menu__label')?.firstChild?.textContent;
    expect(focused()).toBe('bash');
    key(menu, 'ArrowUp');
    expect(focused()).toBe('INI (credentials file)');
    key(menu, 'ArrowDown');
    expect(focused()).toBe('bash');
    key(menu, 'End');
    expect(focused()).toBe('INI (credentials file)');
    key(menu, 'Home');
    expect(focused()).toBe('bash');
    key(menu, 'p');
    expect(focused()).toBe('PowerShell');
    key(menu, '.');
    expect(focused()).toBe('.env file');
    key(menu, 'j');
    expect(focused()).toBe('JSON (credential_process)');
    key(menu, 'e');
    expect(focused()).toBe('.env file');
    key(menu, 'Escape');
    expect(container.querySelector('[role="menu"]')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(main.calls.some(([channel]) => channel === 'sessions.copyExport')).toBe(false);
  });

  it('copies the format chosen in the menu, returns focus to the menu button, and makes it the preferred one', async () => {
    const toggle = button(container, 'Copy acme-prod as…');
    await act(async () => toggle.click());
    const json = [...container.querySelectorAll('[role="menuitem"]')].find((item) => item.textContent?.startsWith('JSON')) as HTMLButtonElement;
    await act(async () => json.click());
    await settle();
    expect(document.activeElement).toBe(toggle);
    expect(main.calls.find(([channel]) => channel === 'sessions.copyExport')?.[1]).toEqual({ profileId: acme.id, format: 'json' });
    expect(status()).toBe('Copied as JSON — stays on the clipboard until you copy something else.');
    expect(button(container, 'Copy as JSON acme-prod')).toBeTruthy();
  });

  it('says why a copy failed, next to the session', async () => {
    main.copy = () => ({ ok: false, error: { code: 'VALIDATION', message: 'AWS_SESSION_TOKEN contains a character cmd.exe cannot take literally (" % !); use PowerShell or JSON instead.' } });
    await act(async () => button(container, 'Copy for fish acme-prod').click());
    await settle();
    expect(status()).toBe('Could not copy acme-prod for fish: AWS_SESSION_TOKEN contains a character cmd.exe cannot take literally (" % !); use PowerShell or JSON instead.');
    expect(container.querySelector('.copy-status--danger')).not.toBeNull();
  });

  it('installs a CLI profile: a hand-written section is replaced only when asked, with force', async () => {
    main.install = (request) =>
      request.force
        ? {
            ok: true,
            value: {
              path: '/home/me/.aws/config',
              change: 'updated',
              backupPath: '/home/me/.aws/config.roledeck-backup-20250602T143200Z',
              awsProfile: 'acme-prod',
              command: '/usr/bin/node /opt/roledeck/roledeck.mjs credential-process --id acme-prod-id acme-prod',
              check: { works: false, reason: 'It ended with exit code 4: The OS keychain is locked.' },
            },
          }
        : {
            ok: false,
            error: {
              code: 'CONFLICT',
              message: '~/.aws/config already has a [profile acme-prod] you wrote yourself. Pass --force to replace it (a backup is kept), or pick another --aws-profile name.',
            },
          };
    await act(async () => button(container, 'Install as AWS CLI profile acme-prod').click());
    // The dialog is loaded on first use (it brings zod along): the first import of that chunk can
    // take seconds on a loaded machine, so wait for the dialog rather than a number of ticks.
    const dialog = await vi.waitFor(
      async () => {
        await settle();
        const found = container.querySelector('[data-testid="install-cli-dialog"]');
        if (!found) throw new Error('the install dialog has not loaded yet');
        return found;
      },
      { timeout: 20_000, interval: 20 },
    );
    expect(dialog.textContent).toContain('A [profile acme-prod] section with credential_process in ~/.aws/config');
    await act(async () => (dialog.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    await settle();
    expect(main.calls.filter(([channel]) => channel === 'sessions.installCliProfile').map(([, request]) => request)).toEqual([
      { profileId: acme.id, awsProfile: 'acme-prod' },
    ]);
    expect(dialog.querySelector('[data-testid="install-conflict"]')?.textContent).toBe(
      '~/.aws/config already has a [profile acme-prod] you wrote yourself. Replace it (a backup is kept), or choose another AWS profile name.',
    );
    const replace = button(container, 'Replace it (a backup is kept)');
    expect(document.activeElement).toBe(replace);
    await act(async () => replace.click());
    await settle();
    expect(main.calls.filter(([channel]) => channel === 'sessions.installCliProfile').at(-1)?.[1]).toEqual({
      profileId: acme.id,
      awsProfile: 'acme-prod',
      force: true,
    });
    const result = dialog.querySelector('[data-testid="install-result"]')!;
    expect(result.querySelector('[role="status"]')?.textContent).toBe('Updated [profile acme-prod].');
    expect(result.textContent).toContain('/home/me/.aws/config.roledeck-backup-20250602T143200Z');
    expect(result.textContent).toContain('credential_process = /usr/bin/node /opt/roledeck/roledeck.mjs credential-process --id acme-prod-id acme-prod');
    // The edit happened, but the line does not run: said as an alert, not as a success.
    expect(result.querySelector('[data-testid="install-check"]')?.textContent).toBe('The AWS CLI cannot run it: It ended with exit code 4: The OS keychain is locked.');
    expect(result.querySelector('[data-testid="install-check"]')?.getAttribute('role')).toBe('alert');
    expect(result.querySelector('.install-result__title--warn')).not.toBeNull();
    expect(document.activeElement).toBe(button(container, 'Done'));
  }, 30_000);

  it('keeps no style attributes (the CSP forbids them), menu open or not', async () => {
    await act(async () => button(container, 'Copy acme-prod as…').click());
    expect(container.querySelector('[style]')).toBeNull();
  });
});
