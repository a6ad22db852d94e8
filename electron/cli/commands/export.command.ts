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

/**
 * `roledeck export <profile> [--format …] [--copy]`: the session as text to eval or save, or with
 * --copy on the clipboard (export-copy.ts). --copy never takes the quick path of a cached export:
 * it needs the settings and a clipboard tool, so it runs here.
 */
export async function exportCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(EXPORT, args);
  const profile = positionals[0]!;
  // The parser accepts only the catalog's choices, which are EXPORT_FORMATS.
  const format = EXPORT_FORMATS.find((known) => known === values.format) ?? defaultFormat(context.env);
  const session = await sessionFor(context, profile, 'export');
  let text: string;
  try {
    text = formatExport(format, session);
  } catch (error) {
    if (error instanceof ExportError) throw new RoledeckError('VALIDATION', error.message);
    throw error;
  }
  if (values.copy) {
    const { copyExport } = await import('./export-copy');
    await copyExport(context, text, format, session.expiresAt);
  } else {
    context.io.stdout(text);
  }
  return 0;
}
