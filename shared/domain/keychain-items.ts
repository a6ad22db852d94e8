/**
 * Every name Roledeck gives an OS keychain item, in one place. These names are a contract with
 * other processes and other versions: the CLI's quick credential_process path reads
 * `session/<id>` without the rest of Roledeck, and a newer app must find what an older CLI
 * cached. Renaming one strands what users already have in their keychain.
 *
 * This module imports nothing, on purpose: the quick credential_process path bundles it, and must
 * not pull in a schema library or anything else (DESIGN.md, "Performance budgets").
 */

/** The keychain service (the account group) every Roledeck item is filed under. */
export const KEYCHAIN_SERVICE = 'roledeck';

/** The AES-256 key of the encrypted profile store. */
export const STORE_KEY_ITEM = 'store/key';

/**
 * The list of cached session items and their expiry: the SecretStore port cannot enumerate, so
 * `roledeck sessions` and a restarted app find cached sessions through it.
 */
export const SESSION_INDEX_ITEM = 'session-index';

/** Written once and read after that by the keychain status check (reading needs the store unlocked). */
export const STATUS_PROBE_ITEM = 'status-probe';

/** An IAM user's secret access key. */
export function userSecretItem(profileId: string): string {
  return `user/${profileId}`;
}

/** A role's cached AssumeRole session. The CLI's quick credential_process path reads this one. */
export function roleSessionItem(profileId: string): string {
  return `session/${profileId}`;
}

/** An IAM user's cached MFA session (GetSessionToken), shared by every role assumed from that user. */
export function mfaSessionItem(userProfileId: string): string {
  return `mfa-session/${userProfileId}`;
}

/**
 * The answer the CLI keeps for `credential-process <name>` and `export <name>`, so the next call
 * is one keychain read (electron/cli/session-by-name.ts). `digest` is a hash of the data folder and
 * the name: no user-chosen text becomes an item name.
 */
export function keptAnswerItem(digest: string): string {
  return `session-by-name/${digest}`;
}

/** A CloudFront signing key's private key (PEM). */
export function cloudfrontKeyItem(keyId: string): string {
  return `cloudfront-key/${keyId}`;
}

/**
 * Part `index` (0-based) of a secret too large for one item (a Windows credential holds 2,560
 * bytes), stored behind a header in the item `name` itself.
 */
export function chunkPartItem(name: string, index: number): string {
  return `${name}#part${index + 1}`;
}

/** Which cached session an item holds, or undefined when the name is not a session item. */
export function parseSessionItem(item: string): { kind: 'role' | 'mfa-session'; profileId: string } | undefined {
  const slash = item.indexOf('/');
  if (slash < 0) return undefined;
  const prefix = item.slice(0, slash);
  const profileId = item.slice(slash + 1);
  if (!profileId) return undefined;
  if (prefix === 'session') return { kind: 'role', profileId };
  if (prefix === 'mfa-session') return { kind: 'mfa-session', profileId };
  return undefined;
}
