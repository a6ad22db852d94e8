import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Main process bundle (ESM, package.json "type": "module"). Node built-ins, electron and the
// native keychain binding stay external; forge.config.ts packages the binding next to the bundle.
//
// Under `electron-forge package/make/start` the Forge Vite plugin merges this config into its own
// and defines MAIN_WINDOW_VITE_DEV_SERVER_URL / MAIN_WINDOW_VITE_NAME. `npm run build`
// (build/scripts/build.mjs) builds without Forge, so the same globals are defined here then.
export default defineConfig((env) => ({
  ...('forgeConfig' in env
    ? {}
    : { define: { MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined', MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window') } }),
  // Node builds of dependencies, not their browser builds (Vite's default for a non-SSR build):
  // the AWS SDK and @smithy ship both. Forge's main config sets the same; this keeps `npm run build`
  // identical to the packaged bundle.
  resolve: {
    conditions: ['module', 'node', 'development|production'],
    mainFields: ['module', 'jsnext:main', 'jsnext'],
    // Except `yaml` (CloudFormation templates): its node build is CommonJS and requires 'process',
    // which an ES module bundle cannot do; its ES module build (the package's default) is the same
    // parser and needs nothing from Node.
    alias: [{ find: /^yaml$/, replacement: fileURLToPath(new URL('./node_modules/yaml/browser/index.js', import.meta.url)) }],
  },
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
}));
