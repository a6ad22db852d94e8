import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/logic/content-security-policy.ts';

/**
 * The strict CSP goes into the built index.html only. Under `electron-forge start` Vite's dev
 * server injects an inline React Refresh preamble that a strict <meta> policy would block; there
 * the main process sends a dev-relaxed policy as a header instead (electron/main/window).
 */
export function cspMetaPlugin(policy: string = CONTENT_SECURITY_POLICY_META): Plugin {
  return {
    name: 'roledeck-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
      ],
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMetaPlugin()],
  build: {
    outDir: '../.vite/renderer/main_window',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
  },
});
