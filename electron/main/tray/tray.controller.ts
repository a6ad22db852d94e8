import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { Customer } from '../../../shared/domain/customer';
import type { ProfileView } from '../../../shared/domain/profile-view';
import type { SessionsSnapshot } from '../../../shared/domain/session';
import type { Logger } from '../../../shared/ports/logger';
import type { StoreSettings } from '../../../shared/domain/store-document';
import { copyStatusText, preferredFormat, type CopyResult } from '../../../shared/logic/export-format';
import type { IpcRouter } from '../../node/ipc/router';
import { buildTrayModel, type TrayCommand, type TrayModel } from './tray-menu';

// Type-only imports from 'electron': main.ts hands in the real Tray and Menu, tests hand in fakes.

/** The parts of Electron's Tray the controller uses. */
export interface TrayHandle {
  setToolTip(toolTip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: unknown): void;
  destroy(): void;
}

export interface TrayControllerOptions {
  tray: TrayHandle;
  /** Menu.buildFromTemplate in the app. */
  buildMenu: (template: MenuItemConstructorOptions[]) => unknown;
  router: Pick<IpcRouter, 'dispatch' | 'subscribe'>;
  openWindow: () => void;
  quit: () => void;
  /** Tells the user a tray action failed (an OS notification in the app). */
  reportFailure: (title: string, message: string) => void;
  /** Tells the user what a tray action did, e.g. what was copied and when it clears. */
  notify: (title: string, message: string) => void;
  logger: Logger;
  now?: () => number;
  platform?: string;
  /** How often the time left is redrawn; a minute, since the menu shows minutes. */
  tickMs?: number;
  /** A small square of the customer's colour beside a menu item (nativeImage in the app). */
  swatchIcon?: (color: string) => NativeImage;
}

export interface TrayController {
  /** Re-reads sessions and profiles from the router and redraws. */
  refresh(): Promise<void>;
  /** The model last drawn (for tests and diagnostics). */
  model(): TrayModel;
  dispose(): void;
}

/** Electron menu items from the model; the click handlers run the model's commands. */
export function toMenuTemplate(
  model: Pick<TrayModel, 'entries'>,
  run: (command: TrayCommand) => void,
  swatch?: (color: string) => NativeImage,
): MenuItemConstructorOptions[] {
  const icon = (color: string | undefined): { icon?: NativeImage } => (color && swatch ? { icon: swatch(color) } : {});
  return model.entries.map((entry): MenuItemConstructorOptions => {
    switch (entry.kind) {
      case 'submenu':
        return { label: entry.label, submenu: toMenuTemplate(entry, run, swatch) };
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: entry.label, enabled: false, ...icon(entry.color) };
      case 'command':
        return {
          label: entry.label,
          ...(entry.checked === undefined ? {} : { type: 'radio' as const, checked: entry.checked }),
          ...icon(entry.color),
          click: () => run(entry.command),
        };
    }
  });
}

/**
 * Keeps the tray current: redrawn on every 'sessions.changed' and 'settings.changed' event and
 * once a minute for the time left. Its commands go through the same router the window uses (transport 'direct').
 */
