import { closeSync, openSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { ReadStream, WriteStream } from 'node:tty';
import { RoledeckError } from '../../../shared/contract/errors';
import type { MfaPrompt } from '../../../shared/domain/session';
import type { MfaPrompter } from '../../../shared/ports/mfa-prompter';

/** Asks one question on a terminal and resolves with the line typed; null when there is no terminal. */
export type LineReader = (question: string, signal: AbortSignal) => Promise<string>;

export function promptText(prompt: MfaPrompt): string {
  const problem = prompt.problem ? `${prompt.problem}\n` : '';
  return `${problem}MFA code for ${prompt.deviceSerial} (${prompt.profileName}: ${prompt.reason}): `;
}

/**
 * MfaPrompter for the `roledeck` CLI: asks on the terminal. Under credential_process or a pipe,
 * stdin is not the person: it reads /dev/tty instead, and when there is no terminal at all it
 * fails saying how to get a code in (never hangs waiting on a pipe).
 */
export class TerminalMfaPrompter implements MfaPrompter {
  constructor(private readonly readLine: () => LineReader | null) {}

  async ask(prompt: MfaPrompt, signal: AbortSignal): Promise<string> {
    const reader = this.readLine();
    if (!reader) {
      throw new RoledeckError(
        'MFA_REQUIRED',
        `${prompt.profileName} needs an MFA code from ${prompt.deviceSerial}, and there is no terminal to ask on. ` +
          `Run \`roledeck whoami ${prompt.profileName}\` in a terminal, or start the Roledeck app; the session it obtains is cached for this command too.`,
      );
    }
    try {
      return await reader(promptText(prompt), signal);
    } catch (error) {
      if (error instanceof RoledeckError) throw error;
      throw new RoledeckError('MFA_CANCELLED', `No MFA code was entered for ${prompt.profileName}.`, { cause: error });
    }
  }
}

async function ask(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, question: string, signal: AbortSignal): Promise<string> {
  const lines = createInterface({ input, output, terminal: true });
  try {
    return await lines.question(question, { signal });
  } finally {
    lines.close();
  }
}

/**
 * The terminal to ask on: stdin when it is one (the prompt goes to stderr, keeping stdout for
 * results), else the controlling terminal /dev/tty. Null when neither exists.
 */
export function terminalLineReader(stdinIsTty: boolean): LineReader | null {
  if (stdinIsTty) return (question, signal) => ask(process.stdin, process.stderr, question, signal);
  if (process.platform === 'win32' || !canOpenTty()) return null;
  return async (question, signal) => {
    // One descriptor per question: destroying the stream closes it, and a re-prompt opens anew.
    const fd = openSync('/dev/tty', 'r+');
    const input = new ReadStream(fd);
    const output = new WriteStream(fd);
    try {
      return await ask(input, output, question, signal);
    } finally {
      input.destroy();
    }
  };
}

/** Whether this process has a controlling terminal (opening /dev/tty fails with ENXIO otherwise). */
function canOpenTty(): boolean {
  try {
    closeSync(openSync('/dev/tty', 'r+'));
    return true;
  } catch {
    return false;
  }
}
