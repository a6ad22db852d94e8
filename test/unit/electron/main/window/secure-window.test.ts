import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  secureWindowOptions,
  withContentSecurityPolicy,
  type HardenableSession,
  type HardenableWebContents,
} from '../../../../../electron/main/window/secure-window';
import { recordingLogger } from '../../../../fakes/recording.logger';

const APP = 'app://roledeck/index.html';

type Listener = (...args: unknown[]) => unknown;

/** A webContents that records what was registered, so the test can play the events. */
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: Listener | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: Listener) {
      windowOpen = handler;
    },
  };
  const emit = (name: string, details: { url?: string; isMainFrame?: boolean } = {}) => {
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener registered`);
    const event = { ...details, preventDefault: vi.fn() };
    listener(event);
    return event.preventDefault.mock.calls.length > 0 ? 'prevented' : 'allowed';
  };
  const open = (url: string) => {
    if (!windowOpen) throw new Error('no window open handler registered');
    return windowOpen({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } });
  };
  return { contents: contents as unknown as HardenableWebContents, emit, open, events: () => [...listeners.keys()] };
}

function hardened(openExternal = vi.fn(async (_url: string) => {})) {
  const fake = fakeWebContents();
  const { logger, lines } = recordingLogger();
  hardenWebContents(fake.contents, { appUrl: APP, openExternal, logger });
  return { ...fake, openExternal, lines };
}

describe('secureWindowOptions', () => {
  const options = secureWindowOptions({ preloadPath: '/app/.vite/build/preload.cjs', backgroundColor: '#000000' });

  it('isolates the renderer: context isolation, sandbox, no Node anywhere', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on, <webview> off and the spellchecker off, with our preload', () => {
    expect(options.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/.vite/build/preload.cjs',
    });
  });

  it('has no DevTools unless a development build asks for them', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(secureWindowOptions({ preloadPath: '/p', backgroundColor: '#000', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens hidden on the theme background so the first frame is the app', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe('#000000');
  });
});

describe('hardenWebContents', () => {
  it('registers guards for navigation, redirects, frames, webviews and window.open', () => {
    const { events } = hardened();
    expect(events()).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']));
  });

  it('lets the app navigate within its own page (client-side routes)', () => {
    const { emit } = hardened();
    expect(emit('will-navigate', { url: `${APP}#/profiles` })).toBe('allowed');
  });

  it('blocks navigation to a remote site and does not open it anywhere', () => {
    const { emit, openExternal, lines } = hardened();
    expect(emit('will-navigate', { url: 'https://evil.example/phish?token=abc' })).toBe('prevented');
    expect(openExternal).not.toHaveBeenCalled();
    expect(lines.join('')).toContain('https://evil.example');
    expect(lines.join('')).not.toContain('token=abc');
  });

  it('blocks navigation to another local file, javascript: and data: URLs', () => {
    const { emit, openExternal } = hardened();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>x</p>']) {
      expect(emit('will-navigate', { url }), url).toBe('prevented');
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('turns a click on an allowed documentation link into the user’s browser, never the app window', () => {
    const { emit, openExternal } = hardened();
    const url = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html';
    expect(emit('will-navigate', { url })).toBe('prevented');
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it('denies every window.open, opening only allow-listed https links externally', () => {
    const { open, openExternal } = hardened();
    expect(open('https://console.aws.amazon.com/iam/home')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(open('http://console.aws.amazon.com/')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open(APP)).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks redirects and sub-frame navigations away from the app, and every <webview>', () => {
    const { emit } = hardened();
    expect(emit('will-redirect', { url: 'https://evil.example/' })).toBe('prevented');
    expect(emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe('prevented');
    expect(emit('will-frame-navigate', { url: APP, isMainFrame: true })).toBe('allowed');
    expect(emit('will-attach-webview')).toBe('prevented');
  });

  it('logs, and does not crash, when the browser cannot be opened', async () => {
    const openExternal = vi.fn(async (_url: string) => {
      throw new Error('no browser');
    });
    const { open, lines } = hardened(openExternal);
    open('https://docs.aws.amazon.com/');
    await vi.waitFor(() => expect(lines.join('')).toContain('could not open a link'));
  });
});

/** A session that records its handlers. */
function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (handler: Listener) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (handlers.device = handler),
    webRequest: { onHeadersReceived: (handler: Listener) => (handlers.headers = handler) },
  };
  return { session: session as unknown as HardenableSession, handlers };
}

describe('hardenSession', () => {
  it('denies every permission request and check (camera, notifications, clipboard-read, HID ...)', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { appOrigin: null, csp: "default-src 'none'" });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission, 'file://', {})).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('puts our CSP on the app origin’s responses, replacing whatever the server sent', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { appOrigin: 'http://localhost:5173', csp: "default-src 'none'" });
    const callback = vi.fn();
    handlers.headers?.(
      { url: 'http://localhost:5173/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': ["default-src 'none'"], 'Content-Type': ['text/html'] },
    });
  });

  it('leaves responses from other origins untouched', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { appOrigin: 'http://localhost:5173', csp: "default-src 'none'" });
    const callback = vi.fn();
    handlers.headers?.({ url: 'http://localhost:9999/', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces the header whatever its case and keeps the others', () => {
    expect(withContentSecurityPolicy({ 'Content-Security-Policy': ['x'], 'CONTENT-SECURITY-POLICY': 'y', A: 'b' }, 'p')).toEqual({
      A: 'b',
      'Content-Security-Policy': ['p'],
    });
    expect(withContentSecurityPolicy(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] });
  });
});
