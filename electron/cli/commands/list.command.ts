import { formatTimeLeft } from '../../../shared/logic/time-left';
import type { CliContext } from '../context';
import { printTable } from '../io/table';
import { LIST } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/** `roledeck list [--json]`: every profile with its session's time left, from the keychain cache. */
export async function listCommand(context: CliContext, args: string[]): Promise<number> {
  const json = parseCommand(LIST, args).values.json === true;
  const profiles = await (await context.profiles()).list();
  const snapshot = profiles.length > 0 ? await (await context.sessions()).list() : { activeProfileId: null, sessions: [] };
  const byId = new Map(snapshot.sessions.map((session) => [session.profileId, session]));
  if (json) {
    context.io.stdout(`${JSON.stringify({ activeProfileId: snapshot.activeProfileId, profiles: profiles.map((view) => ({ ...view, session: byId.get(view.id) ?? null })) }, null, 2)}\n`);
    return 0;
  }
  if (profiles.length === 0) {
    context.io.stdout('No profiles yet. Add one with `roledeck profile add-user` or `roledeck profile import`.\n');
    return 0;
  }
  const now = Date.now();
  printTable(
    context.io,
    ['', 'NAME', 'KIND', 'ACCOUNT', 'ROLE', 'SESSION'],
    profiles.map((view) => {
      const session = byId.get(view.id);
      const left = !session ? '—' : session.expiresAt === undefined ? session.state : `${session.state}, ${formatTimeLeft(session.expiresAt, now)}`;
      return [
        view.id === snapshot.activeProfileId ? '*' : '',
        view.name,
        view.kind === 'iam-user' ? 'user' : 'role',
        view.kind === 'role' ? view.accountId : '',
        view.kind === 'role' ? view.roleName : view.accessKeyIdMasked,
        left,
      ];
    }),
  );
  return 0;
}
