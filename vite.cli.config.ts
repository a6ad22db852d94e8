import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The CLI is bundled (nothing resolved from node_modules at start but the native keyring and the
// AWS SDK, both external; clipboardy too, for `export --copy`: it runs the xsel and Windows helper
// binaries it ships beside its own files, which a bundle would leave behind). Its entry is small: the cached credential_process path runs from it
// alone; every command is a chunk loaded by dynamic import() when it runs, so the AWS CLI's
// call on every command parses a few kilobytes, not the whole CLI (DESIGN.md budget: ≤ 1.5× a
// bare Node start). The AWS SDK loads only when a refresh is due.
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
      external: [/^@aws-sdk\//, /^@smithy\//, /^@napi-rs\//, /^clipboardy(\/|$)/, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: {
        banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        // Every module the quick path loads (quick-path.ts and what it imports, shared with the rest of
        // the CLI) in one chunk: each separate chunk is one more file to read, parse and link on every
        // credential_process call (~0.3 ms apiece measured here).
        codeSplitting: {
          groups: [
            {
              name: 'quick-path',
              test: /electron[\\/]cli[\\/](quick-|cached-credential|session-by-name|keyring-binding)|agent-(exchange|protocol)|hmac-sha256|session-stamp|store-version|shell-export|app-home|keychain-items/,
            },
          ],
        },
      },
    },
  },
});
