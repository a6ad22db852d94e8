import { z } from 'zod';
import { splitCommandLine } from '../logic/command-line';

/**
 * An MFA device's mfa_process (as aws-vault calls it): a command line whose stdout is the device's
 * current code, e.g. `ykman oath accounts code -s AWS:me`. It runs without a shell, split into
 * words as a credential_process line is (shared/logic/command-line.ts: quotes closed, a backslash
 * escapes the next character, so a Windows path goes in single quotes); checked here. '' removes it.
 */
export const MfaProcessCommandSchema = z
  .string()
  .max(1024, 'An MFA process command is at most 1,024 characters')
  .superRefine((value, context) => {
    if (value.trim() === '') return;
    const split = splitCommandLine(value);
    if (!split.ok) context.addIssue({ code: 'custom', message: `The MFA process command cannot be split into words: ${split.problem}` });
  });
