import { homedir } from 'node:os';
import { sep } from 'node:path';

/**
 * The home directory the AWS SDK's ini loader uses (@smithy/shared-ini-file-loader getHomeDir:
 * HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH, then the OS), written out here so that
 * resolving a path does not load the SDK package: the CLI's credential_process path stays light.
 */
export function sdkHomeDir(env: NodeJS.ProcessEnv = process.env): string {
  const { HOME, USERPROFILE, HOMEPATH, HOMEDRIVE = `C:${sep}` } = env;
  if (HOME) return HOME;
  if (USERPROFILE) return USERPROFILE;
  if (HOMEPATH) return `${HOMEDRIVE}${HOMEPATH}`;
  return homedir();
}

/** The separator the SDK's loader puts between a section prefix and its name (`sso-session.corp`). */
export const SDK_CONFIG_PREFIX_SEPARATOR = '.';
