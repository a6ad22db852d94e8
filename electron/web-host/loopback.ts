import { timingSafeEqual } from 'node:crypto';

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True when a Host or Origin authority names this machine and this host's port. Checking Host
 * defeats DNS rebinding (a page on evil.example resolving to 127.0.0.1); checking Origin stops
 * pages from other origins talking to the bridge.
 */
export function isOwnAuthority(authority: string | undefined, port: number): boolean {
  if (!authority) return false;
  try {
    const url = new URL(authority.includes('://') ? authority : `http://${authority}`);
    return url.protocol === 'http:' && LOOPBACK_HOSTNAMES.has(url.hostname) && Number(url.port) === port;
  } catch {
    return false;
  }
}

/** Constant-time comparison of a presented token with the host's. */
export function tokenMatches(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
