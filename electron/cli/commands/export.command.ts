import path from 'node:path';
import { parseArgs } from 'node:util';
import { RoledeckError } from '../../../shared/contract/errors';
import { EXPORT_FORMATS, ExportError, formatExport, type ExportFormat } from '../../../shared/logic/shell-export';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { sessionFor } from '../session-source';
import { messageOf } from '../../../shared/logic/error-message';

/** The shell the user runs, for a default format: $SHELL's name, PowerShell on Windows. */
export function defaultFormat(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): ExportFormat {
  const shell = path.basename(env.SHELL ?? '');
  if (shell === 'fish' || shell === 'zsh' || shell === 'bash') return shell;
  return platform === 'win32' ? 'powershell' : 'bash';
}

/** `roledeck export <profile> [--format …]`: the session as text to eval or save. */
export async function exportCommand(context: CliContext, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: 'string', short: 'f' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  const [profile, ...extra] = parsed.positionals;
  if (!profile || extra.length > 0) throw new UsageError('export takes one profile name');
  const format = (parsed.values.format ?? defaultFormat(context.env)) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const session = await sessionFor(context, profile, 'export');
  try {
    context.io.stdout(formatExport(format, session));
  } catch (error) {
    if (error instanceof ExportError) throw new RoledeckError('VALIDATION', error.message);
    throw error;
  }
  return 0;
}
