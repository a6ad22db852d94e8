import { describe, expect, it } from 'vitest';
import { appHttpOrigin, isAppSender } from '../../../../../electron/main/security/app-origin.policy';

const PACKAGED = 'file:///opt/Roledeck/resources/app.asar/.vite/renderer/main_window/index.html';
const DEV = 'http://localhost:5173/';

describe('isAppSender', () => {
  it('accepts the packaged index.html, with or without a route in the hash or a query', () => {
    expect(isAppSender(PACKAGED, PACKAGED)).toBe(true);
    expect(isAppSender(`${PACKAGED}#/profiles/acme`, PACKAGED)).toBe(true);
    expect(isAppSender(`${PACKAGED}?theme=dark`, PACKAGED)).toBe(true);
  });

  it('refuses any other local file, since every file:// page shares one opaque origin', () => {
    expect(isAppSender('file:///tmp/evil.html', PACKAGED)).toBe(false);
    expect(isAppSender('file:///opt/Roledeck/resources/app.asar/.vite/renderer/main_window/other.html', PACKAGED)).toBe(false);
    expect(isAppSender('file://remote-host/opt/Roledeck/resources/app.asar/.vite/renderer/main_window/index.html', PACKAGED)).toBe(false);
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

  it('trusts nothing when the app URL itself is not http(s) or file', () => {
    expect(isAppSender('data:text/html,x', 'data:text/html,x')).toBe(false);
    expect(isAppSender('about:blank', 'about:blank')).toBe(false);
  });
});

describe('appHttpOrigin', () => {
  it('is the dev server origin, and null for the packaged file:// page', () => {
    expect(appHttpOrigin('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(appHttpOrigin(PACKAGED)).toBeNull();
  });
});
