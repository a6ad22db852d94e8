import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import type { Logger } from '../../../shared/ports/logger';
import { isAppSender } from '../security/app-origin.policy';
import { isAllowedExternalUrl } from '../security/external-url.policy';

// Type-only imports from 'electron': this module is unit-tested with hand-written fakes, and
// importing Electron's runtime outside the app throws. main.ts passes the real objects in.

/**
 * BrowserWindow options for every Roledeck window. The renderer gets no Node, runs in Chromium's
 * sandbox in an isolated world, and reaches the main process only through the preload bridge.
 */
export function secureWindowOptions(options: {
  preloadPath: string;
  backgroundColor: string;
  title?: string;
  /** False in a packaged build: no DevTools on a window that can show credentials. */
  devTools?: boolean;
}): BrowserWindowConstructorOptions {
  return {
    title: options.title ?? 'Roledeck',
    width: 1200,
    height: 780,
    minWidth: 760,
    minHeight: 480,
    // Shown on 'ready-to-show', so the first frame is the app, not a white flash.
    show: false,
    backgroundColor: options.backgroundColor,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker sends words to a dictionary service and would see pasted secrets.
      spellcheck: false,
      devTools: options.devTools ?? false,
    },
  };
}

export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface WebContentsPolicy {
  /** The URL the app's window loads; the only place a frame may navigate to. */
  appUrl: string;
  /** shell.openExternal in the app; called only for URLs on the external allow-list. */
  openExternal: (url: string) => Promise<void>;
  logger: Logger;
}

/**
 * Only the origin is logged: a console federation link carries a SigninToken in its query, and
 * a blocked URL is attacker-chosen text.
 */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Locks down one webContents: no navigation away from the app, no new windows, no <webview>.
 * An allowed external link (AWS docs, the AWS console) opens in the user's browser instead.
 */
export function hardenWebContents(contents: HardenableWebContents, policy: WebContentsPolicy): void {
  const { appUrl, logger } = policy;

  const openOutside = (url: string): void => {
    if (!isAllowedExternalUrl(url)) {
      logger.warn('blocked a link to a site outside the allow-list', { origin: originOf(url) });
      return;
    }
    policy.openExternal(url).catch((error: unknown) => {
      logger.warn('could not open a link in the browser', { origin: originOf(url), error });
    });
  };

  contents.on('will-navigate', (event) => {
    if (isAppSender(event.url, appUrl)) return;
    event.preventDefault();
    openOutside(event.url);
  });

  // Sub-frames too (the main frame also raises will-navigate above, which opens allowed links).
  contents.on('will-frame-navigate', (event) => {
    if (isAppSender(event.url, appUrl)) return;
    event.preventDefault();
    if (!event.isMainFrame) logger.warn('blocked a frame navigation', { origin: originOf(event.url) });
  });

  contents.on('will-redirect', (event) => {
    if (isAppSender(event.url, appUrl)) return;
    event.preventDefault();
    logger.warn('blocked a redirect', { origin: originOf(event.url) });
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a <webview>');
  });

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> };

/**
 * Returns the response headers with our CSP in place of any the server sent (a dev server or a
 * proxy must not be able to loosen it). Header names are case-insensitive.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  csp: string,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}

export interface SessionPolicy {
  /**
   * http(s) origin whose responses get the CSP header: the dev server's. Null for the packaged
   * app, whose file:// page carries the policy in its <meta> tag (file responses have no headers).
   */
  appOrigin: string | null;
  csp: string;
}

/**
 * Denies every permission (camera, notifications, clipboard-read, HID ...): Roledeck's renderer
 * needs none — clipboard writes of credentials happen in main, where they can be marked
 * concealed. Adds the CSP header to the app's own http responses.
 */
export function hardenSession(session: HardenableSession, policy: SessionPolicy): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (policy.appOrigin !== null && originOf(details.url) === policy.appOrigin) {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy.csp) });
      return;
    }
    callback({});
  });
}
