import { parseArgs } from 'node:util';
import { RoledeckError } from '../../../shared/contract/errors';
import { EXPORT_FORMATS, ExportError, defaultExportFormat, formatExport, type ExportFormat } from '../../../shared/logic/shell-export';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { keptSessionFor } from '../session-source';

/**
 * `roledeck export <profile> [--format …]`: the session as text to eval or save. The full path, for
 * when the quick path (quick-path.ts) could not answer; it keeps its answer so the next call can be quick.
 */
export async function exportCommand(context: CliContext, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: 'string', short: 'f' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [profile, ...extra] = parsed.positionals;
  if (!profile || extra.length > 0) throw new UsageError('export takes one profile name');
  const format = (parsed.values.format ?? defaultExportFormat(context.env.SHELL, process.platform)) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const session = await keptSessionFor(context, { ref: profile, byName: true }, 'export');
  try {
    context.io.stdout(formatExport(format, session));
  } catch (error) {
    if (error instanceof ExportError) throw new RoledeckError('VALIDATION', error.message);
    throw error;
  }
  return 0;
}
