import { defineConfig } from 'vite';

// Sandboxed preloads cannot load modules at run time: everything but electron is bundled,
// and the output is CommonJS, which is what a sandboxed preload must be.
export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'chrome140',
    sourcemap: true,
    lib: { entry: 'electron/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'] },
  },
});
