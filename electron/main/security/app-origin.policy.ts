/**
 * Which pages count as "the app's own page". Everything the main process trusts (IPC senders,
 * navigation targets, CSP headers) is decided here, from the one URL the main window loads:
 * the Vite dev server's URL under `electron-forge start`, or the packaged renderer's
 * file:// index.html.
 */

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `frameUrl` is a page of the app loaded from `appUrl`.
 *
 * - http(s) (dev server): same origin — scheme, host and port — as the app URL.
 * - file: (packaged app): exactly the app's index.html. Every file:// URL shares one opaque
 *   origin, so an origin check would trust any local HTML file; the path is what identifies us.
 *
 * Query and fragment are ignored (client-side routing uses the hash). Anything else — another
 * host, another file, about:blank, data:, a missing or unparsable URL — is refused.
 */
export function isAppSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  const frame = parse(frameUrl);
  const app = parse(appUrl);
  if (!frame || !app) return false;
  if (frame.username !== '' || frame.password !== '') return false;
  if (app.protocol === 'file:') {
    return frame.protocol === 'file:' && frame.host === app.host && frame.pathname === app.pathname;
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return frame.origin === app.origin;
}

/** The origin whose http responses get the CSP header, or null for file:// (meta tag only). */
export function appHttpOrigin(appUrl: string): string | null {
  const app = parse(appUrl);
  if (!app || (app.protocol !== 'http:' && app.protocol !== 'https:')) return null;
  return app.origin;
}
