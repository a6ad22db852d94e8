import { MfaSerialSchema } from '../../../shared/domain/aws-rules';
import { federationEndpointProblem } from '../../../shared/domain/console-signin';
import { MfaProcessCommandSchema } from '../../../shared/domain/mfa-process';
import { fieldMessage } from '../../../shared/domain/rule-message';
import type { CliContext } from '../context';
import { EXIT, UsageError } from '../errors';
import { leafName } from '../usage/command-spec';
import { SETTINGS, SETTINGS_FEDERATION_ENDPOINT, SETTINGS_MFA_PROCESS } from '../usage/console.catalog';
import { parseCommand } from '../usage/parse-command';

async function federationEndpoint(context: CliContext, args: string[]): Promise<number> {
  const parsed = parseCommand(SETTINGS_FEDERATION_ENDPOINT, args);
  const url = parsed.positionals[0];
  const settings = await context.settings();
  if (url === undefined && !parsed.values.reset) {
    const current = (await settings.settings()).federationEndpoint;
    context.io.stdout(`${current ?? 'each partition’s own (signin.aws.amazon.com, signin.amazonaws.cn, signin.amazonaws-us-gov.com)'}\n`);
    return EXIT.ok;
  }
  if (url !== undefined && parsed.values.reset) throw new UsageError('Give a URL or --reset, not both', SETTINGS_FEDERATION_ENDPOINT.name);
  const problem = url === undefined ? undefined : federationEndpointProblem(url);
  if (problem) {
    context.io.stderr(`roledeck: ${fieldMessage('<url>', problem)}\n`);
    return EXIT.invalid;
  }
  await settings.updateSettings({ federationEndpoint: url ?? '' });
  context.io.stderr(url ? `Console sign-in now goes through ${url}.\n` : 'Console sign-in goes through each partition’s own endpoint again.\n');
  return EXIT.ok;
}

async function mfaProcess(context: CliContext, args: string[]): Promise<number> {
  const parsed = parseCommand(SETTINGS_MFA_PROCESS, args);
  const [device, command] = parsed.positionals as [string, string | undefined];
  const serial = MfaSerialSchema.safeParse(device);
  if (!serial.success) {
    context.io.stderr(`roledeck: ${fieldMessage('<device>', serial.error.issues[0]?.message ?? 'not an MFA device')}\n`);
    return EXIT.invalid;
  }
  const settings = await context.settings();
  if (command === undefined && !parsed.values.remove) {
    context.io.stdout(`${(await settings.settings()).mfaProcesses?.[device] ?? 'none: codes are asked for'}\n`);
    return EXIT.ok;
  }
  if (command !== undefined && parsed.values.remove) throw new UsageError('Give a command or --remove, not both', SETTINGS_MFA_PROCESS.name);
  const checked = MfaProcessCommandSchema.safeParse(command ?? '');
  if (!checked.success || (command !== undefined && command.trim() === '')) {
    context.io.stderr(`roledeck: ${fieldMessage('<command>', checked.success ? 'The command is empty; use --remove to remove it' : (checked.error.issues[0]?.message ?? 'not a command'))}\n`);
    return EXIT.invalid;
  }
  await settings.updateSettings({ mfaProcess: { deviceSerial: device, command: command ?? '' } });
  context.io.stderr(command ? `Codes for ${device} now come from: ${command}\n` : `Codes for ${device} are asked for again.\n`);
  return EXIT.ok;
}

/** `roledeck settings federation-endpoint|mfa-process`: the settings the app's Settings section shows too. */
export async function settingsCommand(context: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'federation-endpoint':
      return federationEndpoint(context, rest);
    case 'mfa-process':
      return mfaProcess(context, rest);
    default:
      throw new UsageError(`${sub ? `settings has no command "${sub}"; it has` : 'settings needs a command:'} ${SETTINGS.subcommands.map(leafName).join(', ')}`, SETTINGS.name);
  }
}
