import type { CliContext } from '../context';
import { COMPLETE_PROFILES } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/**
 * `roledeck __complete-profiles`: the profile names, one a line, for the shell completions. It
 * reads the profile store only (one keychain read for its key): no AWS SDK, no MFA, nothing on
 * stderr — a shell asks on every Tab, and a locked keychain just means no names.
 */
export async function completeProfilesCommand(context: CliContext, args: string[]): Promise<number> {
  parseCommand(COMPLETE_PROFILES, args);
  try {
    const document = await (await context.store()).read();
    const names = document.profiles.map((profile) => profile.name).sort((a, b) => a.localeCompare(b));
    if (names.length > 0) context.io.stdout(`${names.join('\n')}\n`);
    return 0;
  } catch {
    return 1;
  }
}