export function startTrayController(options: TrayControllerOptions): TrayController {
  const { tray, router, logger } = options;
  const now = options.now ?? Date.now;
  const platform = options.platform ?? process.platform;
  let snapshot: SessionsSnapshot | null = null;
  let profiles: ProfileView[] = [];
  let settings: StoreSettings | null = null;
  let customers: Customer[] = [];
  const model = (): TrayModel => buildTrayModel({ snapshot, profiles, now: now(), platform, preferredFormat: preferredFormat(settings), customers });
  // One image per colour: the menu is rebuilt every minute.
  const swatches = new Map<string, NativeImage>();
  const makeSwatch = options.swatchIcon;
  const swatch = makeSwatch
    ? (color: string): NativeImage => {
        let image = swatches.get(color);
        if (!image) {
          image = makeSwatch(color);
          swatches.set(color, image);
        }
        return image;
      }
    : undefined;
  let current: TrayModel = model();
  let disposed = false;

  const draw = (): void => {
    if (disposed) return;
    current = model();
    tray.setToolTip(current.tooltip);
    // Text beside the icon exists in the macOS menu bar only.
    if (platform === 'darwin') tray.setTitle(current.title);
    tray.setContextMenu(options.buildMenu(toMenuTemplate(current, run, swatch)));
  };

  const loadProfiles = async (): Promise<void> => {
    const result = await router.dispatch('profiles.list', {}, { transport: 'direct' });
    if (result.ok) profiles = (result.value as { profiles: ProfileView[] }).profiles;
    else logger.warn('tray: could not list profiles', { code: result.error.code });
  };

  const loadSnapshot = async (): Promise<void> => {
    const result = await router.dispatch('sessions.list', {}, { transport: 'direct' });
    if (result.ok) snapshot = result.value as SessionsSnapshot;
    else logger.warn('tray: could not list sessions', { code: result.error.code });
  };

  /** The preferred export format lives in the settings and changes with every copy. */
  const loadSettings = async (): Promise<void> => {
    const result = await router.dispatch('settings.get', {}, { transport: 'direct' });
    if (result.ok) settings = result.value as StoreSettings;
    else logger.warn('tray: could not read settings', { code: result.error.code });
  };

  const loadCustomers = async (): Promise<void> => {
    const result = await router.dispatch('customers.list', {}, { transport: 'direct' });
    if (result.ok) customers = (result.value as { customers: Customer[] }).customers;
    else logger.warn('tray: could not list customers', { code: result.error.code });
  };

  const refresh = async (): Promise<void> => {
    await Promise.all([loadProfiles(), loadSnapshot(), loadSettings(), loadCustomers()]);
    draw();
  };

  const dispatchCommand = async (channel: 'sessions.setActive' | 'sessions.start', profileId: string, what: string): Promise<void> => {
    const result = await router.dispatch(channel, { profileId }, { transport: 'direct' });
    if (!result.ok) options.reportFailure(what, result.error.message);
  };

  /** Main writes the clipboard (concealed, cleared later); the notification says when it clears. */
  const copy = async (profileId: string, format: CopyResult['format'], name: string): Promise<void> => {
    const result = await router.dispatch('sessions.copyExport', { profileId, format }, { transport: 'direct' });
    if (!result.ok) {
      options.reportFailure(`Could not copy ${name}`, result.error.message);
      return;
    }
    // The copy remembers its format: 'settings.changed' follows and the one-click copy redraws.
    options.notify(name, copyStatusText(result.value as CopyResult));
  };

  function run(command: TrayCommand): void {
    const profileName = (id: string): string =>
      snapshot?.sessions.find((session) => session.profileId === id)?.profileName ?? profiles.find((profile) => profile.id === id)?.name ?? 'the profile';
    let pending: Promise<void> | null = null;
    switch (command.type) {
      case 'open-window':
        options.openWindow();
        break;
      case 'quit':
        options.quit();
        break;
      case 'make-active':
        pending = dispatchCommand('sessions.setActive', command.profileId, `Could not switch to ${profileName(command.profileId)}`);
        break;
      case 'start':
        pending = dispatchCommand('sessions.start', command.profileId, `Could not start a session for ${profileName(command.profileId)}`);
        break;
      case 'copy':
        pending = copy(command.profileId, command.format, profileName(command.profileId));
        break;
    }
    // Electron checks a radio item on click before we know whether the switch worked: redraw
    // from what is true now, and again when the result's event arrives.
    draw();
    pending?.catch((error: unknown) => logger.error('tray command failed', { command: command.type, error }));
  }

  const unsubscribe = router.subscribe((event, payload) => {
    if (event === 'settings.changed') {
      settings = payload as StoreSettings;
      draw();
      return;
    }
    if (event === 'customers.changed') {
      customers = (payload as { customers: Customer[] }).customers;
      draw();
      return;
    }
    if (event === 'store.reset') {
      // Everything the menu shows came from the old store.
      refresh().catch((error: unknown) => logger.warn('tray: refresh after Start over failed', { error }));
      return;
    }
    if (event !== 'sessions.changed') return;
    snapshot = payload as SessionsSnapshot;
    // A new session may be for a profile added since (favourite, label, colour): re-read them.
    void loadProfiles()
      .catch((error: unknown) => logger.warn('tray: could not list profiles', { error }))
      .finally(draw);
  });

  const timer = setInterval(draw, options.tickMs ?? 60_000);
  // The tray never keeps the process alive on its own.
  timer.unref?.();

  draw();
  refresh().catch((error: unknown) => logger.warn('tray: first refresh failed', { error }));

  return {
    refresh,
    model: () => current,
    dispose: () => {
      disposed = true;
      clearInterval(timer);
      unsubscribe();
      tray.destroy();
    },
  };
}
