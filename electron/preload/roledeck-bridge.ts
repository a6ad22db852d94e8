import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  EVENT_TRANSPORT_CHANNEL,
  isChannelName,
  isEventName,
  type ChannelName,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
  type Result,
  type RoledeckBridge,
} from '../../shared/contract';

// Type-only import from 'electron' so this module can be unit-tested with a fake ipcRenderer;
// preload.ts hands in the real one.

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

type AnyListener = (payload: unknown) => void;

/**
 * Builds `window.roledeck` from the contract. The page gets two functions and nothing else:
 * never ipcRenderer, never the IpcRendererEvent (its `sender` *is* ipcRenderer).
 */
export function createRoledeckBridge(ipc: BridgeIpc): RoledeckBridge {
  const listeners = new Map<EventName, Set<AnyListener>>();

  const onEnvelope = (_event: IpcRendererEvent, envelope: unknown): void => {
    if (typeof envelope !== 'object' || envelope === null) return;
    const { event, payload } = envelope as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One broken listener must not starve the others of the event.
        console.error(`Roledeck: a listener for ${event} threw`, error);
      }
    }
  };

  const listenerCount = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  return {
    async invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      const name: unknown = channel;
      if (!isChannelName(name)) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `"${String(name)}" is not part of Roledeck’s API.` },
        };
      }
      try {
        return (await ipc.invoke(name, request)) as Result<ResponseOf<C>>;
      } catch {
        // A payload that cannot be cloned (a function, a DOM node) rejects here, before main sees it.
        return {
          ok: false,
          error: { code: 'INVALID_REQUEST', message: `The request for ${name} could not be sent to Roledeck.` },
        };
      }
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void {
      const name: unknown = event;
      if (!isEventName(name)) throw new TypeError(`"${String(name)}" is not a Roledeck event.`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      if (listenerCount() === 0) ipc.on(EVENT_TRANSPORT_CHANNEL, onEnvelope);
      const set = listeners.get(name) ?? new Set<AnyListener>();
      listeners.set(name, set);
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const entry: AnyListener = (payload) => listener(payload as EventPayloadOf<E>);
      set.add(entry);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(entry);
        if (listenerCount() === 0) ipc.removeListener(EVENT_TRANSPORT_CHANNEL, onEnvelope);
      };
    },
  };
}
