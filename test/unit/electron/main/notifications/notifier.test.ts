import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../../../shared/contract';
import type { MfaPrompt } from '../../../../../shared/domain/session';
import type { EventListener } from '../../../../../electron/node/ipc/router';
import { startNotifier, type NotificationHandle, type WindowHandle } from '../../../../../electron/main/notifications/notifier';
import { recordingLogger } from '../../../../fakes/recording.logger';

class FakeNotification implements NotificationHandle {
  shown = false;
  closed = false;
  private readonly handlers = new Map<string, () => void>();
  constructor(readonly options: { title: string; body: string }) {}
  on(event: 'click' | 'close', listener: () => void): this {
    this.handlers.set(event, listener);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.closed = true;
    this.handlers.get('close')?.();
  }
  click(): void {
    this.handlers.get('click')?.();
  }
}

class FakeWindow implements WindowHandle {
  minimized = false;
  visible = true;
  focused = false;
  destroyed = false;
  log: string[] = [];
  isDestroyed = (): boolean => this.destroyed;
  isMinimized = (): boolean => this.minimized;
  isVisible = (): boolean => this.visible;
  isFocused = (): boolean => this.focused;
  restore(): void {
    this.log.push('restore');
    this.minimized = false;
  }
  show(): void {
    this.log.push('show');
    this.visible = true;
  }
  focus(): void {
    this.log.push('focus');
    this.focused = true;
  }
}

const prompt: MfaPrompt = {
  id: 'p1',
  deviceSerial: 'arn:aws:iam::123456789012:mfa/consultant',
  profileName: 'acme-prod',
  reason: 'to assume Deployer in 123456789012',
  attempt: 1,
  waiting: 1,
  requestedAt: 0,
};

function setup(options: { window?: FakeWindow | null; supported?: boolean } = {}) {
  const listeners = new Set<EventListener>();
  const router = {
    subscribe: (listener: EventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: EventName, payload: unknown): void => {
    for (const listener of listeners) listener(event, payload);
  };
  const notifications: FakeNotification[] = [];
  let window: FakeWindow | null = options.window === undefined ? new FakeWindow() : options.window;
  const openWindow = vi.fn(() => {
    window = new FakeWindow();
  });
  const activateApp = vi.fn();
  const notifier = startNotifier({
    router,
    createNotification: (init) => {
      if (options.supported === false) return null;
      const notification = new FakeNotification(init);
      notifications.push(notification);
      return notification;
    },
    window: () => window,
    openWindow,
    activateApp,
    logger: recordingLogger().logger,
  });
  return { emit, notifications, window: () => window, openWindow, activateApp, notifier, listeners };
}

describe('notifier', () => {
  it('brings a minimised window forward and shows a notification when an MFA prompt opens', () => {
    const win = new FakeWindow();
    win.minimized = true;
    const { emit, notifications, activateApp } = setup({ window: win });
    emit('mfa.prompt', prompt);
    expect(win.log).toEqual(['restore', 'show', 'focus']);
    expect(activateApp).toHaveBeenCalledOnce();
    expect(notifications.map((n) => [n.options.title, n.shown])).toEqual([['Roledeck needs an MFA code for acme-prod', true]]);
  });

  it('focuses the window when the notification is clicked, and removes it when the prompt closes', () => {
    const win = new FakeWindow();
    const { emit, notifications } = setup({ window: win });
    emit('mfa.prompt', prompt);
    win.focused = false;
    win.log = [];
    notifications[0]!.click();
    expect(win.log).toEqual(['show', 'focus']);
    emit('mfa.closed', { promptId: 'p1', outcome: 'answered' });
    expect(notifications[0]!.closed).toBe(true);
  });

  it('opens a new window when the prompt comes while the window is closed (macOS keeps running)', () => {
    const { emit, openWindow } = setup({ window: null });
    emit('mfa.prompt', prompt);
    expect(openWindow).toHaveBeenCalledOnce();
  });

  it('leaves a focused window alone and shows no notification', () => {
    const win = new FakeWindow();
    win.focused = true;
    const { emit, notifications } = setup({ window: win });
    emit('mfa.prompt', prompt);
    expect(win.log).toEqual([]);
    expect(notifications).toEqual([]);
  });

  it('still raises the window where the OS has no notifications', () => {
    const win = new FakeWindow();
    const { emit } = setup({ window: win, supported: false });
    emit('mfa.prompt', prompt);
    expect(win.log).toEqual(['show', 'focus']);
  });

  it('notifies session warnings and one-off tray failures', () => {
    const { emit, notifications, notifier } = setup();
    emit('sessions.warning', { profileId: 'a', profileName: 'acme-prod', message: 'acme-prod will need an MFA code at 17:45.', at: 0 });
    notifier.notify('Could not switch to acme-prod', 'The keychain is locked.');
    expect(notifications.map((n) => n.options)).toEqual([
      { title: 'Roledeck: acme-prod', body: 'acme-prod will need an MFA code at 17:45.' },
      { title: 'Could not switch to acme-prod', body: 'The keychain is locked.' },
    ]);
  });

  it('never lets a failing notification break the other event listeners', () => {
    const { emit, listeners } = setup({ window: { ...new FakeWindow(), isDestroyed: () => { throw new Error('gone'); } } as unknown as FakeWindow });
    expect(() => emit('mfa.prompt', prompt)).not.toThrow();
    expect(listeners.size).toBe(1);
  });

  it('closes its notifications and unsubscribes when disposed', () => {
    const { emit, notifications, notifier, listeners } = setup();
    emit('mfa.prompt', prompt);
    notifier.dispose();
    expect(notifications[0]!.closed).toBe(true);
    expect(listeners.size).toBe(0);
  });
});
