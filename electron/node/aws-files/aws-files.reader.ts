import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { SDK_CONFIG_PREFIX_SEPARATOR as CONFIG_PREFIX_SEPARATOR, sdkHomeDir as getHomeDir } from './sdk-home-dir';
import type { AwsIniProfiles, AwsIniSection } from '../../../shared/logic/aws-config-import';

/**
 * Reads ~/.aws/config and ~/.aws/credentials with the AWS SDK's own loader
 * (@smithy/shared-ini-file-loader), so Roledeck sees exactly the profiles, keys and values the SDKs
 * and the `roledeck` CLI's callers see: the same comment rules, `[profile x]` / `[default]`
 * handling and sub-sections. It never writes, creates or locks either file.
 */

export type AwsFileKind = 'config' | 'credentials';

export interface AwsFilesSnapshot {
  /** The paths read, after AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE and `~/` expansion. */
  files: Record<AwsFileKind, string>;
  /** Whether each file was there. A missing file is normal (many people have no config file). */
  found: Record<AwsFileKind, boolean>;
  /**
   * Files that exist but could not be read (permissions, a directory in its place). The SDKs
   * silently treat them as empty; an import preview should say so instead.
   */
  unreadable: { file: AwsFileKind; path: string; message: string }[];
  /** Profiles by name, config then credentials merged key by key (credentials win), as the SDKs merge them. */
  profiles: AwsIniProfiles;
  /** `[sso-session name]` sections of the config file, by name. */
  ssoSessions: AwsIniProfiles;
}

export interface AwsFilesReaderOptions {
  /** Where AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE are read from; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The home directory for the defaults and `~/`; defaults to the SDK's own choice (HOME, USERPROFILE …). */
  homeDir?: string;
}

const SSO_SESSION_PREFIX = `sso-session${CONFIG_PREFIX_SEPARATOR}`;
const SERVICES_PREFIX = `services${CONFIG_PREFIX_SEPARATOR}`;

export class AwsFilesReader {
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly homeDir: string | undefined;

  constructor(options: AwsFilesReaderOptions = {}) {
    this.env = options.env ?? process.env;
    this.homeDir = options.homeDir;
  }

  /** The two paths, resolved the way the SDK resolves them (an empty variable counts as unset). */
  paths(): Record<AwsFileKind, string> {
    const home = this.homeDir ?? getHomeDir();
    const expand = (file: string) => (file.startsWith('~/') ? path.join(home, file.slice(2)) : file);
    return {
      config: expand(this.env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config')),
      credentials: expand(this.env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials')),
    };
  }

  async read(): Promise<AwsFilesSnapshot> {
    const files = this.paths();
    const [config, credentials] = await Promise.all([probe(files.config), probe(files.credentials)]);
    // ignoreCache: the loader memoises file contents per path for the life of the process; an
    // import must see the files as they are now, not as some SDK client first read them.
    // Loaded on first read, not at import: the CLI bundle must not pay for it on every command.
    const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
    const loaded = await loadSharedConfigFiles({
      configFilepath: files.config,
      filepath: files.credentials,
      ignoreCache: true,
    });

    const profiles = new Map<string, Record<string, string | undefined>>();
    const ssoSessions = new Map<string, AwsIniSection>();
    // The config loader keeps `sso-session.x` and `services.x` keys beside the profile names
    // (it strips `profile `); the credentials file has profiles only.
    for (const [key, section] of Object.entries(loaded.configFile)) {
      if (key.startsWith(SSO_SESSION_PREFIX)) {
        ssoSessions.set(key.slice(SSO_SESSION_PREFIX.length), { ...section });
      } else if (!key.startsWith(SERVICES_PREFIX)) {
        profiles.set(key, { ...section });
      }
    }
    for (const [name, section] of Object.entries(loaded.credentialsFile)) {
      profiles.set(name, { ...profiles.get(name), ...section });
    }

    const unreadable: AwsFilesSnapshot['unreadable'] = [];
    for (const [file, result] of [['config', config], ['credentials', credentials]] as const) {
      if (result.problem) unreadable.push({ file, path: files[file], message: result.problem });
    }
    return {
      files,
      found: { config: config.found, credentials: credentials.found },
      unreadable,
      // fromEntries defines own properties, so even a name like __proto__ stays plain data.
      profiles: Object.fromEntries(profiles),
      ssoSessions: Object.fromEntries(ssoSessions),
    };
  }
}

/** Whether the file is there and readable, without opening it for writing. */
async function probe(file: string): Promise<{ found: boolean; problem?: string }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { found: true, problem: `${file} is not a file, so it was not read` };
    await access(file, constants.R_OK);
    return { found: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { found: false };
    return { found: true, problem: `${file} could not be read (${code ?? 'unknown error'}): check its permissions` };
  }
}
