import type { TestAccessResult } from '../../../shared/domain/session';
import type { CliContext } from '../context';
import { EXIT } from '../errors';
import { WHOAMI } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';
import { useMfaOptions } from './console.command';

/** A failed test's exit code: AWS said no (5), our own allow-list said no (6), anything else (1). */
function exitFor(result: Extract<TestAccessResult, { ok: false }>): number {
  if (result.cause === 'role-not-allowed') return EXIT.invalid;
  if (result.awsCode !== undefined) return EXIT.aws;
  return EXIT.failure;
}

/**
 * `roledeck whoami <profile> [--json]`: Test access from the terminal. Runs the profile's chain and
 * GetCallerIdentity, prints the identity ARN (stdout) or the diagnosis (stderr). Asks for an MFA
 * code on the terminal when one is needed.
 */
export async function whoamiCommand(context: CliContext, args: string[]): Promise<number> {
  const parsed = parseCommand(WHOAMI, args);
  useMfaOptions(context, parsed.values, WHOAMI.name);
  const profile = parsed.positionals[0]!;
  const { io } = context;
  const result = await (await context.sessions()).testAccess(profile);
  if (parsed.values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  if (result.ok) {
    if (!parsed.values.json) {
      io.stdout(`${result.arn}\n`);
      io.stderr(`Account ${result.account} · ${result.chain.join(' → ')} · ${result.elapsedMs} ms\n`);
    }
    return EXIT.ok;
  }
  io.stderr(`roledeck: Access failed while ${result.step}: ${result.explanation}\n`);
  if (result.chain.length > 1) io.stderr(`  Chain: ${result.chain.join(' → ')}\n`);
  // Only what AWS itself answered; a request that never got an answer is explained above.
  if (result.awsCode) io.stderr(`  AWS said: ${result.awsCode}: ${result.awsMessage ?? ''}\n`);
  return exitFor(result);
}
