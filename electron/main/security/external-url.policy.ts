/**
 * Links Roledeck may hand to the user's browser (shell.openExternal). Anything else a page tries
 * to open is dropped: openExternal on an arbitrary URL can launch any registered protocol handler
 * (file:, smb:, ms-msdt: ...) — see Electron's security checklist, "Do not use shell.openExternal
 * with untrusted content".
 */

const EXACT_HOSTS = new Set(['docs.aws.amazon.com', 'console.aws.amazon.com', 'signin.aws.amazon.com']);

/** The AWS console also lives on regional hosts: https://us-east-1.console.aws.amazon.com/... */
const REGIONAL_CONSOLE_HOST = /^[a-z]{2}(-[a-z]+)+-\d\.console\.aws\.amazon\.com$/;

/** On github.com only the project's own organisation. */
const GITHUB_PATH = /^\/roledeck(\/|$)/i;

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  // user:pass@host tricks, and non-default ports, have no place in a documentation link.
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname;
  if (EXACT_HOSTS.has(host) || REGIONAL_CONSOLE_HOST.test(host)) return true;
  return host === 'github.com' && GITHUB_PATH.test(parsed.pathname);
}
