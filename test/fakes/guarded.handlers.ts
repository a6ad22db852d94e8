import type { z } from 'zod';
import { RoledeckError } from '../../shared/contract/errors';

type Contract = Record<string, { request: z.ZodType; response: z.ZodType }>;

/**
 * Stand-ins for every service behind a contract, for the fuzz tests (issue 16, item 2). The test
 * tells `sent` what it is about to send; a handler reached with a payload the contract refuses
 * (or on another channel) records a violation. A valid call gets a domain error, so nothing
 * further runs and the caller still sees data.
 */
export function guardedHandlers<M extends Contract>(contract: M) {
  const violations: string[] = [];
  const sent: { channel: string; payload: unknown } = { channel: '', payload: undefined };
  let reached = 0;
  const handlers = Object.fromEntries(
    Object.keys(contract).map((name) => [
      name,
      () => {
        reached += 1;
        const accepted = contract[name]!.request.safeParse(sent.payload ?? {}).success;
        if (sent.channel !== name || !accepted) violations.push(`${name} reached a service with a payload the contract refuses`);
        throw new RoledeckError('NOT_FOUND', 'The fuzz fake answers every valid call with this.');
      },
    ]),
  );
  return { handlers, sent, violations, reached: () => reached };
}
