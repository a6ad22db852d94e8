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
  const positionals = args.filter((arg) => !arg.startsWith('-'));
  if (positionals.length !== 1 || positionals.length !== args.length) throw new UsageError('credential-process takes exactly one profile name');
  const session = await sessionFor(context, positionals[0]!, 'credential-process');
  context.io.stdout(`${JSON.stringify(credentialProcessJson(session))}\n`);
  return 0;
}
