import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { Customer } from '../../../shared/domain/customer';
import { RoledeckError } from '../../../shared/contract';
import type { ProfileView } from '../../../shared/domain/profile-view';
import type { SessionsSnapshot } from '../../../shared/domain/session';
import type { Logger } from '../../../shared/ports/logger';
import type { StoreSettings } from '../../../shared/domain/store-document';
import { copyStatusText, preferredFormat, type CopyResult } from '../../../shared/logic/export-format';
import type { RoledeckClient } from '../../node/ipc/in-process.client';
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
  /** The router's typed client (`createRouterClient(router)`): the same services the window calls. */
  client: Pick<RoledeckClient, 'profiles' | 'sessions' | 'settings' | 'customers' | 'on'>;
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
          ...icon(entry.color),
          ...(entry.checked === undefined ? {} : { type: 'radio' as const, checked: entry.checked }),
          click: () => run(entry.command),
        };
    }
  });
}

/**
 * Runs a call to the router. A refusal (RoledeckError: the user cancelled MFA, the profile is gone)
 * goes to `refused`; anything else is a bug and propagates to the caller's logging.
 */
async function attempt<T>(call: () => Promise<T>, refused: (error: RoledeckError) => void): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof RoledeckError)) throw error;
    refused(error);
    return undefined;
  }
}

/**
 * Keeps the tray current: redrawn on every 'sessions.changed' and 'settings.changed' event and
 * once a minute for the time left. Its commands go through the same router the window uses, by
 * its typed in-process client (transport 'direct').
 */
export function startTrayController(options: TrayControllerOptions): TrayController {
  const { tray, client, logger } = options;
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
    const listed = await attempt(() => client.profiles.list(), (error) => logger.warn('tray: could not list profiles', { code: error.code }));
    if (listed) profiles = listed.profiles;
  };

  const loadSnapshot = async (): Promise<void> => {
    const listed = await attempt(() => client.sessions.list(), (error) => logger.warn('tray: could not list sessions', { code: error.code }));
    if (listed) snapshot = listed;
  };

  /** The preferred export format lives in the settings and changes with every copy. */
  const loadSettings = async (): Promise<void> => {
    const read = await attempt(() => client.settings.get(), (error) => logger.warn('tray: could not read settings', { code: error.code }));
    if (read) settings = read;
  };

  const loadCustomers = async (): Promise<void> => {
    const listed = await attempt(() => client.customers.list(), (error) => logger.warn('tray: could not list customers', { code: error.code }));
    if (listed) customers = listed.customers;
  };

  const refresh = async (): Promise<void> => {
    await Promise.all([loadProfiles(), loadSnapshot(), loadSettings(), loadCustomers()]);
    draw();
  };

  const reportRefusal = (what: string) => (error: RoledeckError) => options.reportFailure(what, error.message);

  /** Main writes the clipboard (concealed, cleared later); the notification says when it clears. */
  const copy = async (profileId: string, format: CopyResult['format'], name: string): Promise<void> => {
    const copied = await attempt(() => client.sessions.copyExport({ profileId, format }), reportRefusal(`Could not copy ${name}`));
    // The copy remembers its format: 'settings.changed' follows and the one-click copy redraws.
    if (copied) options.notify(name, copyStatusText(copied));
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
      case 'make-active': {
        const what = `Could not switch to ${profileName(command.profileId)}`;
        pending = attempt(() => client.sessions.setActive({ profileId: command.profileId }), reportRefusal(what)).then(() => undefined);
        break;
      }
      case 'start': {
        const what = `Could not start a session for ${profileName(command.profileId)}`;
        pending = attempt(() => client.sessions.start({ profileId: command.profileId }), reportRefusal(what)).then(() => undefined);
        break;
      }
      case 'copy':
        pending = copy(command.profileId, command.format, profileName(command.profileId));
        break;
      case 'open-console': {
        const what = `Could not open the AWS console as ${profileName(command.profileId)}`;
        pending = attempt(() => client.sessions.openConsole({ profileId: command.profileId }), reportRefusal(what)).then(() => undefined);
        break;
      }
    }
    // Electron checks a radio item on click before we know whether the switch worked: redraw
    // from what is true now, and again when the result's event arrives.
    draw();
    pending?.catch((error: unknown) => logger.error('tray command failed', { command: command.type, error }));
  }

  const unsubscribers = [
    client.on('settings.changed', (payload) => {
      settings = payload;
      draw();
    }),
    client.on('customers.changed', (payload) => {
      customers = payload.customers;
      draw();
    }),
    client.on('store.reset', () => {
      // Everything the menu shows came from the old store.
      refresh().catch((error: unknown) => logger.warn('tray: refresh after Start over failed', { error }));
    }),
    client.on('sessions.changed', (payload) => {
      snapshot = payload;
      // A new session may be for a profile added since (favourite, label, colour): re-read them.
      void loadProfiles()
        .catch((error: unknown) => logger.warn('tray: could not list profiles', { error }))
        .finally(draw);
    }),
  ];

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
      for (const unsubscribe of unsubscribers) unsubscribe();
      tray.destroy();
    },
  };
}
