import { describe, expect, it } from 'vitest';
import { appHttpOrigin, isAppSender } from '../../../../../electron/main/security/app-origin.policy';

const PACKAGED = 'app://roledeck/index.html';
const FILE_PAGE = 'file:///opt/Roledeck/resources/app.asar/.vite/renderer/main_window/index.html';
const DEV = 'http://localhost:5173/';

describe('isAppSender', () => {
  it('accepts the packaged app:// page, with or without a route in the hash or a query', () => {
    expect(isAppSender(PACKAGED, PACKAGED)).toBe(true);
    expect(isAppSender(`${PACKAGED}#/profiles/acme`, PACKAGED)).toBe(true);
    expect(isAppSender(`${PACKAGED}?theme=dark`, PACKAGED)).toBe(true);
    expect(isAppSender('app://roledeck/', PACKAGED)).toBe(true);
  });

  it('refuses every file:// page, even the renderer file itself, and other app:// hosts', () => {
    expect(isAppSender(FILE_PAGE, PACKAGED)).toBe(false);
    expect(isAppSender('file:///tmp/evil.html', PACKAGED)).toBe(false);
    expect(isAppSender('app://evil/index.html', PACKAGED)).toBe(false);
    expect(isAppSender('app://user:pw@roledeck/index.html', PACKAGED)).toBe(false);
    // A file:// app URL (the old packaged form) is no longer trusted at all.
    expect(isAppSender(FILE_PAGE, FILE_PAGE)).toBe(false);
  });

  it('accepts any page of the dev server origin and refuses other origins', () => {
    expect(isAppSender('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppSender('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppSender('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppSender('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAppSender('http://localhost.evil.example:5173/', DEV)).toBe(false);
    expect(isAppSender('http://user:pw@localhost:5173/', DEV)).toBe(false);
  });

  it('refuses remote pages, pseudo-URLs and missing URLs', () => {
    for (const frameUrl of ['https://evil.example/', 'about:blank', 'data:text/html,<p>x', 'javascript:alert(1)', '', 'not a url', null, undefined]) {
      expect(isAppSender(frameUrl, PACKAGED), String(frameUrl)).toBe(false);
      expect(isAppSender(frameUrl, DEV), String(frameUrl)).toBe(false);
    }
  });

  it('trusts nothing when the app URL itself is not http(s) or app', () => {
    expect(isAppSender('data:text/html,x', 'data:text/html,x')).toBe(false);
    expect(isAppSender('about:blank', 'about:blank')).toBe(false);
  });
});

describe('appHttpOrigin', () => {
  it('is the dev server origin, and null for the packaged app:// page (its handler sets the header)', () => {
    expect(appHttpOrigin('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(appHttpOrigin(PACKAGED)).toBeNull();
  });
});
