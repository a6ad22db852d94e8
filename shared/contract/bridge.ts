import type { ChannelName, EventName, EventPayloadOf, RequestOf, ResponseOf } from './channels';
import type { Result } from './errors';

/**
 * The object the preload exposes as `window.roledeck`. It is deliberately tiny and generic:
 * every channel goes through `invoke`, every event through `on`. Any transport (Electron IPC,
 * the browser-preview web host's WebSocket) implements exactly this.
 */
export interface RoledeckBridge {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Returns a function that removes the listener. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}
