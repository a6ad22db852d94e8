import { channels, events, RoledeckError, type Channels, type Events, type Result } from '../../../shared/contract';
import type { ChannelSchemas, ContractClient, EventSchemas } from '../../../shared/contract/client';
import type { CallContext } from './router';

/** What the client needs of a router: its one request path and its event stream. */
export interface InProcessTarget<E extends string> {
  dispatch(channel: unknown, payload: unknown, context: CallContext): Promise<Result<unknown>>;
  subscribe(listener: (event: E, payload: unknown) => void): () => void;
}

/** The IPC contract as a client: what the tray (and any other main-side caller) uses. */
export type RoledeckClient = ContractClient<Channels, Events>;

/**
 * Builds a typed client of a router in the same process, from the contract itself: one method per
 * channel, named after it (`sessions.start` -> `client.sessions.start(request)`), so no caller
 * writes a channel name or casts a response. Calls take the router's full request path (request
 * parsed, response checked against its schema), as a window's would; a refusal rejects with a
 * RoledeckError carrying the contract's code and the user-facing message.
 */
export function createInProcessClient<M extends ChannelSchemas, E extends EventSchemas>(
  contract: { channels: M; events: E },
  target: InProcessTarget<keyof E & string>,
  context: CallContext = { transport: 'direct' },
): ContractClient<M, E> {
  const call = async (channel: string, request: unknown = {}): Promise<unknown> => {
    const result = await target.dispatch(channel, request, context);
    if (!result.ok) throw new RoledeckError(result.error.code, result.error.message);
    return result.value;
  };
  const namespaces = new Map<string, Record<string, (request?: unknown) => Promise<unknown>>>();
  for (const channel of Object.keys(contract.channels)) {
    const dot = channel.indexOf('.');
    const namespace = channel.slice(0, dot);
    const methods = namespaces.get(namespace) ?? {};
    methods[channel.slice(dot + 1)] = (request) => call(channel, request);
    namespaces.set(namespace, methods);
  }
  const on = (event: keyof E & string, listener: (payload: unknown) => void): (() => void) =>
    target.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  // The one step the types cannot follow: the object is built from the contract's keys at run
  // time. What it returns is what the router checked against the same contract's schemas (every
  // response before it leaves `dispatch`, every event payload before `emit` hands it out).
  return { ...Object.fromEntries(namespaces), on } as unknown as ContractClient<M, E>;
}

/** The router's client for the IPC contract (`shared/contract`). */
export function createRouterClient(target: InProcessTarget<keyof Events & string>, context?: CallContext): RoledeckClient {
  return createInProcessClient({ channels, events }, target, context);
}
