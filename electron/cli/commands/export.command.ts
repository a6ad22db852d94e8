import path from 'node:path';
import { RoledeckError } from '../../../shared/contract/errors';
import { EXPORT_FORMATS, ExportError, formatExport, type ExportFormat } from '../../../shared/logic/shell-export';
import type { CliContext } from '../context';
import { sessionFor } from '../session-source';
import { EXPORT } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/** The shell the user runs, for a default format: $SHELL's name, PowerShell on Windows. */
export function defaultFormat(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): ExportFormat {
  const shell = path.basename(env.SHELL ?? '');
  if (shell === 'fish' || shell === 'zsh' || shell === 'bash') return shell;
  return platform === 'win32' ? 'powershell' : 'bash';
}

/** `roledeck export <profile> [--format …]`: the session as text to eval or save. */
export async function exportCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(EXPORT, args);
  const profile = positionals[0]!;
  // The parser accepts only the catalog's choices, which are EXPORT_FORMATS.
  const format = EXPORT_FORMATS.find((known) => known === values.format) ?? defaultFormat(context.env);
  const session = await sessionFor(context, profile, 'export');
  try {
    context.io.stdout(formatExport(format, session));
  } catch (error) {
    if (error instanceof ExportError) throw new RoledeckError('VALIDATION', error.message);
    throw error;
  }
  return 0;
}
