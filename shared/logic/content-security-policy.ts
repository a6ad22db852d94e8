/**
 * The renderer's Content Security Policy. One definition serves both deliveries: the main process
 * adds it as a response header to pages it serves over http (the Vite dev server), and the
 * renderer build writes it into index.html as a <meta> tag, which is the only delivery that
 * reaches a page loaded from file:// in the packaged app.
 *
 * Nothing remote, nothing inline, no eval: the renderer only ever runs the bundle shipped with
 * the app and talks to the main process through the preload bridge, never over the network.
 */

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

const PRODUCTION_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a <meta> CSP cannot carry; browsers ignore them there and log a warning. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export interface CspOptions {
  /**
   * Only for `electron-forge start`: Vite's dev server injects an inline React Refresh preamble
   * and <style> tags and keeps a WebSocket open for hot reload. Never set in a packaged build.
   */
  devServerUrl?: string;
  /** `meta` drops the directives a <meta> tag cannot carry. Default `header`. */
  delivery?: 'header' | 'meta';
}

export function contentSecurityPolicyDirectives(options: CspOptions = {}): CspDirectives {
  const directives: Record<string, string[]> = {};
  for (const [name, sources] of Object.entries(PRODUCTION_DIRECTIVES)) directives[name] = [...sources];
  if (options.devServerUrl !== undefined) {
    const dev = new URL(options.devServerUrl);
    const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    directives['script-src'] = ["'self'", "'unsafe-inline'"];
    directives['style-src'] = ["'self'", "'unsafe-inline'"];
    directives['connect-src'] = ["'self'", socket];
  }
  if (options.delivery === 'meta') {
    for (const name of HEADER_ONLY) delete directives[name];
  }
  return directives;
}

export function serializeContentSecurityPolicy(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  return serializeContentSecurityPolicy(contentSecurityPolicyDirectives(options));
}

/** The packaged app's policy as a response header. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The packaged app's policy for `<meta http-equiv="Content-Security-Policy" content="...">`. */
export const CONTENT_SECURITY_POLICY_META = contentSecurityPolicy({ delivery: 'meta' });
