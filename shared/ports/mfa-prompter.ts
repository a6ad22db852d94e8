import type { MfaPrompt } from '../domain/session';

/**
 * Asks a person for the code their MFA device shows. The desktop app opens a dialog; the CLI asks on
 * the terminal. A prompter only asks: de-duplication, retries and reuse checks are the MFA broker's.
 */
export interface MfaPrompter {
  /**
   * Resolves with the code as typed. Rejects with a RoledeckError MFA_CANCELLED when the person
   * cancels, or MFA_REQUIRED when nobody can be asked (no terminal, no window). When `signal` aborts
   * (the broker gave up waiting), the prompt closes and the promise rejects with MFA_CANCELLED.
   */
  ask(prompt: MfaPrompt, signal: AbortSignal): Promise<string>;
  /** The open prompt changed (more callers are waiting on it); same `id`. Optional. */
  update?(prompt: MfaPrompt): void;
}
