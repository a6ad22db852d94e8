import { completionScript } from '../completion/completion-script';
import type { CliContext } from '../context';
import { COMPLETION, SHELLS } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/** `roledeck completion bash|zsh|fish|powershell`: prints the shell's completion script. */
export async function completionCommand(context: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseCommand(COMPLETION, args);
  // The parser accepts only the catalog's choices, which are SHELLS.
  const shell = SHELLS.find((known) => known === positionals[0]) ?? 'bash';
  context.io.stdout(completionScript(shell));
  return 0;
}
