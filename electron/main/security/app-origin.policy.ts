/**
 * Which pages count as "the app's own page". Everything the main process trusts (IPC senders,
 * navigation targets, CSP headers) is decided here, from the one URL the main window loads:
 * the Vite dev server's URL under `electron-forge start`, or the packaged renderer on the
 * privileged `app://roledeck/` scheme (window/app-protocol.ts). A file:// page is never trusted.
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
 * - app: (packaged app): the `app://roledeck` origin. Only Roledeck's protocol handler serves
 *   it, so the origin identifies us (a standard scheme has a real origin, unlike file://).
 *
 * Query and fragment are ignored (client-side routing uses the hash). Anything else — another
 * host, any file:// page, about:blank, data:, a missing or unparsable URL — is refused.
 */
export function isAppSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  const frame = parse(frameUrl);
  const app = parse(appUrl);
  if (!frame || !app) return false;
  if (frame.username !== '' || frame.password !== '') return false;
  if (app.protocol === 'app:') return frame.protocol === 'app:' && frame.host === app.host && app.host !== '';
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return frame.origin === app.origin;
}

/**
 * The origin whose http responses get the CSP header from the session hook (the dev server's),
 * or null for the packaged app, whose protocol handler sets the header itself.
 */
export function appHttpOrigin(appUrl: string): string | null {
  const app = parse(appUrl);
  if (!app || (app.protocol !== 'http:' && app.protocol !== 'https:')) return null;
  return app.origin;
}
