import type { CliContext } from '../context';
import { EXIT, UsageError } from '../errors';
import { CONSOLE } from '../usage/console.catalog';
import { parseCommand } from '../usage/parse-command';

/** `--mfa-process` and `--mfa-code`, for the commands that may ask for a code themselves. */
export function useMfaOptions(context: CliContext, values: { 'mfa-process'?: string | undefined; 'mfa-code'?: string | undefined }, command: string): void {
  const code = values['mfa-code'];
  if (code !== undefined && !/^\d{6}$/.test(code.trim())) throw new UsageError('--mfa-code: an MFA code is the six digits your device shows', command);
  if (code !== undefined && values['mfa-process'] !== undefined) throw new UsageError('Give --mfa-code or --mfa-process, not both', command);
  if (code !== undefined) context.mfa.code = code.trim();
  if (values['mfa-process'] !== undefined) context.mfa.process = values['mfa-process'];
}

/**
 * `roledeck console <profile> [--destination …] [--region …] [--print]`: signs the browser in to
 * the AWS console with the role's session. The sign-in URL is printed only with --print (it is a
 * 15-minute credential), otherwise handed to the system's browser opener.
 */
export async function consoleCommand(context: CliContext, args: string[]): Promise<number> {
  const parsed = parseCommand(CONSOLE, args);
  useMfaOptions(context, parsed.values, CONSOLE.name);
  const profile = parsed.positionals[0]!;
  const { destination, region, print } = parsed.values;
  const service = await context.console();
  const result = await service.open(profile, { destination, region }, print ? 'printed' : 'opened');
  const lasts = result.sessionSeconds === undefined ? 'as long as the role session (role chaining: at most 1 h)' : `${Math.round(result.sessionSeconds / 60)} min`;
  if (print) {
    context.io.stdout(`${result.url}\n`);
    context.io.stderr(`Sign-in URL for ${result.destination} (valid 15 minutes; the console session lasts ${lasts}).\n`);
  } else {
    context.io.stderr(`Opened the console at ${result.destination} (the console session lasts ${lasts}).\n`);
  }
  return EXIT.ok;
}
