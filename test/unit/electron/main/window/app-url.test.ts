import { describe, expect, it } from 'vitest';
import { resolveAppUrl } from '../../../../../electron/main/window/app-url';

describe('resolveAppUrl', () => {
  it('loads the dev server when Forge provides one', () => {
    expect(resolveAppUrl({ devServerUrl: 'http://localhost:5173', mainBundleDir: '/x/.vite/build', rendererName: 'main_window' })).toBe(
      'http://localhost:5173/',
    );
  });

  it('otherwise loads the packaged renderer next to the main bundle, as a file URL', () => {
    expect(
      resolveAppUrl({ devServerUrl: undefined, mainBundleDir: '/opt/Roledeck/resources/app.asar/.vite/build', rendererName: 'main_window' }),
    ).toBe('file:///opt/Roledeck/resources/app.asar/.vite/renderer/main_window/index.html');
  });

  it('escapes characters in the install path instead of letting them change the URL', () => {
    expect(resolveAppUrl({ devServerUrl: undefined, mainBundleDir: '/home/a b/#x/.vite/build', rendererName: 'main_window' })).toBe(
      'file:///home/a%20b/%23x/.vite/renderer/main_window/index.html',
    );
  });
});
