import { posixQuote } from '../../../shared/logic/shell-export';

/** Quotes a word for both `sh -c` (the JS SDK) and shlex (botocore) only when it needs it. */
function word(value: string): string {
  return /^[\w./:=@+-]+$/.test(value) ? value : posixQuote(value);
}

/**
 * The `credential_process` command line for a Roledeck profile. `launcher` is how to start the
 * CLI: absolute paths to node and the script (works from any directory and any PATH the SDK has),
 * from the running CLI itself or, for the desktop app, from findCliLauncher; plain `roledeck` only
 * when the app could not find the CLI. The profile id selects the CLI's cached path and survives a
 * rename; the name is for people reading the file.
 */
export function credentialProcessCommandLine(launcher: readonly string[], profile: { id: string; name: string }, home?: string): string {
  return [...launcher.map(word), ...(home ? ['--home', word(home)] : []), 'credential-process', '--id', profile.id, word(profile.name)].join(' ');
}
