import type { CliContext } from '../context';
import { PROFILE_IMPORT } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/** `roledeck profile import [--dry-run] [--move-keys] [--json]`: preview, or apply, an import of ~/.aws. */
export async function importCommand(context: CliContext, args: string[]): Promise<number> {
  const { values } = parseCommand(PROFILE_IMPORT, args);
  const { io } = context;
  const importer = await context.awsImport();
  const moveKeys = values['move-keys'] === true;
  const preview = await importer.previewImport(moveKeys);

  if (values['dry-run']) {
    if (values.json) {
      io.stdout(`${JSON.stringify(preview, null, 2)}\n`);
      return 0;
    }
    io.stdout(`Read ${preview.files.config} and ${preview.files.credentials} (not changed).\n`);
    io.stdout(`${preview.summary}\n`);
    for (const planned of preview.create) {
      io.stdout(
        planned.kind === 'iam-user'
          ? `  + ${planned.name}  IAM user, key ${planned.accessKeyId.slice(0, 4)}…${planned.accessKeyId.slice(-4)} → keychain\n`
          : `  + ${planned.name}  role ${planned.roleArn} via ${planned.chain.slice(0, -1).join(' → ')}\n`,
      );
    }
    for (const skipped of preview.skipped) io.stdout(`  - ${skipped.name}  skipped: ${skipped.reason}\n`);
    if (preview.create.length > 0) io.stdout('Run without --dry-run to create them.\n');
    return 0;
  }

  const result = await importer.applyImport(moveKeys);
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  io.stdout(`Imported ${result.created.length} profile(s)${result.created.length ? `: ${result.created.join(', ')}` : ''}.\n`);
  for (const skipped of result.skipped) io.stdout(`  - ${skipped.name}  skipped: ${skipped.reason}\n`);
  io.stdout('Your ~/.aws files were not changed.\n');
  return 0;
}
