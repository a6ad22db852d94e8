import path from 'node:path';

/**
 * The packaged renderer is served from `app://roledeck/`, a privileged custom scheme, instead of
 * `file://`. Under file:// the page shares one origin with every local file and — unless the
 * GrantFileProtocolExtraPrivileges fuse is off, which forge.config.ts now does — may fetch any of
 * them: `~/.aws/credentials`, the agent's `agent.json`. Here the page can reach exactly the files
 * below the renderer folder, and its responses carry the CSP as a real header.
 * See https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'roledeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * What `protocol.registerSchemesAsPrivileged` gets before 'ready': a standard, secure scheme, so
 * the page has a real origin, relative URLs resolve, and `'self'` in the CSP means this origin.
 * No `bypassCSP`, no `allowServiceWorkers`, no `corsEnabled` (nothing else may fetch from it).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface AppAsset {
  file: string;
  mimeType: string;
}

/**
 * The file under `rootDir` that `requestUrl` names, or null for anything else: another scheme or
 * host, credentials in the URL, an encoded or plain `..` that would climb out of the folder, a
 * NUL byte, or a type the renderer never ships (a request for `.map` or an unknown extension).
 * `app://roledeck/` is the index page. Query and fragment are ignored.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): AppAsset | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  const mimeType = MIME_TYPES[path.extname(file).toLowerCase()];
  return mimeType ? { file, mimeType } : null;
}

/** The slice of Electron's `protocol` module this needs; main.ts passes the real one. */
export interface ProtocolHandlerHost {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * Serves the renderer folder on `app://roledeck/`. Every response carries the CSP header; a
 * request outside the folder, or for a file that is not there, gets a bare 404.
 */
export function serveAppProtocol(
  protocol: ProtocolHandlerHost,
  options: { rootDir: string; csp: string; readFile: (file: string) => Promise<Uint8Array<ArrayBuffer>> },
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(options.rootDir, request.url);
    if (!asset || request.method !== 'GET') return new Response(null, { status: 404 });
    try {
      const body = await options.readFile(asset.file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': asset.mimeType,
          'Content-Security-Policy': options.csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
