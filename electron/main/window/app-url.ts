import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The one URL the main window loads, and so the one page trusted as "the app": the Vite dev
 * server under `electron-forge start`, otherwise the packaged renderer next to the main bundle
 * (.vite/build/main.js -> .vite/renderer/<name>/index.html, inside app.asar when packaged).
 */
export function resolveAppUrl(options: {
  devServerUrl: string | undefined;
  mainBundleDir: string;
  rendererName: string;
}): string {
  if (options.devServerUrl) return new URL(options.devServerUrl).href;
  const indexHtml = path.join(options.mainBundleDir, '..', 'renderer', options.rendererName, 'index.html');
  return pathToFileURL(indexHtml).href;
}
