import { RoledeckError } from '../../../shared/contract/errors';
import type { MfaPrompt } from '../../../shared/domain/session';
import { splitCommandLine } from '../../../shared/logic/command-line';
import type { MfaPrompter } from '../../../shared/ports/mfa-prompter';
import { runMfaProcess, type MfaProcessRunner } from './mfa-process.runner';

/** How long an MFA process may take: a YubiKey that wants a touch waits for it (ykman's own wait is 15 s). */
export const MFA_PROCESS_TIMEOUT_MS = 30_000;

export interface ProcessMfaPrompterOptions {
  /** The command line for a device (the setting, or `--mfa-process`); undefined asks `fallback`. */
  commandFor: (deviceSerial: string) => Promise<string | undefined>;
  runner?: MfaProcessRunner;
  timeoutMs?: number;
  /** Where the process's stderr goes as it comes (the CLI's stderr); the app shows it in the error. */
  onStderr?: (text: string) => void;
}

const SIX_DIGITS = /^\d{6}$/;
const STDERR_SHOWN = 400;

function lastWords(stderr: string): string {
  const text = stderr.trim();
  if (!text) return '';
  return `: ${text.length > STDERR_SHOWN ? `…${text.slice(-STDERR_SHOWN)}` : text}`;
}

/**
 * MfaPrompter that takes the code from a command (a hardware token's CLI, a password manager)
 * when one is configured for the device, before asking a person. The broker calls it once per
 * operation, so one run serves every caller waiting on that device. Only the first attempt runs
 * the command: if AWS refused its code, a person (the fallback) is asked, never a loop of runs.
 */
export class ProcessMfaPrompter implements MfaPrompter {
  private readonly runner: MfaProcessRunner;

  constructor(
    private readonly fallback: MfaPrompter,
    private readonly options: ProcessMfaPrompterOptions,
  ) {
    this.runner = options.runner ?? runMfaProcess;
  }

  async ask(prompt: MfaPrompt, signal: AbortSignal): Promise<string> {
    const line = prompt.attempt === 1 ? await this.options.commandFor(prompt.deviceSerial) : undefined;
    if (line === undefined) return this.fallback.ask(prompt, signal);
    const split = splitCommandLine(line);
    if (!split.ok) throw new RoledeckError('VALIDATION', `The MFA process for ${prompt.deviceSerial} cannot be run: ${split.problem}. Fix it in Settings or in --mfa-process.`);
    const name = split.words[0]!;
    const timeoutMs = this.options.timeoutMs ?? MFA_PROCESS_TIMEOUT_MS;
    let outcome;
    try {
      outcome = await this.runner(split.words, { timeoutMs, signal, ...(this.options.onStderr ? { onStderr: this.options.onStderr } : {}) });
    } catch (error) {
      const why = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'it was not found (give its full path, or put it on PATH)' : 'it could not be started';
      throw new RoledeckError('MFA_REQUIRED', `The MFA process "${name}" for ${prompt.profileName} did not run: ${why}.`);
    }
    if (signal.aborted) throw new RoledeckError('MFA_CANCELLED', `The MFA code for ${prompt.profileName} was no longer needed.`);
    if (outcome.timedOut) {
      throw new RoledeckError('MFA_REQUIRED', `The MFA process "${name}" for ${prompt.profileName} did not finish within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} and was stopped. Does the token want a touch?`);
    }
    if (outcome.exitCode !== 0) {
      const exit = outcome.exitCode === null ? `was killed (${outcome.signal ?? 'signal'})` : `exited with ${outcome.exitCode}`;
      // Where stderr was already passed on as it came (the CLI's terminal), it is not said twice.
      throw new RoledeckError('MFA_REQUIRED', `The MFA process "${name}" for ${prompt.profileName} ${exit}${this.options.onStderr ? '; its messages are above.' : lastWords(outcome.stderr)}`);
    }
    // Never repeated in the message: stdout may be a code, or a secret the command printed by mistake.
    const code = outcome.stdout.trim();
    if (!SIX_DIGITS.test(code)) {
      throw new RoledeckError('MFA_REQUIRED', `The MFA process "${name}" for ${prompt.profileName} printed something other than a six-digit code (${code.length} characters). It must print the code alone on stdout.`);
    }
    return code;
  }

  update(prompt: MfaPrompt): void {
    this.fallback.update?.(prompt);
  }
}

/**
 * `--mfa-code <code>` for scripts: the first prompt gets that code; a second one (AWS refused it,
 * or another operation on the device needs a new one) fails, saying so, instead of asking nobody.
 */
export class GivenCodeMfaPrompter implements MfaPrompter {
  private used = false;

  constructor(private readonly code: string) {}

  ask(prompt: MfaPrompt): Promise<string> {
    if (!this.used) {
      this.used = true;
      return Promise.resolve(this.code);
    }
    const why = prompt.problem ? ` (${prompt.problem})` : '';
    return Promise.reject(
      new RoledeckError('MFA_REQUIRED', `The code given with --mfa-code was used up${why}. Run the command again with the code ${prompt.deviceSerial} shows now.`),
    );
  }
}
