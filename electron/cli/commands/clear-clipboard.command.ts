import { clearIfStillOurs } from '../../node/clipboard/clipboard.service';
import { SystemClipboard } from '../../node/clipboard/system.clipboard';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { CLEAR_CLIPBOARD } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/** The longest wait accepted: the app's own limit for the clear delay (Settings → Clipboard). */
const MAX_SECONDS = 3600;

/**
 * `roledeck __clear-clipboard <sha256> <seconds>`, started detached by `export --copy`: waits, then
 * clears the clipboard if it still holds that copy. Something the user copied since stays. It
 * writes nothing on success; it has no terminal to write to.
 */
export async function clearClipboardCommand(context: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseCommand(CLEAR_CLIPBOARD, args);
  const [hash, secondsText] = positionals;
  const seconds = Number(secondsText);
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) throw new UsageError('__clear-clipboard needs the SHA-256 of the copy, in hex', CLEAR_CLIPBOARD.name);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
    throw new UsageError(`__clear-clipboard needs a whole number of seconds from 0 to ${MAX_SECONDS}`, CLEAR_CLIPBOARD.name);
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const outcome = await clearIfStillOurs(new SystemClipboard({ env: context.env }), hash, context.logger);
  return outcome === 'failed' ? 1 : 0;
}
