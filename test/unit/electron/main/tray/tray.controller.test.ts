import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Result } from '../../../../../shared/contract';
import type { ProfileView } from '../../../../../shared/domain/profile-view';
import type { SessionsSnapshot } from '../../../../../shared/domain/session';
import type { EventListener } from '../../../../../electron/node/ipc/router';
import { startTrayController, type TrayHandle } from '../../../../../electron/main/tray/tray.controller';
import { recordingLogger } from '../../../../fakes/recording.logger';

const NOW = Date.UTC(2025, 5, 2, 15, 31);

class FakeTray implements TrayHandle {
  toolTip = '';
  title = '';
  menu: MenuItemConstructorOptions[] = [];
  destroyed = false;
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu as MenuItemConstructorOptions[];
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** A router that answers profiles.list / sessions.list from fields and records every call. */
class FakeRouter {
  snapshot: SessionsSnapshot = { activeProfileId: null, sessions: [] };
  profiles: ProfileView[] = [];
  calls: { channel: string; payload: unknown }[] = [];
  failWith: string | null = null;
  private listeners = new Set<EventListener>();

  async dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    this.calls.push({ channel: String(channel), payload });
    if (channel === 'profiles.list') return { ok: true, value: { profiles: this.profiles } };
    if (channel === 'sessions.list') return { ok: true, value: this.snapshot };
    if (this.failWith) return { ok: false, error: { code: 'MFA_CANCELLED', message: this.failWith } };
    return { ok: true, value: this.snapshot };
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: 'sessions.changed' | 'mfa.prompt', payload: unknown): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

const acme: ProfileView = {
  kind: 'role',
  id: 'acme-prod',
  name: 'acme-prod',
  label: 'Acme Corp',
  favorite: true,
  roleArn: 'arn:aws:iam::123456789012:role/Deployer',
  accountId: '123456789012',
  roleName: 'Deployer',
  partition: 'aws',
  sourceId: 'consultant',
  sourceName: 'consultant',
  chain: ['consultant', 'acme-prod'],
};

const live: SessionsSnapshot = {
  activeProfileId: 'acme-prod',
  sessions: [
    {
      profileId: 'acme-prod',
      profileName: 'acme-prod',
      kind: 'role',
      state: 'active',
      expiresAt: NOW + 60 * 60_000,
      cachedIn: 'keychain',
      refreshNeedsMfa: false,
      chain: ['consultant', 'acme-prod'],
    },
  ],
};

function setup(platform = 'darwin') {
  let now = NOW;
  const tray = new FakeTray();
  const router = new FakeRouter();
  const openWindow = vi.fn();
  const quit = vi.fn();
  const reportFailure = vi.fn();
  const { logger } = recordingLogger();
  const controller = startTrayController({
    tray,
    buildMenu: (template) => template,
    router,
    openWindow,
    quit,
    reportFailure,
    logger,
    now: () => now,
    platform,
    tickMs: 60_000,
  });
  return { tray, router, controller, openWindow, quit, reportFailure, advance: (ms: number) => (now += ms) };
}

const click = (tray: FakeTray, label: string): void => {
  const item = tray.menu.find((entry) => entry.label === label);
  if (!item?.click) throw new Error(`no menu item "${label}" in ${tray.menu.map((entry) => entry.label).join(' | ')}`);
  (item.click as () => void)();
};

describe('tray controller', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws the menu from the router’s sessions and profiles as soon as it starts', async () => {
    const { tray, router, controller } = setup();
    router.snapshot = live;
    router.profiles = [acme];
    await controller.refresh();
    expect(tray.toolTip).toBe('Roledeck — acme-prod (Acme Corp), 1 h left');
    expect(tray.title).toBe('acme-prod · 1 h');
    expect(tray.menu.map((item) => item.label ?? item.type)).toEqual([
      'In use: acme-prod (Acme Corp) — 1 h left',
      'separator',
      'Live sessions',
      'acme-prod (Acme Corp) — 1 h left',
      'separator',
      'Open Roledeck',
      'Quit Roledeck',
    ]);
    expect(tray.menu[3]).toMatchObject({ type: 'radio', checked: true });
    expect(tray.menu[0]).toMatchObject({ enabled: false });
  });

  it('redraws on every sessions.changed event', async () => {
    const { tray, router, controller } = setup();
    await controller.refresh();
    expect(tray.toolTip).toBe('Roledeck — no session in use');
    const lists = router.calls.filter((call) => call.channel === 'sessions.list').length;
    router.profiles = [acme];
    router.emit('sessions.changed', live);
    await vi.waitFor(() => expect(tray.toolTip).toBe('Roledeck — acme-prod (Acme Corp), 1 h left'));
    router.emit('mfa.prompt', {});
    // The event carries the snapshot: no extra sessions.list.
    expect(router.calls.filter((call) => call.channel === 'sessions.list')).toHaveLength(lists);
  });

  it('redraws the time left every minute without asking the router', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { tray, router, controller, advance } = setup();
    router.snapshot = live;
    router.profiles = [acme];
    await controller.refresh();
    const calls = router.calls.length;
    advance(15 * 60_000);
    vi.advanceTimersByTime(60_000);
    expect(tray.title).toBe('acme-prod · 45 min');
    expect(router.calls).toHaveLength(calls);
    controller.dispose();
  });

  it('switches, starts, opens and quits through the menu', async () => {
    const { tray, router, controller, openWindow, quit } = setup('linux');
    router.snapshot = { activeProfileId: null, sessions: live.sessions };
    router.profiles = [acme, { ...acme, id: 'acme-staging', name: 'acme-staging' }];
    await controller.refresh();
    expect(tray.title).toBe('');
    click(tray, 'acme-prod (Acme Corp) — 1 h left');
    click(tray, 'acme-staging (Acme Corp)');
    click(tray, 'Open Roledeck');
    click(tray, 'Quit Roledeck');
    await vi.waitFor(() =>
      expect(router.calls.filter((call) => !call.channel.endsWith('.list'))).toEqual([
        { channel: 'sessions.setActive', payload: { profileId: 'acme-prod' } },
        { channel: 'sessions.start', payload: { profileId: 'acme-staging' } },
      ]),
    );
    expect(openWindow).toHaveBeenCalledOnce();
    expect(quit).toHaveBeenCalledOnce();
  });

  it('tells the user when a tray action fails', async () => {
    const { tray, router, controller, reportFailure } = setup();
    router.profiles = [acme];
    router.failWith = 'The MFA prompt for acme-prod was cancelled, so nothing was started.';
    await controller.refresh();
    click(tray, 'acme-prod (Acme Corp)');
    await vi.waitFor(() =>
      expect(reportFailure).toHaveBeenCalledWith('Could not start a session for acme-prod', 'The MFA prompt for acme-prod was cancelled, so nothing was started.'),
    );
  });

  it('stops listening and removes the icon when disposed', async () => {
    const { tray, router, controller } = setup();
    await controller.refresh();
    controller.dispose();
    expect(tray.destroyed).toBe(true);
    expect(router.listenerCount).toBe(0);
  });
});
