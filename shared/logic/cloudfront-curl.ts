/**
 * A ready `curl` line to try a signed URL or cookies. It prints the response headers (200, or
 * CloudFront's 403 with its reason) and discards the body, which may be a large file. POSIX
 * shell quoting: bash, zsh, fish and Git Bash all read single quotes the same way.
 */

export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(url: string, cookieHeader?: string): string {
  const cookies = cookieHeader === undefined ? '' : ` -b ${shellQuote(cookieHeader)}`;
  return `curl -sS -D - -o /dev/null${cookies} ${shellQuote(url)}`;
}
