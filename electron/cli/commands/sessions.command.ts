import type { SessionView } from '../../../shared/domain/session';
import { formatClockTime, formatTimeLeft } from '../../../shared/logic/time-left';
import type { CliContext } from '../context';
import { EXIT } from '../errors';
import { printTable } from '../io/table';
import { SESSIONS } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

function kindText(kind: SessionView['kind']): string {
  return kind === 'mfa-session' ? 'MFA session' : kind === 'role' ? 'role' : 'user keys';
}

/**
 * `roledeck sessions [--json]`: the sessions cached in the OS keychain (by the app or the CLI), with
 * their state and time left. Reads the cache only: it never calls AWS or asks for a code.
 */
export async function sessionsCommand(context: CliContext, args: string[]): Promise<number> {
  const { values } = parseCommand(SESSIONS, args);
  const { io } = context;
  const snapshot = await (await context.sessions()).list();
  if (values.json) {
    io.stdout(`${JSON.stringify(snapshot, null, 2)}\n`);
    return EXIT.ok;
  }
  if (snapshot.sessions.length === 0) {
    io.stdout('No live sessions. Start one in the app, or run `roledeck whoami <profile>`.\n');
    return EXIT.ok;
  }
  const now = Date.now();
  printTable(
    io,
    ['NAME', 'KIND', 'STATE', 'TIME LEFT', 'EXPIRES', 'CACHED', 'ACTIVE'],
    snapshot.sessions.map((session) => [
      session.profileName,
      kindText(session.kind),
      session.state,
      session.expiresAt === undefined ? 'no expiry' : formatTimeLeft(session.expiresAt, now),
      session.expiresAt === undefined ? '' : formatClockTime(session.expiresAt),
      session.cachedIn,
      session.profileId === snapshot.activeProfileId ? '*' : '',
    ]),
  );
  return EXIT.ok;
}
