import { RoledeckError } from '../../shared/contract/errors';
import type { MfaPrompt } from '../../shared/domain/session';
import type { MfaPrompter } from '../../shared/ports/mfa-prompter';

interface Open {
  prompt: MfaPrompt;
  resolve: (code: string) => void;
  reject: (error: Error) => void;
}

/**
 * An MfaPrompter a test answers by hand (`answer`, `cancel`), or automatically from a list of codes
 * (`codes`). Records every prompt it was shown, including `waiting` updates.
 */
export class ScriptedMfaPrompter implements MfaPrompter {
  readonly shown: MfaPrompt[] = [];
  readonly updates: MfaPrompt[] = [];
  private readonly open: Open[] = [];
  /** Codes answered automatically, one per prompt, in order; empty means prompts stay open. */
  codes: string[] = [];

  ask(prompt: MfaPrompt, signal: AbortSignal): Promise<string> {
    this.shown.push(prompt);
    const auto = this.codes.shift();
    if (auto !== undefined) return Promise.resolve(auto);
    return new Promise((resolve, reject) => {
      const entry = { prompt, resolve, reject };
      this.open.push(entry);
      signal.addEventListener('abort', () => {
        this.remove(entry);
        reject(new RoledeckError('MFA_CANCELLED', 'prompt closed'));
      });
    });
  }

  update(prompt: MfaPrompt): void {
    this.updates.push(prompt);
    const entry = this.open.find((candidate) => candidate.prompt.id === prompt.id);
    if (entry) entry.prompt = prompt;
  }

  /** The prompt currently open (the latest), if any. */
  current(): MfaPrompt | undefined {
    return this.open.at(-1)?.prompt;
  }

  answer(code: string): void {
    const entry = this.open.shift();
    if (!entry) throw new Error('no MFA prompt is open');
    entry.resolve(code);
  }

  cancel(): void {
    const entry = this.open.shift();
    if (!entry) throw new Error('no MFA prompt is open');
    entry.reject(new RoledeckError('MFA_CANCELLED', 'The MFA prompt was cancelled.'));
  }

  private remove(entry: Open): void {
    const index = this.open.indexOf(entry);
    if (index >= 0) this.open.splice(index, 1);
  }
}
