import type { z } from 'zod';
import { RoledeckError, type ErrorCode } from '../../shared/contract/errors';
import { fieldMessage } from '../../shared/domain/rule-message';
import { redactText } from '../../shared/logic/redact';
import { messageOf } from '../../shared/logic/error-message';

/** Exit codes scripts can branch on; listed in `roledeck --help`. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  keychain: 4,
  aws: 5,
  invalid: 6,
  /** A stack operation failed (and rolled back): the reason is printed. */
  stackFailed: 7,
  /** `roledeck audit --verify`: the audit log's hash chain is broken (the lines are printed). */
  auditBroken: 8,
} as const;

const exitForCode: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: EXIT.notFound,
  KEYCHAIN_LOCKED: EXIT.keychain,
  KEYCHAIN_UNAVAILABLE: EXIT.keychain,
  AWS_ERROR: EXIT.aws,
  VALIDATION: EXIT.invalid,
  INVALID_REQUEST: EXIT.invalid,
  CONFLICT: EXIT.invalid,
};

export class UsageError extends Error {
  override name = 'UsageError';
  /** `command` is the command whose `--help` the message points to (`profile add-role`). */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Turns zod issues into "--flag: what is wrong" lines, naming the flag the person typed. */
export function describeInvalid(error: z.ZodError, flagFor: (field: string) => string): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      const flag = field ? flagFor(field) : 'input';
      return fieldMessage(flag, issue.code === 'unrecognized_keys' ? `unknown option ${issue.keys.join(', ')}` : issue.message);
    })
    .join('\n');
}

export function reportError(error: unknown, stderr: (text: string) => void): number {
  if (error instanceof UsageError) {
    stderr(`roledeck: ${error.message}\nRun \`roledeck ${error.command ? `${error.command} ` : ''}--help\` for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof RoledeckError) {
    stderr(`roledeck: ${redactText(error.message)}\n`);
    return exitForCode[error.code] ?? EXIT.failure;
  }
  const message = messageOf(error);
  stderr(`roledeck: unexpected error: ${redactText(message)}\n`);
  return EXIT.failure;
}
