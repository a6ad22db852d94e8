import { parseArgs } from 'node:util';
import { credentialProcessJson } from '../../../shared/logic/shell-export';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { sessionFor } from '../session-source';

/**
 * `roledeck credential-process <profile>`: what the AWS CLI and SDKs run for a profile with
 * `credential_process`. stdout carries only the JSON (Version 1); every diagnostic goes to stderr;
 * the exit code says what went wrong (see `roledeck --help`). The AWS CLI calls it on every
 * command without caching the answer, so the cached path must stay cheap.
 */
export async function credentialProcessCommand(context: CliContext, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { id: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length !== 1) throw new UsageError('credential-process takes exactly one profile name');
  // The id (written by `roledeck config install`) survives a rename of the profile; the name is
  // for people reading ~/.aws/config.
  const session = await sessionFor(context, parsed.values.id ?? parsed.positionals[0]!, 'credential-process');
  context.io.stdout(`${JSON.stringify(credentialProcessJson(session))}\n`);
  return 0;
}
