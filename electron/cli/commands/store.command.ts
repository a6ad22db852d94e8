import { StoreService } from '../../node/store/store.service';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { leafName } from '../usage/command-spec';
import { STORE, STORE_RESET, STORE_STATUS } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/** What Start over costs, said before it is confirmed (the window's dialog says the same). */
export function resetWarning(location: string, profiles: number | undefined): string {
  const what = profiles === undefined ? 'every profile in it (it cannot be read now)' : `${profiles} ${profiles === 1 ? 'profile' : 'profiles'}`;
  return (
    `Start over moves ${location} aside (renamed, never deleted) and starts an empty profile store.\n` +
    `Roledeck will no longer have: ${what}, your settings and your history. They stay in the old file.\n` +
    'Kept: secrets in the OS keychain, and your ~/.aws files.\n'
  );
}

/**
 * `roledeck store status [--json]` and `roledeck store reset [--yes]`. Reset asks on a terminal;
 * without one (a script, a pipe) it needs --yes, so nothing is ever thrown away unasked.
 */
export async function storeCommand(context: CliContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { io } = context;
  if (action === leafName(STORE_STATUS)) {
    const { values } = parseCommand(STORE_STATUS, rest);
    const status = await new StoreService(await context.store()).status();
    if (values.json) io.stdout(`${JSON.stringify(status, null, 2)}\n`);
    else io.stdout(status.state === 'ok' ? `${status.location}: readable, ${status.profiles ?? 0} profile(s).\n` : `${status.message}\n`);
    return status.state === 'ok' ? 0 : 1;
  }
  if (action !== leafName(STORE_RESET)) {
    throw new UsageError(`${action ? `store has no command "${action}"; it has` : 'store needs a command:'} ${STORE.subcommands.map(leafName).join(', ')}`, STORE.name);
  }
  const { values } = parseCommand(STORE_RESET, rest);
  const service = new StoreService(await context.store());

  const status = await service.status();
  io.stderr(resetWarning(status.location, status.state === 'ok' ? status.profiles : undefined));
  if (!values.yes) {
    if (!io.stdinIsTty) throw new UsageError('store reset asks for confirmation on a terminal; to run it without one, add --yes');
    const answer = (await io.promptLine('Start over? Type "yes" to continue: ')).trim().toLowerCase();
    if (answer !== 'yes' && answer !== 'y') {
      io.stderr('Cancelled: nothing was changed.\n');
      return 1;
    }
  }
  const { setAsideAs } = await service.reset();
  io.stdout(
    `Started over with an empty profile store at ${status.location}.\n` +
      (setAsideAs ? `The old store is at ${setAsideAs}.\n` : '') +
      'Bring your profiles back from ~/.aws with `roledeck profile import` (add --dry-run to preview).\n',
  );
  return 0;
}
