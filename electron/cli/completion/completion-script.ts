import type { Shell } from '../usage/commands.catalog';
import { bashCompletionScript } from './bash.completion';
import { fishCompletionScript } from './fish.completion';
import { powershellCompletionScript } from './powershell.completion';
import { zshCompletionScript } from './zsh.completion';

const SCRIPTS: Record<Shell, () => string> = {
  bash: bashCompletionScript,
  zsh: zshCompletionScript,
  fish: fishCompletionScript,
  powershell: powershellCompletionScript,
};

/** The completion script for a shell, generated from the command catalog. */
export function completionScript(shell: Shell): string {
  return SCRIPTS[shell]();
}
