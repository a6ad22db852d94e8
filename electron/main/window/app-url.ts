import path from 'node:path';
import { APP_ORIGIN } from './app-protocol';

/** The packaged renderer's folder, next to the main bundle (.vite/build -> .vite/renderer/<name>). */
export function rendererDir(options: { mainBundleDir: string; rendererName: string }): string {
  return path.join(options.mainBundleDir, '..', 'renderer', options.rendererName);
}

/**
 * The one URL the main window loads, and so the one page trusted as "the app": the Vite dev
 * server under `electron-forge start`, otherwise the packaged renderer, served from
 * `rendererDir` on the privileged `app://roledeck/` scheme (app-protocol.ts) — never file://.
 */
export function resolveAppUrl(options: { devServerUrl: string | undefined }): string {
  if (options.devServerUrl) return new URL(options.devServerUrl).href;
  return `${APP_ORIGIN}/index.html`;
}
