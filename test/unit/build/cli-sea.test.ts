import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCliSeaTarget, cliSeaFolder } from '../../../build/cli-sea';

describe('the roledeck single executable in the packaged app', () => {
  const built = (files: string[]) => (file: string) => files.includes(file);

  it('ships out/cli-sea/<platform>-<arch>/cli when the executable was built for the platform being packaged', () => {
    const folder = path.join('/repo', 'out', 'cli-sea', 'linux-x64', 'cli');
    expect(cliSeaFolder('/repo', 'linux', 'x64', built([path.join(folder, 'roledeck')]), path.join)).toBe(folder);
  });

  it('looks for roledeck.exe on Windows', () => {
    const folder = path.join('/repo', 'out', 'cli-sea', 'win32-x64', 'cli');
    expect(cliSeaFolder('/repo', 'win32', 'x64', built([path.join(folder, 'roledeck')]), path.join)).toBeNull();
    expect(cliSeaFolder('/repo', 'win32', 'x64', built([path.join(folder, 'roledeck.exe')]), path.join)).toBe(folder);
  });

  it('ships nothing when no executable was built (the app then offers no install)', () => {
    expect(cliSeaFolder('/repo', 'linux', 'x64', built([]), path.join)).toBeNull();
  });

  it('refuses to package another platform with this machine’s executable, and allows packaging without one', () => {
    expect(() => checkCliSeaTarget({ platform: 'linux', arch: 'x64' }, { platform: 'linux', arch: 'x64' })).not.toThrow();
    expect(() => checkCliSeaTarget(null, { platform: 'darwin', arch: 'arm64' })).not.toThrow();
    expect(() => checkCliSeaTarget({ platform: 'linux', arch: 'x64' }, { platform: 'linux', arch: 'arm64' })).toThrow(/is for linux-x64, but this package is for linux-arm64/);
  });
});
