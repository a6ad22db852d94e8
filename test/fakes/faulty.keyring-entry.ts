/**
 * Keychain items that behave as a broken backend does, for what the real keyring in the test
 * session cannot be made to do on demand. Hand them to KeyringSecretStore as `openEntry`.
 */
import type { KeyringEntry } from '../../electron/node/keychain/keyring.secret-store';

/**
 * A keyring daemon that takes the call and never answers (stopped, deadlocked, or a macOS dialog
 * nobody sees). It stops only when the caller aborts; `pending` counts calls still waiting.
 */
export class HangingKeyringEntry implements KeyringEntry {
  static pending = 0;
  static aborted = 0;

  private hang<T>(signal?: AbortSignal): Promise<T> {
    HangingKeyringEntry.pending += 1;
    return new Promise<T>((_, reject) => {
      signal?.addEventListener('abort', () => {
        HangingKeyringEntry.pending -= 1;
        HangingKeyringEntry.aborted += 1;
        reject(new Error('AbortError: the operation was aborted'));
      });
    });
  }

  getSecret(signal?: AbortSignal): Promise<number[] | null> {
    return this.hang(signal);
  }
  setSecret(_secret: Uint8Array, signal?: AbortSignal): Promise<void> {
    return this.hang(signal);
  }
  deleteCredential(signal?: AbortSignal): Promise<boolean> {
    return this.hang(signal);
  }
}

/**
 * A Secret Service that refuses the caller: a D-Bus policy, or a Flatpak/Snap sandbox without the
 * Secret Service permission, answers every call with org.freedesktop.DBus.Error.AccessDenied,
 * which @napi-rs/keyring (keyring-rs) reports inside its "platform secure storage" failure.
 * `windows` gives Windows' words for the same refusal (ERROR_ACCESS_DENIED).
 */
export class DeniedKeyringEntry implements KeyringEntry {
  constructor(private readonly words = 'Platform secure storage failure: D-Bus error: org.freedesktop.DBus.Error.AccessDenied: Rejected send message, 1 matched rules; type="method_call", interface="org.freedesktop.Secret.Service"') {}

  static windows(): DeniedKeyringEntry {
    return new DeniedKeyringEntry('Platform secure storage failure: Access is denied. (os error 5)');
  }

  private refuse<T>(): Promise<T> {
    return Promise.reject(new Error(this.words));
  }
  getSecret(): Promise<number[] | null> {
    return this.refuse();
  }
  setSecret(): Promise<void> {
    return this.refuse();
  }
  deleteCredential(): Promise<boolean> {
    return this.refuse();
  }
}
