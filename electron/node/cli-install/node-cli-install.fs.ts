import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, readFile, readlink, realpath, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliInstallFs } from './cli-install.ports';

const orNull = <T>(promise: Promise<T>): Promise<T | null> => promise.catch(() => null);

/** The install service's file system on Node's fs. Replacements are a temporary name + rename. */
export function nodeCliInstallFs(platform: NodeJS.Platform = process.platform): CliInstallFs {
  const temporary = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  return {
    readLink: (file) => orNull(readlink(file)),
    exists: async (file) => (await orNull(lstat(file))) !== null,
    realPath: (file) => orNull(realpath(file)),
    isExecutable: async (file) => {
      const stats = await orNull(stat(file));
      if (!stats?.isFile()) return false;
      return platform === 'win32' || (await orNull(access(file, constants.X_OK).then(() => true))) === true;
    },
    isWritableDir: async (dir) => {
      const stats = await orNull(stat(dir));
      return stats?.isDirectory() === true && (await orNull(access(dir, constants.W_OK).then(() => true))) === true;
    },
    makeDir: async (dir) => {
      await mkdir(dir, { recursive: true });
    },
    replaceWithLink: async (link, target) => {
      const staged = temporary(link);
      await symlink(target, staged);
      try {
        await rename(staged, link);
      } catch (error) {
        await rm(staged, { force: true });
        throw error;
      }
    },
    replaceWithText: async (file, text) => {
      const staged = temporary(file);
      await writeFile(staged, text, { mode: 0o644 });
      try {
        await rename(staged, file);
      } catch (error) {
        await rm(staged, { force: true });
        throw error;
      }
    },
    readText: (file) => orNull(readFile(file, 'utf8')),
  };
}
