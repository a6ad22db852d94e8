/**
 * Where the packaged app gets its `roledeck` command: the single-executable build that
 * `npm run build:cli-sea` (build/scripts/build-cli-sea.mjs) leaves in out/cli-sea/<platform>-<arch>/cli.
 * Forge copies that folder, when it exists, into the app's resources as resources/cli
 * (packagerConfig.extraResource keeps the folder's name), where electron/node/cli-install finds it.
 */
export function cliSeaFolder(root: string, platform: string, arch: string, exists: (file: string) => boolean, join: (...parts: string[]) => string): string | null {
  const folder = join(root, 'out', 'cli-sea', `${platform}-${arch}`, 'cli');
  const executable = join(folder, platform === 'win32' ? 'roledeck.exe' : 'roledeck');
  return exists(executable) ? folder : null;
}

/**
 * extraResource is one list for whatever Forge packages, and the CLI build is for one platform:
 * packaging another platform or CPU with it would ship an executable that cannot run there.
 */
export function checkCliSeaTarget(included: { platform: string; arch: string } | null, packaging: { platform: string; arch: string }): void {
  if (!included || (included.platform === packaging.platform && included.arch === packaging.arch)) return;
  throw new Error(
    `The roledeck command in out/cli-sea is for ${included.platform}-${included.arch}, but this package is for ${packaging.platform}-${packaging.arch}. ` +
      `Package on ${packaging.platform}-${packaging.arch} after \`npm run build:cli-sea\` there, or package for this machine.`,
  );
}
