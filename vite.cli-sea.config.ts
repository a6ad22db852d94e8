import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:sea'];

/**
 * The `roledeck` CLI for the single executable the desktop app ships (build/scripts/build-cli-sea.mjs
 * builds both modes, then injects them into a Node binary):
 *
 * - default mode: the CLI as CommonJS chunks, everything bundled (AWS SDK included: app users have
 *   no node_modules) but Node's built-ins, and '@napi-rs/keyring' replaced by the binary shipped
 *   beside the executable. Split like the npm bundle (vite.cli.config.ts): the entry holds the
 *   quick credential_process path, each command and the SDK are chunks required when used.
 *   Dynamic import() becomes require(): import() of a file fails inside a single executable.
 * - mode 'sea-loader': the one script Node runs there (electron/cli/sea/sea-loader.ts), which
 *   loads those chunks from the executable's assets.
 */
export default defineConfig(({ mode }): UserConfig => {
  const shared: UserConfig = {
    // Node builds of dependencies, not their browser builds (the AWS SDK and @smithy ship both).
    resolve: {
      conditions: ['node', 'module', 'development|production'],
      mainFields: ['module', 'main'],
      alias: [{ find: /^@napi-rs\/keyring$/, replacement: path.resolve('electron/cli/sea/keyring.sea-module.ts') }],
    },
    define: { __ROLEDECK_VERSION__: JSON.stringify(pkg.version) },
  };
  const output = { dynamicImportInCjs: false, entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' };
  if (mode === 'sea-loader') {
    return {
      ...shared,
      build: {
        outDir: 'out/cli-sea/loader',
        emptyOutDir: true,
        target: 'node24',
        minify: false,
        sourcemap: false,
        lib: { entry: { 'sea-loader': 'electron/cli/sea/sea-loader.ts' }, formats: ['cjs'] },
        rollupOptions: { external: builtins, output },
      },
    };
  }
  return {
    ...shared,
    build: {
      outDir: 'out/cli-sea/bundle',
      emptyOutDir: true,
      target: 'node24',
      // Smaller chunks parse faster, and nothing reads these but Node.
      minify: true,
      sourcemap: false,
      lib: { entry: { roledeck: 'electron/cli/sea/sea-main.ts' }, formats: ['cjs'] },
      rollupOptions: {
        external: builtins,
        output: {
          ...output,
          // As in vite.cli.config.ts: what the quick credential_process path shares with the rest of
          // the CLI goes in one chunk, so that path compiles two assets, not four.
          codeSplitting: {
            groups: [{ name: 'quick-path', test: /electron[\\/]node[\\/]app[\\/]app-home|shared[\\/]domain[\\/]keychain-items|electron[\\/]cli[\\/]sea[\\/]keyring-beside-executable/ }],
          },
        },
      },
    },
  };
});
