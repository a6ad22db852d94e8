import { RoledeckError } from '../../../shared/contract/errors';
import type { PlaintextKeysPreview, PlaintextKeysResult } from '../../../shared/domain/plaintext-keys';
import type { CliContext } from '../context';
import type { CliIo } from '../io/terminal';
import { PROFILE_IMPORT } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/**
 * `roledeck profile import [--dry-run] [--move-keys] [--remove-plaintext [--yes]] [--json]`:
 * preview, or apply, an import of ~/.aws; then, if asked, take the plaintext keys off disk.
 */
export async function importCommand(context: CliContext, args: string[]): Promise<number> {
  const { values } = parseCommand(PROFILE_IMPORT, args);
  const { io } = context;
  const importer = await context.awsImport();
  const moveKeys = values['move-keys'] === true;
  const removePlaintext = values['remove-plaintext'] === true;
  const preview = await importer.previewImport(moveKeys);

  if (values['dry-run']) {
    const plaintext = removePlaintext ? await (await context.plaintextKeys()).preview() : undefined;
    if (values.json) {
      io.stdout(`${JSON.stringify(plaintext ? { ...preview, plaintextKeys: plaintext } : preview, null, 2)}\n`);
      return 0;
    }
    io.stdout(`Read ${preview.files.config} and ${preview.files.credentials} (not changed).\n`);
    io.stdout(`${preview.summary}\n`);
    for (const planned of preview.create) {
      io.stdout(
        planned.kind === 'iam-user'
          ? `  + ${planned.name}  IAM user, key ${planned.accessKeyIdMasked} → copied into the keychain\n`
          : `  + ${planned.name}  role ${planned.roleArn} via ${planned.chain.slice(0, -1).join(' → ')}\n`,
      );
    }
    for (const skipped of preview.skipped) io.stdout(`  - ${skipped.name}  skipped: ${skipped.reason}\n`);
    if (plaintext) printPlaintextPlan(io, plaintext, 'would');
    if (preview.create.length > 0) io.stdout('Run without --dry-run to create them.\n');
    return 0;
  }

  const result = await importer.applyImport(moveKeys);
  const removal = removePlaintext ? await removePlaintextKeys(context, values.yes === true, values.json === true) : undefined;
  if (values.json) {
    io.stdout(`${JSON.stringify(removal ? { ...result, plaintextKeys: removal } : result, null, 2)}\n`);
    return 0;
  }
  io.stdout(`Imported ${result.created.length} profile(s)${result.created.length ? `: ${result.created.join(', ')}` : ''}.\n`);
  for (const skipped of result.skipped) io.stdout(`  - ${skipped.name}  skipped: ${skipped.reason}\n`);
  if (!removal) {
    io.stdout(
      moveKeys
        ? 'Your ~/.aws files were not changed: the keys were copied, and ~/.aws/credentials still holds them in plaintext. Run `roledeck profile import --remove-plaintext` to take them off disk.\n'
        : 'Your ~/.aws files were not changed.\n',
    );
    return 0;
  }
  printRemoval(io, removal);
  return 0;
}

function printPlaintextPlan(io: CliIo, plan: PlaintextKeysPreview, mood: 'would' | 'will'): void {
  if (plan.ready.length === 0) {
    io.stdout(`No plaintext keys in ${plan.files.credentials} can be removed yet.\n`);
  } else {
    io.stdout(`Plaintext keys that ${mood} be removed from ${plan.files.credentials}, with a credential_process line added to ${plan.files.config}:\n`);
    for (const entry of plan.ready) {
      io.stdout(`  × ${entry.awsProfile}  key ${entry.accessKeyIdMasked}, served by Roledeck's ${entry.user.name}${entry.mfa ? ' (MFA: one code, then a cached session)' : ''}\n`);
    }
  }
  for (const entry of plan.kept) io.stdout(`  = ${entry.awsProfile}  keeps its keys: ${entry.reason}\n`);
  if (plan.warning) io.stdout(`${plan.warning}\n`);
}

async function removePlaintextKeys(context: CliContext, yes: boolean, json: boolean): Promise<PlaintextKeysResult | undefined> {
  const { io } = context;
  const service = await context.plaintextKeys();
  const plan = await service.preview();
  if (!json) printPlaintextPlan(io, plan, 'will');
  if (plan.ready.length === 0) return undefined;
  if (!yes) {
    if (!io.stdinIsTty) {
      throw new RoledeckError('VALIDATION', 'Removing plaintext keys changes ~/.aws/credentials: run it on a terminal to confirm, or add --yes.');
    }
    const answer = await io.promptLine(`Remove the keys of ${plan.ready.length} profile(s) from ${plan.files.credentials}? Backups are kept. [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.stderr('Nothing was removed.\n');
      return undefined;
    }
  }
  return service.remove(plan.ready.map((entry) => entry.awsProfile));
}

function printRemoval(io: CliIo, removal: PlaintextKeysResult): void {
  io.stdout(`Removed the plaintext keys of ${removal.removed.length} profile(s)${removal.removed.length ? `: ${removal.removed.join(', ')}` : ''}.\n`);
  for (const entry of removal.kept) io.stdout(`  = ${entry.awsProfile}  keeps its keys: ${entry.reason}\n`);
  if (removal.backups.credentials) io.stdout(`Backup of ${removal.files.credentials} (secrets left out): ${removal.backups.credentials}\n`);
  if (removal.backups.config) io.stdout(`Backup of ${removal.files.config}: ${removal.backups.config}\n`);
  if (removal.removed.length > 0) io.stdout(`Check one: aws --profile ${removal.removed[0]} sts get-caller-identity\n`);
}
