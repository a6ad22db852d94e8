import type { ReactElement } from 'react';
import { MfaDialog } from './MfaDialog';
import { useMfaPrompts } from './use-mfa-prompts';
import './mfa.css';

/**
 * Mounted once at app level: whichever section is open, an MFA prompt from any caller (the window,
 * the CLI, credential_process) shows here. One dialog at a time, oldest prompt first.
 */
export function MfaPromptHost(): ReactElement | null {
  const { prompts, forget } = useMfaPrompts();
  const prompt = prompts[0];
  if (!prompt) return null;
  // Keyed by prompt: a new device's prompt gets a fresh dialog with an empty field.
  return <MfaDialog key={prompt.id} prompt={prompt} position={1} total={prompts.length} onCancelled={forget} />;
}
