import {
  channels,
  events,
  type ChannelName,
  type EventName,
  type EventPayloadOf,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../../../shared/contract';
import type { Logger } from '../../../shared/ports/logger';
import { createContractDispatcher, describeIssues } from './contract-dispatch';

/** Who is calling; transports fill it in after they have authenticated the caller. */
export interface CallContext {
  transport: 'electron' | 'websocket' | 'socket' | 'direct';
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** One handler for every channel in the contract: a missing one is a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of some channels: what a feature's `<feature>.ipc.ts` returns, typed against the contract. */
export type HandlersFor<C extends ChannelName> = { [K in C]: Handler<K> };

export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * The main-side IPC router. It knows nothing of Electron: Electron's ipcMain and the web host's
 * WebSocket are adapters that authenticate the caller and hand the raw channel name and payload
 * to `dispatch`.
 */
export class IpcRouter {
  private readonly listeners = new Set<EventListener>();
  readonly dispatch: (channel: unknown, payload: unknown, context: CallContext) => Promise<Result<unknown>>;

  constructor(
    handlers: Handlers,
    private readonly logger: Logger,
  ) {
    this.dispatch = createContractDispatcher(channels, handlers, logger);
  }

  /** Validates an event payload and hands it to every subscribed transport. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    const checked = events[event].safeParse(payload);
    if (!checked.success) {
      this.logger.error('event payload outside the contract', { event, issues: describeIssues(checked.error) });
      return;
    }
    for (const listener of this.listeners) listener(event, checked.data);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
