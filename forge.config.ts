import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { checkCliSeaTarget, cliSeaFolder } from './build/cli-sea';
import { FUSES, skipFusesForStub } from './build/fuses';

/**
 * Two environment variables exist for the packaging smoke test (test/integration/packaging),
 * which runs where the Electron runtime cannot be downloaded:
 *
 * - ROLEDECK_ELECTRON_ZIP_DIR: a directory holding `electron-v<version>-<platform>-<arch>.zip`;
 *   Forge takes the runtime from there instead of downloading it (packagerConfig.electronZipDir).
 *   Also usable with a real, pre-downloaded Electron zip.
 * - ROLEDECK_STUB_ELECTRON=1: that zip is a stub without a real binary, so the fuses plugin is
 *   left out (flipping fuses needs the fuse sentinel inside the real executable). The fuses are
 *   part of the security model, so this fails the build unless the zip folder is the stub's
 *   (build/fuses.ts, skipFusesForStub).
 */
const electronZipDir = process.env.ROLEDECK_ELECTRON_ZIP_DIR;
const stubElectron = skipFusesForStub(process.env, existsSync, path.join);

/**
 * The `roledeck` command for people without Node (RunAsNode is off, so the app's binary cannot run
 * the CLI): the single executable `npm run build:cli-sea` built for this machine, shipped as
 * resources/cli when it exists. Packages built without it simply have no CLI to install.
 */
const cliSea = cliSeaFolder(process.cwd(), process.platform, process.arch, existsSync, path.join);

/**
 * What goes into app.asar: the Vite bundles, package.json, and the one native module the main
 * bundle leaves external (the keychain binding with its per-platform binary). The AWS SDK and
 * zod are bundled into .vite/build/main.js, so nothing else from node_modules ships.
 */
const KEEP = [/^\/package\.json$/, /^\/\.vite(\/|$)/, /^\/node_modules\/@napi-rs\/keyring(-[^/]+)?(\/|$)/];
const KEEP_DIRECTORIES = new Set(['/node_modules', '/node_modules/@napi-rs']);

function ignore(file: string): boolean {
  if (!file) return false;
  if (KEEP_DIRECTORIES.has(file)) return false;
  // Source maps stay out of the archive: they are for debugging builds, and would ship the
  // original sources (comments included) to every user.
  if (file.endsWith('.map')) return true;
  return !KEEP.some((pattern) => pattern.test(file));
}

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Roledeck',
    executableName: 'roledeck',
    appBundleId: 'dev.roledeck.app',
    appCategoryType: 'public.app-category.developer-tools',
    // Packager adds .icns (macOS) or .ico (Windows); Linux installers take build/icon.png.
    icon: 'build/icon',
    // Native binaries cannot be loaded from inside an archive; they sit in app.asar.unpacked.
    asar: { unpack: '**/*.node' },
    ignore,
    ...(electronZipDir ? { electronZipDir } : {}),
    ...(cliSea ? { extraResource: [cliSea] } : {}),
  },
  rebuildConfig: {},
  hooks: {
    packageAfterCopy: async (_config, _buildPath, _electronVersion, platform, arch) => {
      checkCliSeaTarget(cliSea ? { platform: process.platform, arch: process.arch } : null, { platform, arch });
    },
  },
  makers: [
    new MakerSquirrel({ name: 'roledeck', setupIcon: 'build/icon.ico' }, ['win32']),
    new MakerDMG({ icon: 'build/icon.icns', format: 'ULFO' }, ['darwin']),
    new MakerZIP({}, ['darwin', 'linux']),
    new MakerDeb(
      {
        options: {
          name: 'roledeck',
          productName: 'Roledeck',
          // /usr/bin/<name> links to this path under /usr/lib/roledeck (electron-installer-debian's
          // `bin`). It must be the CLI: a terminal's `roledeck console acme-prod` that started the
          // desktop app instead would be a silent no-op. Without a shipped CLI there is only the app.
          bin: cliSea ? 'resources/cli/roledeck' : 'roledeck',
          // The stock .desktop entry runs `Exec=roledeck`, which is now the CLI: the menu entry
          // starts the app's own binary by its full path instead.
          desktopTemplate: 'build/roledeck.desktop.ejs',
          icon: 'build/icon.png',
          categories: ['Development', 'Utility'],
          section: 'utils',
          maintainer: 'Roledeck maintainers <maintainers@roledeck.invalid>',
          homepage: 'https://github.com/roledeck/roledeck',
        },
      },
      ['linux'],
    ),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
      // Two cores on the CI machines: one Vite build at a time keeps memory and time predictable.
      concurrent: 1,
    }),
    ...(stubElectron
      ? []
      : [
          // Flipped at package time, before signing: build/fuses.ts.
          new FusesPlugin(FUSES),
        ]),
  ],
};

export default config;
