/**
 * Session credentials as text people paste into a shell or a file. Each format quotes for its own
 * shell so that every character AWS puts in keys and tokens (letters, digits, + / =) survives, and
 * so that anything else either survives too or is refused — never silently mangled.
 */

export const EXPORT_FORMATS = ['bash', 'zsh', 'fish', 'powershell', 'cmd', 'dotenv', 'json', 'ini'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format for the shell a person runs: $SHELL's name when it is bash, zsh or fish; else PowerShell on Windows, bash elsewhere. */
export function defaultExportFormat(shell: string | undefined, platform: string): ExportFormat {
  const name = (shell ?? '').split(/[\\/]/).pop();
  if (name === 'fish' || name === 'zsh' || name === 'bash') return name;
  return platform === 'win32' ? 'powershell' : 'bash';
}

export interface ExportableSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** Epoch ms; absent for long-term keys. */
  expiresAt?: number | undefined;
  region?: string | undefined;
  /** Section name for the credentials-file INI format. */
  profileName: string;
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/** The variables set, in order; AWS_PROFILE is always cleared so a stale profile cannot win. */
export function exportVariables(session: ExportableSession): { set: Array<[string, string]>; unset: string[] } {
  const set: Array<[string, string]> = [
    ['AWS_ACCESS_KEY_ID', session.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', session.secretAccessKey],
  ];
  const unset = ['AWS_PROFILE'];
  if (session.sessionToken) set.push(['AWS_SESSION_TOKEN', session.sessionToken]);
  else unset.push('AWS_SESSION_TOKEN');
  if (session.region) {
    set.push(['AWS_REGION', session.region], ['AWS_DEFAULT_REGION', session.region]);
  }
  if (session.expiresAt !== undefined) set.push(['AWS_CREDENTIAL_EXPIRATION', new Date(session.expiresAt).toISOString()]);
  else unset.push('AWS_CREDENTIAL_EXPIRATION');
  for (const [, value] of set) {
    if (/[\0\r\n]/.test(value)) throw new ExportError('A credential value contains a line break or NUL; refusing to export it.');
  }
  return { set, unset };
}

/** POSIX single quotes: nothing inside is special; a ' is closed, escaped and reopened. */
export function posixQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** fish single quotes: only \\ and \' are special inside them. */
export function fishQuote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** PowerShell verbatim strings: only ' is special, doubled. */
export function powershellQuote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * cmd.exe: `set "NAME=value"` keeps & | < > ^ literal, but % (and ! with delayed expansion) and "
 * cannot be made literal on an interactive command line. AWS never puts them in credentials, so
 * such a value is refused rather than exported wrong.
 */
export function cmdAssignment(name: string, value: string): string {
  if (/["%!]/.test(value)) throw new ExportError(`${name} contains a character cmd.exe cannot take literally (" % !); use PowerShell or JSON instead.`);
  return `set "${name}=${value}"`;
}

/**
 * dotenv parsers (Node's dotenv, python-dotenv, Docker's env_file) disagree about escapes and `$`
 * expansion, so values are written bare and only when every parser reads them the same way:
 * the characters AWS uses in keys, tokens, regions and timestamps.
 */
export function dotenvValue(name: string, value: string): string {
  if (!/^[A-Za-z0-9+/=:._-]*$/.test(value)) throw new ExportError(`${name} has characters .env parsers read differently; use JSON or a shell format instead.`);
  return value;
}

export function formatExport(format: ExportFormat, session: ExportableSession): string {
  const { set, unset } = exportVariables(session);
  const lines: string[] = [];
  switch (format) {
    case 'bash':
    case 'zsh':
      for (const name of unset) lines.push(`unset ${name}`);
      for (const [name, value] of set) lines.push(`export ${name}=${posixQuote(value)}`);
      break;
    case 'fish':
      for (const name of unset) lines.push(`set -e ${name}`);
      for (const [name, value] of set) lines.push(`set -gx ${name} ${fishQuote(value)}`);
      break;
    case 'powershell':
      for (const name of unset) lines.push(`Remove-Item Env:${name} -ErrorAction SilentlyContinue`);
      for (const [name, value] of set) lines.push(`$Env:${name} = ${powershellQuote(value)}`);
      break;
    case 'cmd':
      for (const name of unset) lines.push(`set "${name}="`);
      for (const [name, value] of set) lines.push(cmdAssignment(name, value));
      break;
    case 'dotenv':
      // A .env file cannot unset; it simply does not mention AWS_PROFILE.
      for (const [name, value] of set) lines.push(`${name}=${dotenvValue(name, value)}`);
      break;
    case 'json':
      return `${JSON.stringify(credentialProcessJson(session), null, 2)}\n`;
    case 'ini': {
      if (/[[\]\r\n]/.test(session.profileName)) throw new ExportError('The profile name cannot be used as an INI section name.');
      lines.push(`[${session.profileName}]`);
      lines.push(`aws_access_key_id = ${session.accessKeyId}`);
      lines.push(`aws_secret_access_key = ${session.secretAccessKey}`);
      if (session.sessionToken) lines.push(`aws_session_token = ${session.sessionToken}`);
      if (session.region) lines.push(`region = ${session.region}`);
      break;
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The credential_process output schema (Version 1) the AWS CLI and SDKs read. */
export function credentialProcessJson(session: ExportableSession): Record<string, string | number> {
  return {
    Version: 1,
    AccessKeyId: session.accessKeyId,
    SecretAccessKey: session.secretAccessKey,
    ...(session.sessionToken ? { SessionToken: session.sessionToken } : {}),
    ...(session.expiresAt !== undefined ? { Expiration: new Date(session.expiresAt).toISOString() } : {}),
  };
}
