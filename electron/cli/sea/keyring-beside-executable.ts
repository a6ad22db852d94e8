import type { KeyringBinding } from '../keyring-binding';

/**
 * The file the single-executable build puts beside the `roledeck` executable: the keychain
 * binding's native build for that platform, copied from its @napi-rs/keyring-<platform> package
 * (build/scripts/build-cli-sea.mjs).
 */
export const KEYRING_BINARY = 'keyring.node';

let loaded: KeyringBinding | undefined;

/**
 * Loads the keychain binding from beside the executable. A single executable's `require` loads
 * built-in modules only (Node's "Single executable applications" docs), so the native module is
 * opened with process.dlopen, by path. `process.execPath` is the executable's real path: a link on
 * PATH (~/.local/bin/roledeck) still finds the file beside the real binary.
 */
export function keyringBesideExecutable(execPath: string = process.execPath): KeyringBinding {
  if (loaded) return loaded;
  const path = process.getBuiltinModule('node:path');
  const addon: { exports: Partial<KeyringBinding> } = { exports: {} };
  process.dlopen(addon, path.join(path.dirname(execPath), KEYRING_BINARY));
  if (typeof addon.exports.Entry !== 'function' || typeof addon.exports.AsyncEntry !== 'function') {
    throw new Error(`${KEYRING_BINARY} beside ${execPath} is not the keychain binding. Reinstall Roledeck.`);
  }
  loaded = addon.exports as KeyringBinding;
  return loaded;
}
