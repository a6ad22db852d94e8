import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import {
  isAllowedSenderFrame,
  mountElectronIpc,
  type ElectronIpcAdapterOptions,
  type EventRecipient,
} from '../../../../../electron/main/ipc/electron-ipc.adapter';
import { createHandlers, createServices } from '../../../../../electron/node/app/services';
import { IpcRouter } from '../../../../../electron/node/ipc/router';
import { channels, EVENT_TRANSPORT_CHANNEL } from '../../../../../shared/contract';
import { fakePorts } from '../../../../fakes/ports';

const APP = 'app://roledeck/index.html';
const runtime = { name: 'Roledeck', version: '1.2.3', platform: 'linux' as const, runtime: { kind: 'electron' as const, version: '45.5.0' } };

type Handle = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handle>();
  const ipcMain = {
    handle: (channel: string, handler: Handle) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { ipcMain: ipcMain as unknown as ElectronIpcAdapterOptions['ipcMain'], handlers };
}

function fakeRecipient(url: string, destroyed = false) {
  const sent: unknown[][] = [];
  const recipient = { send: (...args: unknown[]) => sent.push(args), getURL: () => url, isDestroyed: () => destroyed };
  return { recipient: recipient as unknown as EventRecipient, sent };
}

function mounted(recipients: EventRecipient[] = []) {
  const { ports, lines } = fakePorts({ runtime });
  const { logger } = ports;
  const router = new IpcRouter(createHandlers(createServices(ports)), logger);
  const { ipcMain, handlers } = fakeIpcMain();
  const unmount = mountElectronIpc({ ipcMain, router, appUrl: APP, logger, targets: () => recipients });
  const call = (channel: string, payload: unknown, frame: { url: string; parent: unknown } | null) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame } as unknown as IpcMainInvokeEvent, payload);
  };
  return { router, handlers, call, unmount, lines };
}

describe('mountElectronIpc', () => {
  it('registers exactly the contract’s channels', () => {
    const { handlers } = mounted();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  it('answers the app’s own top frame through the router', async () => {
    const { call } = mounted();
    await expect(call('app.info', {}, { url: `${APP}#/`, parent: null })).resolves.toEqual({ ok: true, value: runtime });
  });

  it('passes the router’s validation errors through as data', async () => {
    const { call } = mounted();
    await expect(call('app.info', { extra: 1 }, { url: APP, parent: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('refuses a frame from another origin, another file, a sub-frame, or a frame that is gone', async () => {
    const { call, lines } = mounted();
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: APP, parent: { url: APP } },
      null,
    ]) {
      await expect(call('app.info', {}, frame)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(lines.filter((line) => line.includes('refused an IPC call'))).toHaveLength(4);
  });

  it('answers INTERNAL, never a rejected promise, when dispatch itself throws', async () => {
    const { call, router } = mounted();
    vi.spyOn(router, 'dispatch').mockRejectedValueOnce(new Error('bug'));
    await expect(call('app.info', {}, { url: APP, parent: null })).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('forwards router events to the app’s windows only', () => {
    const app = fakeRecipient(`${APP}#/`);
    const elsewhere = fakeRecipient('https://evil.example/');
    const closed = fakeRecipient(APP, true);
    const { router } = mounted([app.recipient, elsewhere.recipient, closed.recipient]);
    const status = { backend: 'memory' as const, state: 'locked' as const, message: 'keychain locked' };
    router.emit('keychain.changed', status);
    expect(app.sent).toEqual([[EVENT_TRANSPORT_CHANNEL, { event: 'keychain.changed', payload: status }]]);
    expect(elsewhere.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
  });

  it('unmounts: handlers removed, events no longer forwarded', () => {
    const app = fakeRecipient(APP);
    const { router, handlers, unmount } = mounted([app.recipient]);
    unmount();
    expect(handlers.size).toBe(0);
    router.emit('keychain.changed', { backend: 'memory', state: 'ready', message: '' });
    expect(app.sent).toEqual([]);
  });
});

describe('isAllowedSenderFrame', () => {
  it('needs a top frame showing the app page', () => {
    expect(isAllowedSenderFrame({ url: APP, parent: null }, APP)).toBe(true);
    expect(isAllowedSenderFrame({ url: APP, parent: {} }, APP)).toBe(false);
    expect(isAllowedSenderFrame(null, APP)).toBe(false);
    expect(isAllowedSenderFrame(undefined, APP)).toBe(false);
  });
});
