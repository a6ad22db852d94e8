import { describe, expect, it, vi } from 'vitest';
import { createRoledeckBridge, type BridgeIpc } from '../../../../electron/preload/roledeck-bridge';
import { EVENT_TRANSPORT_CHANNEL, type ChannelName, type EventName } from '../../../../shared/contract';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** An ipcRenderer that records calls and lets the test push messages from "main". */
function fakeIpc(answer: (channel: string, payload: unknown) => unknown = () => ({ ok: true, value: 'pong' })) {
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<IpcListener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, payload: unknown) => {
      invoked.push([channel, payload]);
      return answer(channel, payload);
    }),
    on(channel: string, listener: IpcListener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return ipc;
    },
    removeListener(channel: string, listener: IpcListener) {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };
  const ipcEvent = { sender: 'the ipcRenderer itself', senderId: 0 };
  const push = (envelope: unknown) => {
    for (const listener of listeners.get(EVENT_TRANSPORT_CHANNEL) ?? []) listener(ipcEvent, envelope);
  };
  const listenerCount = () => listeners.get(EVENT_TRANSPORT_CHANNEL)?.size ?? 0;
  return { ipc: ipc as unknown as BridgeIpc, invoked, push, listenerCount };
}

const STATUS = { backend: 'memory', state: 'ready', message: '' };

describe('window.roledeck (the preload bridge)', () => {
  it('has exactly invoke and on', () => {
    expect(Object.keys(createRoledeckBridge(fakeIpc().ipc)).sort()).toEqual(['invoke', 'on']);
  });

  it('sends a contract channel to main and resolves with main’s answer', async () => {
    const { ipc, invoked } = fakeIpc(() => ({ ok: true, value: STATUS }));
    const bridge = createRoledeckBridge(ipc);
    await expect(bridge.invoke('keychain.status', {})).resolves.toEqual({ ok: true, value: STATUS });
    expect(invoked).toEqual([['keychain.status', {}]]);
  });

  it('refuses names outside the contract without sending anything', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createRoledeckBridge(ipc);
    for (const name of ['keychain.readAll', 'constructor', '__proto__', 'toString', EVENT_TRANSPORT_CHANNEL, '']) {
      await expect(bridge.invoke(name as ChannelName, {} as never), name).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
    expect(invoked).toEqual([]);
  });

  it('turns a failed send into an error result instead of a rejection', async () => {
    const { ipc } = fakeIpc(() => {
      throw new Error('An object could not be cloned.');
    });
    await expect(createRoledeckBridge(ipc).invoke('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('delivers only the payload of the subscribed event, never the IPC event object', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createRoledeckBridge(ipc);
    const listener = vi.fn();
    bridge.on('keychain.changed', listener);
    push({ event: 'keychain.changed', payload: STATUS });
    push({ event: 'something.else', payload: 1 });
    push('garbage');
    push(null);
    expect(listener.mock.calls).toEqual([[STATUS]]);
  });

  it('shares one IPC listener between subscribers and removes it after the last unsubscribe', () => {
    const { ipc, push, listenerCount } = fakeIpc();
    const bridge = createRoledeckBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.on('keychain.changed', first);
    const offSecond = bridge.on('keychain.changed', second);
    expect(listenerCount()).toBe(1);
    offFirst();
    offFirst();
    push({ event: 'keychain.changed', payload: STATUS });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    offSecond();
    expect(listenerCount()).toBe(0);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createRoledeckBridge(ipc);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    bridge.on('keychain.changed', () => {
      throw new Error('listener bug');
    });
    bridge.on('keychain.changed', after);
    push({ event: 'keychain.changed', payload: STATUS });
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });

  it('refuses to subscribe to an event outside the contract', () => {
    const { ipc, listenerCount } = fakeIpc();
    const bridge = createRoledeckBridge(ipc);
    expect(() => bridge.on('secrets.dump' as EventName, () => {})).toThrow(TypeError);
    expect(listenerCount()).toBe(0);
  });
});
