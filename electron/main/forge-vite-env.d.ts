// Globals the Forge Vite plugin defines in the main bundle (one pair per renderer entry in
// forge.config.ts). vite.main.config.ts defines the same pair when `npm run build` builds
// without Forge. The dev server URL is only set under `electron-forge start`.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
