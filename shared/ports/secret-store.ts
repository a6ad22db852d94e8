import type { KeychainStatus } from '../domain/keychain';

/**
 * Where long-term secrets live: IAM user secret keys, CloudFront private keys, cached MFA
 * sessions and the profile-store key. Implementations must never fall back to a plain file.
 * Names are stable identifiers chosen by Roledeck (`user/<id>`), never user-controlled text.
 */
export interface SecretStore {
  /** Resolves null when the secret is absent, including when one of its parts is missing. */
  get(name: string): Promise<Uint8Array | null>;
  set(name: string, value: Uint8Array): Promise<void>;
  /** Resolves true if something was deleted. */
  delete(name: string): Promise<boolean>;
  /** Whether the store can be used right now; never throws. */
  status(): Promise<KeychainStatus>;
}
