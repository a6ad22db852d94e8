import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main process bundle. Node built-ins, electron and native modules stay external.
export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'node22',
    sourcemap: true,
    lib: { entry: 'electron/main/main.ts', formats: ['es'], fileName: () => 'main.js' },
    rollupOptions: {
      external: ['electron', '@napi-rs/keyring', /^@napi-rs\/keyring-/, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
});
