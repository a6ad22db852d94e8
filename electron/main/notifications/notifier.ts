import type { Logger } from '../../../shared/ports/logger';
import type { IpcRouter } from '../../node/ipc/router';
import { decideNotifications, type NotifyAction } from './notification-policy';

// Type-only: main.ts hands in Electron's Notification and the window; tests hand in fakes.

/** The parts of an Electron Notification the notifier uses. */
export interface NotificationHandle {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

/** The parts of the main BrowserWindow the notifier uses. */
export interface WindowHandle {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  isFocused(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface NotifierOptions {
  router: Pick<IpcRouter, 'subscribe'>;
  /** `new Notification(...)`, or null where the OS has no notification service. */
  createNotification: (options: { title: string; body: string }) => NotificationHandle | null;
  /** The main window, or null when it was closed. */
  window: () => WindowHandle | null;
  /** Opens the main window when there is none (macOS keeps running without one). */
  openWindow: () => void;
  /** app.focus({steal: true}) on macOS, where focusing a window does not activate the app. */
  activateApp?: () => void;
  logger: Logger;
}

export interface Notifier {
  /** Shows, restores and focuses the main window. */
  raiseWindow(): void;
  /** A one-off notification (a failed tray action). */
  notify(title: string, body: string): void;
  dispose(): void;
}

/** Carries out notification-policy's decisions for every router event. */
export function startNotifier(options: NotifierOptions): Notifier {
  const { logger } = options;
  // Held so they are not garbage-collected (a collected notification loses its click handler)
  // and so `mfa.closed` can take its notification away.
  const shown = new Map<string, NotificationHandle>();
  let oneOff = 0;

  const raiseWindow = (): void => {
    const window = options.window();
    if (!window || window.isDestroyed()) {
      options.openWindow();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    options.activateApp?.();
    window.focus();
  };

  const show = (key: string, title: string, body: string): void => {
    const notification = options.createNotification({ title, body });
    if (!notification) return;
    shown.set(key, notification);
    notification.on('click', () => raiseWindow());
    notification.on('close', () => {
      if (shown.get(key) === notification) shown.delete(key);
    });
    notification.show();
  };

  const apply = (action: NotifyAction): void => {
    switch (action.type) {
      case 'raise-window':
        raiseWindow();
        break;
      case 'show':
        show(action.key, action.title, action.body);
        break;
      case 'close':
        shown.get(action.key)?.close();
        shown.delete(action.key);
        break;
    }
  };

  const windowFocused = (): boolean => {
    const window = options.window();
    return window !== null && !window.isDestroyed() && window.isVisible() && !window.isMinimized() && window.isFocused();
  };

  const unsubscribe = options.router.subscribe((event, payload) => {
    try {
      for (const action of decideNotifications(event, payload, { windowFocused: windowFocused(), shown: new Set(shown.keys()) })) apply(action);
    } catch (error) {
      // A notification failing must never break the router's other listeners (the window's IPC).
      logger.warn('could not raise a notification', { event, error });
    }
  });

  return {
    raiseWindow,
    notify: (title, body) => {
      oneOff += 1;
      show(`once:${oneOff}`, title, body);
    },
    dispose: () => {
      unsubscribe();
      for (const notification of shown.values()) notification.close();
      shown.clear();
    },
  };
}
