import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadKeyringBinding } from '../../../../electron/cli/keyring-binding';

const require = createRequire(import.meta.url);
const viaPackageLoader = await import('@napi-rs/keyring');

describe('loadKeyringBinding: the credential_process quick path loads the keychain binding', () => {
  it("takes this platform's build straight from its package, not through the generic loader", async () => {
    const asked: string[] = [];
    const platformBuild = { Entry: class {} };
    const binding = await loadKeyringBinding((id) => {
      asked.push(id);
      return platformBuild;
    }, 'linux-x64');
    expect(asked).toEqual(['@napi-rs/keyring-linux-x64-gnu']);
    expect(binding).toBe(platformBuild);
  });

  it.each([
    ['darwin-arm64', '@napi-rs/keyring-darwin-arm64'],
    ['win32-x64', '@napi-rs/keyring-win32-x64-msvc'],
    ['linux-arm64', '@napi-rs/keyring-linux-arm64-gnu'],
  ])('names the %s build %s', async (platform, expected) => {
    const asked: string[] = [];
    await loadKeyringBinding((id) => {
      asked.push(id);
      return { Entry: class {} };
    }, platform);
    expect(asked).toEqual([expected]);
  });

  it('falls back to the package loader when the build is missing or cannot load (musl, a broken install)', async () => {
    const binding = await loadKeyringBinding(() => {
      throw new Error('Cannot find module @napi-rs/keyring-linux-x64-gnu');
    }, 'linux-x64');
    expect(binding.Entry).toBe(viaPackageLoader.Entry);
  });

  it('falls back to the package loader when the module loaded is not the binding', async () => {
    const binding = await loadKeyringBinding(() => ({}), 'linux-x64');
    expect(binding.Entry).toBe(viaPackageLoader.Entry);
  });

  it('falls back to the package loader on a platform without a known build (freebsd)', async () => {
    const asked: string[] = [];
    const binding = await loadKeyringBinding((id) => {
      asked.push(id);
      return { Entry: class {} };
    }, 'freebsd-x64');
    expect(asked).toEqual([]);
    expect(binding.Entry).toBe(viaPackageLoader.Entry);
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('on this machine, loads the same native module the package loader does', async () => {
    const binding = await loadKeyringBinding();
    expect(binding).toBe(require('@napi-rs/keyring-linux-x64-gnu'));
    expect(binding.Entry).toBe(viaPackageLoader.Entry);
  });
});
