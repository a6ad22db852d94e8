import { RoledeckError } from '../../../shared/contract/errors';
import { EXPORT_FORMATS, ExportError, defaultExportFormat, formatExport } from '../../../shared/logic/shell-export';
import type { CliContext } from '../context';
import { resolveAppHome } from '../../node/app/app-home';
import { quickAuditLog, recordServed } from '../served-audit';
import { keptSessionFor } from '../session-source';
import { EXPORT } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/**
 * `roledeck export <profile> [--format …] [--copy]`: the session as text to eval or save, or with
 * --copy on the clipboard (export-copy.ts). The full path, for when the quick path (quick-path.ts)
 * could not answer; it keeps its answer so the next call can be quick. --copy never takes the quick
 * path: it needs the settings and a clipboard tool.
 */
export async function exportCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(EXPORT, args);
  const profile = positionals[0]!;
  // The parser accepts only the catalog's choices, which are EXPORT_FORMATS.
  const format = EXPORT_FORMATS.find((known) => known === values.format) ?? defaultExportFormat(context.env.SHELL, process.platform);
  const served = { command: 'export' as const, profile: { name: profile }, format };
  const audit = quickAuditLog(resolveAppHome(context.env));
  let session: Awaited<ReturnType<typeof keptSessionFor>>;
  let text: string;
  try {
    session = await keptSessionFor(context, { ref: profile, byName: true }, 'export');
    text = formatExport(format, session);
  } catch (error) {
    await recordServed(audit, { ...served, via: 'full', error });
    if (error instanceof ExportError) throw new RoledeckError('VALIDATION', error.message);
    throw error;
  }
  if (values.copy) {
    const { copyExport } = await import('./export-copy');
    await copyExport(context, text, format, session.expiresAt);
  } else {
    context.io.stdout(text);
  }
  await recordServed(audit, { ...served, via: session.via, copied: values.copy === true });
  return 0;
}
