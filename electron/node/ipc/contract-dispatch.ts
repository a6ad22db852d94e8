import type { z } from 'zod';
import { RoledeckError, type Result } from '../../../shared/contract/errors';
import { redactText } from '../../../shared/logic/redact';
import type { Logger } from '../../../shared/ports/logger';

/** A contract: channel name -> zod request/response schemas. */
export type ChannelMap = Record<string, { request: z.ZodType; response: z.ZodType }>;

export type ContractHandlers<M extends ChannelMap, Context> = {
  [C in keyof M]: (request: z.output<M[C]['request']>, context: Context) => Promise<z.output<M[C]['response']>> | z.output<M[C]['response']>;
};

/** Turns zod issues into a message naming the field and the rule, never echoing the value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

const INTERNAL = 'Roledeck hit an internal error. Details are in the log.';

/**
 * The one request path every transport shares (Electron IPC, the web host's WebSocket, the CLI
 * agent socket): unknown channels refused, the payload parsed with the request schema, domain
 * errors returned as data with redacted messages, and the response checked against its schema so
 * a handler cannot leak a field the contract does not declare.
 */
export function createContractDispatcher<M extends ChannelMap, Context>(
  contract: M,
  handlers: ContractHandlers<M, Context>,
  logger: Logger,
): (channel: unknown, payload: unknown, context: Context) => Promise<Result<unknown>> {
  return async (channel, payload, context) => {
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'This request is not part of Roledeck’s API.' } };
    }
    const spec = contract[channel]!;
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const field = parsed.error.issues.find((issue) => issue.path.length > 0)?.path.join('.');
      return {
        ok: false,
        error: { code: 'INVALID_REQUEST', message: `Invalid request for ${channel}: ${describeIssues(parsed.error)}`, ...(field ? { field } : {}) },
      };
    }
    try {
      const handler = handlers[channel as keyof M] as (request: unknown, context: Context) => unknown;
      const checked = spec.response.safeParse(await handler(parsed.data, context));
      if (!checked.success) {
        logger.error('handler returned a response outside the contract', { channel, issues: describeIssues(checked.error) });
        return { ok: false, error: { code: 'INTERNAL', message: INTERNAL } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof RoledeckError) {
        return { ok: false, error: { code: error.code, message: redactText(error.message), ...(error.field ? { field: error.field } : {}) } };
      }
      logger.error('handler failed', { channel, error });
      return { ok: false, error: { code: 'INTERNAL', message: INTERNAL } };
    }
  };
}
