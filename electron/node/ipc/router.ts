import type { z } from 'zod';
import {
  channels,
  events,
  isChannelName,
  RoledeckError,
  type ChannelName,
  type EventName,
  type EventPayloadOf,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../../../shared/contract';
import type { Logger } from '../../../shared/ports/logger';
import { redactText } from '../../../shared/logic/redact';

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

export type EventListener = (event: EventName, payload: unknown) => void;

/** Turns zod issues into a message naming the field and the rule, never echoing the value. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : 'request';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The main-side IPC router. It knows nothing of Electron: Electron's ipcMain, the test host's
 * WebSocket and the CLI socket are adapters that authenticate the caller and hand the raw
 * channel name and payload to `dispatch`.
 */
export class IpcRouter {
  private readonly listeners = new Set<EventListener>();

  constructor(
    private readonly handlers: Handlers,
    private readonly logger: Logger,
  ) {}

  async dispatch(channel: unknown, payload: unknown, context: CallContext): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'This request is not part of Roledeck’s API.' } };
    }
    const spec = channels[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_REQUEST', message: `Invalid request for ${channel}: ${describeIssues(parsed.error)}` },
      };
    }
    try {
      const handler = this.handlers[channel] as Handler<typeof channel>;
      const value: unknown = await handler(parsed.data as never, context);
      // Responses are checked too: a handler that leaks an extra field (a secret) or returns the
      // wrong shape fails here instead of in the renderer.
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        this.logger.error('handler returned a response outside the contract', {
          channel,
          issues: describeIssues(checked.error),
        });
        return { ok: false, error: { code: 'INTERNAL', message: 'Roledeck hit an internal error. Details are in the log.' } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof RoledeckError) {
        return { ok: false, error: { code: error.code, message: redactText(error.message) } };
      }
      this.logger.error('handler failed', { channel, error });
      return { ok: false, error: { code: 'INTERNAL', message: 'Roledeck hit an internal error. Details are in the log.' } };
    }
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
