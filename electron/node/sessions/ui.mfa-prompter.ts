import { RoledeckError } from '../../../shared/contract/errors';
import type { MfaPrompt } from '../../../shared/domain/session';
import type { MfaPrompter } from '../../../shared/ports/mfa-prompter';
import type { EventSink } from '../../../shared/ports/event-sink';

interface Pending {
  prompt: MfaPrompt;
  resolve: (code: string) => void;
  reject: (error: Error) => void;
}

export interface UiMfaPrompterOptions {
  /**
   * Called when a prompt opens, after the 'mfa.prompt' event: Electron main brings the window
   * forward and shows an OS notification, so a prompt raised by credential_process is never unseen.
   */
  onPrompt?: (prompt: MfaPrompt) => void;
}

/**
 * MfaPrompter for the desktop app and the browser test host: announces prompts as router events
 * ('mfa.prompt', 'mfa.closed'), keeps them for 'mfa.pending' (a window opened later still sees
 * them), and settles them from 'mfa.answer' / 'mfa.cancel'.
 */
export class UiMfaPrompter implements MfaPrompter {
  private readonly open = new Map<string, Pending>();

  constructor(
    private readonly events: EventSink,
    private readonly options: UiMfaPrompterOptions = {},
  ) {}

  ask(prompt: MfaPrompt, signal: AbortSignal): Promise<string> {
    if (signal.aborted) return Promise.reject(cancelled(prompt));
    return new Promise<string>((resolve, reject) => {
      this.open.set(prompt.id, { prompt, resolve, reject });
      signal.addEventListener('abort', () => this.close(prompt.id, 'cancelled')?.reject(cancelled(prompt)), { once: true });
      this.events.emit('mfa.prompt', prompt);
      try {
        this.options.onPrompt?.(prompt);
      } catch {
        // Raising the window is a courtesy; the prompt is open either way.
      }
    });
  }

  update(prompt: MfaPrompt): void {
    const pending = this.open.get(prompt.id);
    if (!pending) return;
    pending.prompt = prompt;
    this.events.emit('mfa.prompt', prompt);
  }

  pending(): MfaPrompt[] {
    return [...this.open.values()].map((entry) => entry.prompt);
  }

  /** The code typed for an open prompt. Whether AWS accepts it is known later (a new prompt says so). */
  answer(promptId: string, code: string): void {
    const pending = this.close(promptId, 'answered');
    if (!pending) throw new RoledeckError('NOT_FOUND', 'That MFA prompt is no longer open. If a code is still needed, a new prompt is showing.');
    pending.resolve(code);
  }

  /** Cancels an open prompt: every caller waiting on it gets MFA_CANCELLED. Cancelling a closed one does nothing. */
  cancel(promptId: string): void {
    const pending = this.close(promptId, 'cancelled');
    pending?.reject(cancelled(pending.prompt));
  }

  private close(promptId: string, outcome: 'answered' | 'cancelled'): Pending | undefined {
    const pending = this.open.get(promptId);
    if (!pending) return undefined;
    this.open.delete(promptId);
    this.events.emit('mfa.closed', { promptId, outcome });
    return pending;
  }
}

function cancelled(prompt: MfaPrompt): RoledeckError {
  return new RoledeckError('MFA_CANCELLED', `The MFA prompt for ${prompt.profileName} was cancelled, so nothing was started. Start it again when your device is at hand.`);
}
