// Where the npm package's quick credential_process path gets the keychain binding. Apart from
// cached-credential-process.ts because it resolves packages from this file's location
// (import.meta.url), which only the ES module build has: the single executable ships the binary
// beside itself instead (sea/keyring-beside-executable.ts).
import type * as Keyring from '@napi-rs/keyring';

export type KeyringBinding = typeof Keyring;

/**
 * @napi-rs/keyring's platform packages that ship one build per platform and CPU. Linux has a glibc
 * and a musl build; the glibc one is tried, and on musl it is either not installed or fails to
 * load, so the package's own loader picks.
 */
const BINDING_PACKAGES: Readonly<Record<string, string>> = {
  'linux-x64': '@napi-rs/keyring-linux-x64-gnu',
  'linux-arm64': '@napi-rs/keyring-linux-arm64-gnu',
  'darwin-x64': '@napi-rs/keyring-darwin-x64',
  'darwin-arm64': '@napi-rs/keyring-darwin-arm64',
  'win32-x64': '@napi-rs/keyring-win32-x64-msvc',
  'win32-arm64': '@napi-rs/keyring-win32-arm64-msvc',
};

/**
 * The keychain binding, loaded straight from its platform package. The package's generic loader
 * probes the C library (it reads /usr/bin/ldd), checks versions and compiles 21 KB of JavaScript:
 * about 3.5 ms of every credential_process call here. Anything unexpected (another platform, a
 * missing or unloadable build) uses that loader instead.
 */
export async function loadKeyringBinding(
  requireBinding: (id: string) => unknown = process.getBuiltinModule('node:module').createRequire(import.meta.url),
  platform = `${process.platform}-${process.arch}`,
): Promise<KeyringBinding> {
  const direct = BINDING_PACKAGES[platform];
  if (direct) {
    try {
      const binding = requireBinding(direct) as Partial<KeyringBinding> | null;
      if (typeof binding?.Entry === 'function') return binding as KeyringBinding;
    } catch {
      // fall through to the package's own loader
    }
  }
  return import('@napi-rs/keyring');
}

