import path from 'node:path';
import { ProfileNameSchema } from '../../../shared/domain/profile';
import { fieldMessage } from '../../../shared/domain/rule-message';
import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsConfigEditor } from '../../node/aws-files/aws-config.editor';
import { credentialProcessCommandLine } from '../../node/aws-files/credential-process-command';
import { profileRegion } from '../../../shared/logic/profile-chain';
import type { CredentialProcessCheck } from '../../../shared/domain/credential-process-check';
import { formatClockTime } from '../../../shared/logic/time-left';
import type { CliContext } from '../context';
import { EXIT, UsageError } from '../errors';
import { leafName } from '../usage/command-spec';
import { CONFIG, CONFIG_INSTALL, CONFIG_REMOVE, CONFIG_STATUS } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';
import { selfCommand } from '../self-command';

/** The ~/.aws/config profile name: --aws-profile, else the Roledeck profile's own name. */
function awsProfileName(given: string | undefined, profile: string): string {
  const awsProfile = given ?? profile;
  const checked = ProfileNameSchema.safeParse(awsProfile);
  if (!checked.success) throw new RoledeckError('VALIDATION', fieldMessage('--aws-profile', checked.error.issues[0]?.message ?? 'invalid'));
  return awsProfile;
}

async function editorFor(context: CliContext): Promise<AwsConfigEditor> {
  const { AwsConfigEditor } = await import('../../node/aws-files/aws-config.editor');
  return new AwsConfigEditor({ env: context.env });
}

async function install(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CONFIG_INSTALL, args);
  const profile = positionals[0]!;
  const awsProfile = awsProfileName(values['aws-profile'], profile);
  const editor = await editorFor(context);
  const { profile: stored, snapshot } = await (await context.profiles()).get(profile);
  const region = profileRegion(snapshot.profiles, stored);
  const change = await editor.install(
    awsProfile,
    {
      // Absolute paths: the SDK runs this from any directory, with whatever PATH it has.
      credential_process: credentialProcessCommandLine(
        selfCommand(),
        stored,
        context.env.ROLEDECK_HOME ? path.resolve(context.env.ROLEDECK_HOME) : undefined,
      ),
      ...(region ? { region } : {}),
    },
    values.force ? { force: true } : {},
  );
  const { io } = context;
  if (values.json) io.stdout(`${JSON.stringify(change, null, 2)}\n`);
  else {
    io.stderr(`${change.change === 'unchanged' ? 'Already installed' : change.change === 'added' ? 'Installed' : 'Updated'}: [profile ${awsProfile}] in ${change.path}${change.backupPath ? ` (backup of the original: ${change.backupPath})` : ''}.\n`);
    io.stderr(`Use it with: aws --profile ${awsProfile} sts get-caller-identity\n`);
  }
  return 0;
}

async function remove(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CONFIG_REMOVE, args);
  const awsProfile = awsProfileName(values['aws-profile'], positionals[0]!);
  const change = await (await editorFor(context)).remove(awsProfile);
  if (values.json) context.io.stdout(`${JSON.stringify(change, null, 2)}\n`);
  else context.io.stderr(change.change === 'absent' ? `No Roledeck profile [profile ${awsProfile}] in ${change.path}; nothing to remove.\n` : `Removed [profile ${awsProfile}] from ${change.path}.\n`);
  return 0;
}

/** What `config status` says of the line after the section's owner: it works, or why not. */
export function checkText(check: CredentialProcessCheck): string {
  if (!check.works) return `the AWS CLI cannot run its credential_process line: ${check.reason}${/[.!?]$/.test(check.reason) ? '' : '.'}`;
  return `the AWS CLI can run its credential_process line${check.expiresAt === undefined ? '' : ` (credentials until ${formatClockTime(check.expiresAt)})`}.`;
}

async function status(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CONFIG_STATUS, args);
  const awsProfile = awsProfileName(values['aws-profile'], positionals[0]!);
  const editor = await editorFor(context);
  const state = await editor.status(awsProfile);
  const [{ AwsFilesReader }, { checkCredentialProcess }] = await Promise.all([import('../../node/aws-files/aws-files.reader'), import('../../node/aws-files/credential-process-check')]);
  const line = state === 'absent' ? undefined : (await new AwsFilesReader({ env: context.env }).read()).profiles[awsProfile]?.credential_process;
  const check = line === undefined ? null : await checkCredentialProcess(line, { env: context.env });
  if (values.json) {
    context.io.stdout(`${JSON.stringify({ awsProfile, status: state, check })}\n`);
  } else {
    const owner = state === 'absent' ? `not in ${editor.configPath}` : state === 'roledeck' ? 'installed by Roledeck' : 'written by hand';
    const verdict = state === 'absent' ? '.' : check === null ? '; it has no credential_process line.' : `; ${checkText(check)}`;
    context.io.stdout(`${awsProfile}: ${owner}${verdict}\n`);
  }
  return check !== null && !check.works ? EXIT.failure : EXIT.ok;
}

/** `roledeck config install|remove|status <profile> [--aws-profile NAME] [--force]`. */
export async function configCommand(context: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case leafName(CONFIG_INSTALL):
      return install(context, rest);
    case leafName(CONFIG_REMOVE):
      return remove(context, rest);
    case leafName(CONFIG_STATUS):
      return status(context, rest);
    default:
      throw new UsageError(`${sub ? `config has no command "${sub}"; it has` : 'config needs a command:'} ${CONFIG.subcommands.map(leafName).join(', ')}`, CONFIG.name);
  }
}
