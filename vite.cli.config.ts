import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The CLI is one bundled ESM file so start-up parses little. The AWS SDK and the native keyring
// stay external and are loaded with dynamic import() only by the commands that need them: the
// cached credential_process path must load no AWS SDK module at all.
export default defineConfig({
  define: { __ROLEDECK_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    lib: { entry: 'electron/cli/main.ts', formats: ['es'], fileName: () => 'roledeck.mjs' },
    rollupOptions: {
      external: [/^@aws-sdk\//, /^@smithy\//, /^@napi-rs\//, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { codeSplitting: false, banner: '#!/usr/bin/env node' },
    },
  },
});
