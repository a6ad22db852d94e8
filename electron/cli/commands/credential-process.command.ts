import { RoledeckError } from '../../../shared/contract/errors';
import { credentialProcessJson } from '../../../shared/logic/shell-export';
import type { CliContext } from '../context';
import { resolveAppHome } from '../../node/app/app-home';
import { quickAuditLog, recordServed } from '../served-audit';
import { keptSessionFor } from '../session-source';
import { CREDENTIAL_PROCESS } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/**
 * `roledeck credential-process <profile>`: what the AWS CLI and SDKs run for a profile with
 * `credential_process`. stdout carries only the JSON (Version 1); every diagnostic goes to stderr;
 * the exit code says what went wrong (see `roledeck --help`). The AWS CLI calls it on every
 * command without caching the answer: this is the full path, for when the quick path (quick-path.ts)
 * could not answer; by name, it keeps its answer so the next call can be quick.
 */
export async function credentialProcessCommand(context: CliContext, args: string[]): Promise<number> {
  const parsed = parseCommand(CREDENTIAL_PROCESS, args);
  // The id (written by `roledeck config install`) survives a rename of the profile; the name is
  // for people reading ~/.aws/config.
  const name = parsed.positionals[0]!;
  const id = parsed.values.id;
  const subject = { ...(id !== undefined ? { id } : {}), name };
  const session = await keptSessionFor(context, { ref: id ?? name, byName: id === undefined }, 'credential-process').catch(async (error: unknown) => {
    await recordServed(quickAuditLog(resolveAppHome(context.env)), { command: 'credential-process', profile: subject, via: 'full', error });
    // The line in ~/.aws/config outlived its profile: say which line, and how to tidy it up.
    if (id && error instanceof RoledeckError && error.code === 'NOT_FOUND') {
      throw new RoledeckError(
        'NOT_FOUND',
        `The Roledeck profile "${name}" that this credential_process line names (id ${id}) no longer exists. Remove the line with \`roledeck config remove ${name}\` (add --aws-profile NAME if you installed it under another name), or add the profile again and install it anew.`,
      );
    }
    throw error;
  });
  context.io.stdout(`${JSON.stringify(credentialProcessJson(session))}\n`);
  await recordServed(quickAuditLog(resolveAppHome(context.env)), { command: 'credential-process', profile: subject, via: session.via });
  return 0;
}
