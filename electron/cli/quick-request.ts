/**
 * Which calls the quick path answers, read from argv without loading parseArgs or the CLI:
 *
 *   [--home <dir>] credential-process [--id <profileId>] <profile>
 *   [--home <dir>] export <profile> [--format <f> | -f <f> | --format=<f>]
 *
 * Anything else — another command, an unknown flag, a malformed name, a format Roledeck does not
 * know — returns undefined, and the full CLI runs and explains what is wrong.
 */
import { EXPORT_FORMATS, defaultExportFormat, type ExportFormat } from '../../shared/logic/shell-export';

export type QuickRequest = {
  /** `--home <dir>`, as `config install` writes it when ROLEDECK_HOME is set. */
  home?: string;
  /** The profile as written: a name (or an id). */
  ref: string;
} & ({ command: 'credential-process'; id?: string } | { command: 'export'; format: ExportFormat });

/** Profile names (ProfileNameSchema) and ids; checked here so nothing odd reaches a keychain item or the socket. */
const PROFILE_REF = /^[\w.@+-]{1,64}$/;
const PROFILE_ID = /^[a-z0-9-]{8,64}$/;

/** `--flag value` or `--flag=value`: the value, and how many argv entries it took. */
function valueOf(args: readonly string[], at: number, names: readonly string[]): { value: string; used: number } | undefined {
  const arg = args[at]!;
  for (const name of names) {
    if (arg === name && args[at + 1] !== undefined) return { value: args[at + 1]!, used: 2 };
    if (name.startsWith('--') && arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), used: 1 };
  }
  return undefined;
}

export function quickRequest(argv: readonly string[], env: NodeJS.ProcessEnv, platform: string = process.platform): QuickRequest | undefined {
  let args = argv;
  let home: string | undefined;
  if (args[0] === '--home') {
    if (!args[1]) return undefined;
    home = args[1];
    args = args.slice(2);
  }
  const [command, ...rest] = args;
  if (command !== 'credential-process' && command !== 'export') return undefined;
  const positionals: string[] = [];
  let id: string | undefined;
  let format: string | undefined;
  for (let at = 0; at < rest.length; ) {
    const flag = command === 'credential-process' ? valueOf(rest, at, ['--id']) : valueOf(rest, at, ['--format', '-f']);
    if (flag) {
      if (command === 'credential-process') id = flag.value;
      else format = flag.value;
      at += flag.used;
    } else if (rest[at]!.startsWith('-')) {
      return undefined;
    } else {
      positionals.push(rest[at]!);
      at += 1;
    }
  }
  const [ref, ...extra] = positionals;
  if (!ref || extra.length > 0 || !PROFILE_REF.test(ref)) return undefined;
  const base = home === undefined ? { ref } : { home, ref };
  if (command === 'credential-process') {
    if (id !== undefined && !PROFILE_ID.test(id)) return undefined;
    return id === undefined ? { ...base, command } : { ...base, command, id };
  }
  const chosen = format ?? defaultExportFormat(env.SHELL, platform);
  return (EXPORT_FORMATS as readonly string[]).includes(chosen) ? { ...base, command, format: chosen as ExportFormat } : undefined;
}
