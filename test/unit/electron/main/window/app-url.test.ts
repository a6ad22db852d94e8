import { describe, expect, it } from 'vitest';
import { rendererDir, resolveAppUrl } from '../../../../../electron/main/window/app-url';

describe('resolveAppUrl', () => {
  it('loads the dev server when Forge provides one', () => {
    expect(resolveAppUrl({ devServerUrl: 'http://localhost:5173' })).toBe('http://localhost:5173/');
  });

  it('otherwise loads the packaged renderer from the app:// scheme, never from file://', () => {
    expect(resolveAppUrl({ devServerUrl: undefined })).toBe('app://roledeck/index.html');
  });
});

describe('rendererDir', () => {
  it('is the renderer folder next to the main bundle, inside the archive', () => {
    expect(rendererDir({ mainBundleDir: '/opt/Roledeck/resources/app.asar/.vite/build', rendererName: 'main_window' })).toBe(
      '/opt/Roledeck/resources/app.asar/.vite/renderer/main_window',
    );
  });
});
