import { spawn } from 'node:child_process';
import { RoledeckError } from '../../../shared/contract/errors';
import { DEFAULT_CLIPBOARD_CLEAR_SECONDS } from '../../../shared/domain/settings-defaults';
import { copyStatusText } from '../../../shared/logic/export-format';
import type { ExportFormat } from '../../../shared/logic/shell-export';
import { clipboardDigest } from '../../node/clipboard/clipboard.service';
import { SystemClipboard } from '../../node/clipboard/system.clipboard';
import type { CliContext } from '../context';
import { CLEAR_CLIPBOARD } from '../usage/commands.catalog';

/**
 * How to start this CLI again: the single executable is itself (its argv[1] is not a script);
 * otherwise Node, its own flags (`--import tsx` when run from source) and the script.
 */
export function selfCommand(): string[] {
  const sea = process.getBuiltinModule('node:sea') as { isSea?: () => boolean } | undefined;
  if (sea?.isSea?.()) return [process.execPath];
  const script = process.argv[1];
  return script ? [process.execPath, ...process.execArgv, script] : [process.execPath];
}

/**
 * The clipboard is cleared later by a small detached process (`roledeck __clear-clipboard <sha256>
 * <seconds>`), so the terminal gets its prompt back at once instead of waiting out the delay, and
 * the clear still happens after this process has exited. Only the copy's SHA-256 is passed on: the
 * command line of a process is visible to every user of the machine.
 */
export function startClearer(hash: string, seconds: number, env: NodeJS.ProcessEnv): void {
  const [file, ...args] = selfCommand();
  if (!file) return;
  const child = spawn(file, [...args, CLEAR_CLIPBOARD.name, hash, String(seconds)], { detached: true, stdio: 'ignore', env, windowsHide: true });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * `roledeck export <profile> --copy`: the export goes to the system clipboard, marked for clipboard
 * managers to skip where the system allows (SystemClipboard), and is cleared after the app's
 * delay (Settings → Clipboard) if it is still there. Where no clipboard can be reached this fails
 * with the reason: nothing is printed in its place, because a person who asked for a copy may not
 * be watching the terminal for a secret.
 */
export async function copyExport(context: CliContext, text: string, format: ExportFormat, expiresAt: number | undefined): Promise<void> {
  const clipboard = new SystemClipboard({ env: context.env });
  const { settings } = await (await context.profiles()).read();
  try {
    await clipboard.writeConcealed(text);
  } catch (error) {
    if (error instanceof RoledeckError && error.code === 'CLIPBOARD_UNAVAILABLE') {
      throw new RoledeckError(error.code, `${error.message} Without --copy, roledeck export prints the export for you to redirect or copy.`, { cause: error });
    }
    throw error;
  }
  const seconds = settings.clipboardClearSeconds ?? DEFAULT_CLIPBOARD_CLEAR_SECONDS;
  if (seconds > 0) startClearer(clipboardDigest(text), seconds, context.env);
  const now = Date.now();
  const line = copyStatusText({ format, clearsAt: seconds > 0 ? now + seconds * 1000 : null, ...(expiresAt === undefined ? {} : { expiresAt }) });
  context.io.stderr(`${line}\n`);
}
