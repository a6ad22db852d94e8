import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Result } from '../../../../../shared/contract';
import type { ProfileView } from '../../../../../shared/domain/profile-view';
import type { SessionsSnapshot } from '../../../../../shared/domain/session';
import type { EventListener } from '../../../../../electron/node/ipc/router';
import { startTrayController, type TrayHandle } from '../../../../../electron/main/tray/tray.controller';
import { createRouter } from '../../../../../electron/node/app/services';
import { createRouterClient } from '../../../../../electron/node/ipc/in-process.client';
import { FakeScheduler } from '../../../../fakes/fake.scheduler';
import { MemoryClipboard } from '../../../../fakes/memory.clipboard';
import { FakeClock, fakePorts } from '../../../../fakes/ports';
import { recordingLogger } from '../../../../fakes/recording.logger';
import { ScriptedStsGateway } from '../../../../fakes/scripted.sts-gateway';

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
  settings: Record<string, unknown> = {};
  calls: { channel: string; payload: unknown }[] = [];
  failWith: string | null = null;
  private listeners = new Set<EventListener>();

  async dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    this.calls.push({ channel: String(channel), payload });
    if (channel === 'profiles.list') return { ok: true, value: { profiles: this.profiles } };
    if (channel === 'sessions.list') return { ok: true, value: this.snapshot };
    if (channel === 'settings.get') return { ok: true, value: this.settings };
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
  const notify = vi.fn();
  const { logger } = recordingLogger();
  const controller = startTrayController({
    tray,
    buildMenu: (template) => template,
    client: createRouterClient(router),
    openWindow,
    quit,
    reportFailure,
    notify,
    logger,
    now: () => now,
    platform,
    tickMs: 60_000,
  });
  return { tray, router, controller, openWindow, quit, reportFailure, notify, advance: (ms: number) => (now += ms) };
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
      'Copy for bash',
      'Copy as',
      'Open AWS console',
      'separator',
      'Live sessions',
      'acme-prod (Acme Corp) — 1 h left',
      'separator',
      'Open Roledeck',
      'Quit Roledeck',
    ]);
    expect(tray.menu[6]).toMatchObject({ type: 'radio', checked: true });
    expect((tray.menu[2]?.submenu as MenuItemConstructorOptions[]).map((item) => item.label)).toContain('PowerShell');
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
    router.snapshot = live;
    await controller.refresh();
    click(tray, 'Open AWS console');
    click(tray, 'Open Roledeck');
    click(tray, 'Quit Roledeck');
    await vi.waitFor(() =>
      expect(router.calls.filter((call) => !call.channel.endsWith('.list') && call.channel !== 'settings.get')).toEqual([
        { channel: 'sessions.setActive', payload: { profileId: 'acme-prod' } },
        { channel: 'sessions.start', payload: { profileId: 'acme-staging' } },
        { channel: 'sessions.openConsole', payload: { profileId: 'acme-prod' } },
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

/** Clicks an item inside a submenu of the tray menu. */
const clickIn = (tray: FakeTray, submenuLabel: string, label: string): void => {
  const submenu = tray.menu.find((entry) => entry.label === submenuLabel)?.submenu as MenuItemConstructorOptions[] | undefined;
  const item = submenu?.find((entry) => entry.label === label);
  if (!item?.click) throw new Error(`no item "${label}" under "${submenuLabel}"`);
  (item.click as () => void)();
};

describe('tray copy, through the real services and router', () => {
  async function world() {
    const clock = new FakeClock(NOW);
    const scheduler = new FakeScheduler(clock);
    const sts = new ScriptedStsGateway(clock);
    const clipboard = new MemoryClipboard();
    const { ports } = fakePorts({ clock, scheduler, sts, clipboard });
    const { router, services } = createRouter(ports);
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    const role = await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', accountId: '222222222222', roleName: 'Deployer' });
    const started = await router.dispatch('sessions.start', { profileId: role.id }, { transport: 'direct' });
    if (!started.ok) throw new Error(started.error.message);
    const active = await router.dispatch('sessions.setActive', { profileId: role.id }, { transport: 'direct' });
    if (!active.ok) throw new Error(active.error.message);
    const tray = new FakeTray();
    const notify = vi.fn();
    const reportFailure = vi.fn();
    const controller = startTrayController({
      tray,
      buildMenu: (template) => template,
      client: createRouterClient(router),
      openWindow: vi.fn(),
      quit: vi.fn(),
      reportFailure,
      notify,
      logger: recordingLogger().logger,
      now: () => clock.now(),
      platform: 'linux',
    });
    await controller.refresh();
    return { clock, scheduler, sts, clipboard, services, tray, notify, reportFailure, controller };
  }

  it('copies the session in use for a shell in one click: concealed, said in a notification, cleared after the delay', async () => {
    const { clipboard, sts, scheduler, tray, notify, reportFailure, controller } = await world();
    const issued = sts.calls.length;
    click(tray, 'Copy for bash');
    await vi.waitFor(() => expect(notify).toHaveBeenCalledOnce());
    expect(reportFailure).not.toHaveBeenCalled();
    expect(clipboard.concealed).toBe(true);
    expect(clipboard.text).toMatch(/^export AWS_ACCESS_KEY_ID='ASIA/m);
    expect(clipboard.text).toMatch(/^export AWS_SESSION_TOKEN='.*CANARYTOKEN/m);
    expect(sts.calls).toHaveLength(issued); // the live session, not a new one
    const [title, message] = notify.mock.calls[0] as [string, string];
    expect(title).toBe('acme-prod');
    expect(message).toMatch(/^Copied for bash — clears from the clipboard at \d{1,2}:\d{2}.*\. The credentials work until /);
    // The notification says nothing secret.
    expect(message).not.toMatch(/ASIA|CANARYTOKEN/);
    await scheduler.advance(60_000);
    await vi.waitFor(() => expect(clipboard.text).toBe(''));
    controller.dispose();
  });

  it('copies in any format from "Copy as", and that format becomes the one-click copy', async () => {
    const { clipboard, tray, notify, controller } = await world();
    clickIn(tray, 'Copy as', 'fish');
    await vi.waitFor(() => expect(notify).toHaveBeenCalledOnce());
    expect(clipboard.text).toMatch(/^set -gx AWS_ACCESS_KEY_ID 'ASIA/m);
    await vi.waitFor(() => expect(tray.menu.map((item) => item.label)).toContain('Copy for fish'));
    clickIn(tray, 'Copy as', 'PowerShell');
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(2));
    expect(clipboard.text).toMatch(/^\$Env:AWS_ACCESS_KEY_ID = 'ASIA/m);
    controller.dispose();
  });

  it('follows a copy made in the window: the tray offers the format the user chose there', async () => {
    const { services, tray, controller } = await world();
    const role = (await services.profiles.list()).find((profile) => profile.name === 'acme-prod')!;
    await services.work.copyExport(role.id, 'powershell');
    await vi.waitFor(() => expect(tray.menu.map((item) => item.label)).toContain('Copy for PowerShell'));
    controller.dispose();
  });

  it('says why when the copy cannot be made, and leaves the clipboard alone', async () => {
    const { clipboard, services, tray, notify, reportFailure, controller } = await world();
    await clipboard.writeConcealed('what the user copied before');
    // The menu was drawn; then the profile is removed (from the CLI, say) before the click lands.
    const copyItem = tray.menu.find((item) => item.label === 'Copy for bash');
    await services.profiles.remove('acme-prod');
    (copyItem?.click as () => void)();
    await vi.waitFor(() => expect(reportFailure).toHaveBeenCalledOnce());
    const [title, message] = reportFailure.mock.calls[0] as [string, string];
    expect(title).toBe('Could not copy acme-prod');
    expect(message).toMatch(/^That profile no longer exists: it was removed/);
    expect(notify).not.toHaveBeenCalled();
    expect(clipboard.text).toBe('what the user copied before');
    controller.dispose();
  });
});
