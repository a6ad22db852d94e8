import path from 'node:path';
import { parseArgs } from 'node:util';
import { ProfileNameSchema } from '../../../shared/domain/profile';
import { RoledeckError } from '../../../shared/contract/errors';
import { credentialProcessCommandLine } from '../../node/aws-files/credential-process-command';
import { chainOf } from '../../node/profiles/profile.service';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { messageOf } from '../../../shared/logic/error-message';

/** `roledeck config install|remove|status <profile> [--aws-profile NAME] [--force]`. */
export async function configCommand(context: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { 'aws-profile': { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  const [profile, ...extra] = parsed.positionals;
  if (!profile || extra.length > 0) throw new UsageError(`config ${sub ?? ''} takes one Roledeck profile name`);
  const awsProfile = parsed.values['aws-profile'] ?? profile;
  const checked = ProfileNameSchema.safeParse(awsProfile);
  if (!checked.success) throw new RoledeckError('VALIDATION', `--aws-profile: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  const { AwsConfigEditor } = await import('../../node/aws-files/aws-config.editor');
  const editor = new AwsConfigEditor({ env: context.env });
  const { io } = context;

  switch (sub) {
    case 'install': {
      const { profile: stored, doc } = await (await context.profiles()).get(profile);
      const region = stored.region ?? chainOf(doc, stored)[0]?.region;
      const change = await editor.install(
        awsProfile,
        {
          // Absolute paths: the SDK runs this from any directory, with whatever PATH it has.
          credential_process: credentialProcessCommandLine(
            [process.execPath, process.argv[1] ? path.resolve(process.argv[1]) : 'roledeck'],
            stored,
            context.env.ROLEDECK_HOME ? path.resolve(context.env.ROLEDECK_HOME) : undefined,
          ),
          ...(region ? { region } : {}),
        },
        parsed.values.force ? { force: true } : {},
      );
      if (parsed.values.json) io.stdout(`${JSON.stringify(change, null, 2)}\n`);
      else {
        io.stderr(`${change.change === 'unchanged' ? 'Already installed' : change.change === 'added' ? 'Installed' : 'Updated'}: [profile ${awsProfile}] in ${change.path}${change.backupPath ? ` (backup of the original: ${change.backupPath})` : ''}.\n`);
        io.stderr(`Use it with: aws --profile ${awsProfile} sts get-caller-identity\n`);
      }
      return 0;
    }
    case 'remove': {
      const change = await editor.remove(awsProfile);
      if (parsed.values.json) io.stdout(`${JSON.stringify(change, null, 2)}\n`);
      else io.stderr(change.change === 'absent' ? `No Roledeck profile [profile ${awsProfile}] in ${change.path}; nothing to remove.\n` : `Removed [profile ${awsProfile}] from ${change.path}.\n`);
      return 0;
    }
    case 'status': {
      const status = await editor.status(awsProfile);
      io.stdout(parsed.values.json ? `${JSON.stringify({ awsProfile, status })}\n` : `${awsProfile}: ${status}\n`);
      return 0;
    }
    default:
      throw new UsageError('config needs install, remove or status');
  }
}
