import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/logic/content-security-policy';
import { isOwnAuthority, tokenMatches } from './loopback';

export const BRIDGE_SCRIPT_PATH = '/__roledeck/bridge.js';
const BRIDGE_SCRIPT_FILE = new URL('./bridge-client.js', import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // The page URL carries the token; never send it anywhere as a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Puts the bridge script before the app's first script, so `window.roledeck` exists when the app starts. */
export function injectBridgeScript(html: string, token: string): string {
  const tag = `<script src="./${BRIDGE_SCRIPT_PATH.slice(1)}?token=${encodeURIComponent(token)}"></script>\n    `;
  const at = html.indexOf('<script');
  if (at === -1) throw new Error('the built index.html has no <script>: is the renderer build broken?');
  return html.slice(0, at) + tag + html.slice(at);
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  response.end(body);
}

const REFUSED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Roledeck</title></head>
<body><h1>This address needs the host’s token</h1>
<p>Open the full address that <code>npm run start:browser</code> printed; it ends in <code>?token=…</code>.</p></body></html>`;

export interface StaticFilesOptions {
  /** The built renderer (.vite/renderer/main_window). */
  root: string;
  token: string;
  port: () => number;
}

/**
 * Serves the built renderer. The page and the bridge script need the token (whoever has the page
 * has the bridge); the hashed assets are the same public code as in the app and need none.
 */
export function createStaticHandler(options: StaticFilesOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const root = path.resolve(options.root);
  return async (request, response) => {
    if (!isOwnAuthority(request.headers.host, options.port())) {
      send(response, 403, 'text/plain; charset=utf-8', 'Forbidden: this host answers only to 127.0.0.1 and localhost.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const authorised = tokenMatches(url.searchParams.get('token'), options.token);

    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!authorised) {
        send(response, 401, 'text/html; charset=utf-8', REFUSED_PAGE);
        return;
      }
      const html = await readFile(path.join(root, 'index.html'), 'utf8');
      // The page carries the policy as a meta tag; the header adds what a meta tag cannot (frame-ancestors).
      send(response, 200, 'text/html; charset=utf-8', injectBridgeScript(html, options.token), {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
      return;
    }
    if (url.pathname === BRIDGE_SCRIPT_PATH) {
      if (!authorised) {
        send(response, 401, 'text/plain; charset=utf-8', 'Unauthorized\n');
        return;
      }
      send(response, 200, CONTENT_TYPES['.js'] ?? 'text/javascript', await readFile(BRIDGE_SCRIPT_FILE));
      return;
    }

    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad Request\n');
      return;
    }
    const file = path.resolve(root, `.${relative}`);
    const type = CONTENT_TYPES[path.extname(file)];
    if (!file.startsWith(root + path.sep) || !type) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not Found\n');
      return;
    }
    try {
      send(response, 200, type, await readFile(file));
    } catch {
      send(response, 404, 'text/plain; charset=utf-8', 'Not Found\n');
    }
  };
}
