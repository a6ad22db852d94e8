import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The `roledeck` executable inside a packaged app: forge.config.ts copies the single-executable
 * build (build/scripts/build-cli-sea.mjs) to resources/cli when one exists for the platform
 * packaged. Null when this package has none. Electron main passes process.resourcesPath.
 */
export function packagedCli(resourcesPath: string, platform: NodeJS.Platform = process.platform, exists: (file: string) => boolean = existsSync): string | null {
  const file = path.join(resourcesPath, 'cli', platform === 'win32' ? 'roledeck.exe' : 'roledeck');
  return exists(file) ? file : null;
}
