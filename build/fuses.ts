import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The Electron fuses Roledeck ships with: flipped in the binary at package time, before signing,
 * so no environment variable or command-line flag can turn them back on.
 * See https://www.electronjs.org/docs/latest/tutorial/fuses
 *
 * `strictlyRequireAllFuses` makes packaging fail when an Electron upgrade adds a fuse this list
 * does not decide, and the type demands every fuse be named here.
 */
export const FUSES: FuseV1Config = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // The app binary must never run as plain Node (ELECTRON_RUN_AS_NODE): that is a way to run
  // code with the app's keychain identity. The CLI ships as its own executable instead.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://roledeck/ (electron/main/window/app-protocol.ts); file://
  // pages get no extra privileges, so a compromised page cannot read ~/.aws/credentials.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The file the packaging smoke test writes into its stub zip folder, and nothing else does. */
export const STUB_ELECTRON_MARKER = 'roledeck-stub-electron';

/**
 * Whether to leave the fuses out, for the packaging smoke test's stub Electron (a zip without a
 * real binary, where the fuse sentinel cannot be found). ROLEDECK_STUB_ELECTRON=1 anywhere else
 * would silently ship a build with every fuse at Electron's defaults, so it is refused unless
 * ROLEDECK_ELECTRON_ZIP_DIR names a folder holding the stub's marker file.
 */
export function skipFusesForStub(
  env: Readonly<Record<string, string | undefined>>,
  fileExists: (file: string) => boolean,
  join: (...parts: string[]) => string,
): boolean {
  if (env.ROLEDECK_STUB_ELECTRON !== '1') return false;
  const zipDir = env.ROLEDECK_ELECTRON_ZIP_DIR;
  if (!zipDir || !fileExists(join(zipDir, STUB_ELECTRON_MARKER))) {
    throw new Error(
      'ROLEDECK_STUB_ELECTRON=1 drops every Electron fuse and is only for the packaging smoke test. ' +
        `Unset it for a real build, or point ROLEDECK_ELECTRON_ZIP_DIR at the stub folder holding ${STUB_ELECTRON_MARKER}.`,
    );
  }
  return true;
}
