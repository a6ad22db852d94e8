/**
 * Answers kept for `credential-process <name>` and `export <name>`, so those forms are served from
 * one keychain read like the `--id` form, without decrypting the profile store.
 *
 * Why a kept answer, not a name→id index: the index would be a second keychain item to read, and
 * on every platform each item read opens its own keychain connection (`new Entry`, ~5–8 ms here,
 * as much as the first): the by-name forms would cost a fifth more than the --id form.
 *
 * The full path, after resolving the name with the store, keeps its answer in the keychain item
 * `session-by-name/<hash of home and name>` together with two versions it saw unchanged from
 * before it read the store until after it had the session:
 *   - the store version (store-version.ts): any change to the store — a rename, an edit, a
 *     removal, a new profile taking the name — gives a new one, so a kept answer is never served
 *     for a name that now means another profile, or a profile that changed;
 *   - the session stamp (session-stamp.ts): any cached session written or deleted by any process
 *     replaces it, so a refreshed or ended session is never served from an older copy.
 * The quick path serves the kept answer only while both are as recorded and the session has more
 * than 15 minutes left. Nothing is written in plaintext but those two versions, which say nothing.
 */
import { keptAnswerItem } from '../../shared/domain/keychain-items';
import { sha256 } from '../../shared/logic/hmac-sha256';
import type { ExportableSession } from '../../shared/logic/shell-export';
import type { SecretStore } from '../../shared/ports/secret-store';
import { readSessionStamp } from '../node/sessions/session-stamp';
import { readStoreVersion } from '../node/store/store-version';

/** botocore treats the last 15 minutes as expired; hand out nothing closer to expiry than that. */
export const MIN_REMAINING_MS = 15 * 60_000;

/** The item name: a hash, so no user-chosen text becomes a keychain item name (SecretStore's rule). */
export function byNameItem(home: string, ref: string): string {
  return keptAnswerItem(Buffer.from(sha256(Buffer.from(`${home}\0${ref}`, 'utf8'))).toString('hex').slice(0, 32));
}

export interface QuickState {
  store: string;
  stamp: string;
}

/** The store version and session stamp now; null without a store (nothing can be kept then). */
export function quickState(home: string): QuickState | null {
  const store = readStoreVersion(home);
  return store === null ? null : { store, stamp: readSessionStamp(home) };
}

interface KeptAnswer extends QuickState {
  v: 1;
  ref: string;
  profileName: string;
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

/** The kept answer for `ref` if it may be served now; the item's bytes without the keychain's format byte. */
export function keptAnswer(json: string, home: string, ref: string, now: number): ExportableSession | null {
  let kept: Partial<Record<keyof KeptAnswer, unknown>>;
  try {
    kept = JSON.parse(json) as typeof kept;
  } catch {
    return null;
  }
  const state = quickState(home);
  const servable =
    state !== null &&
    kept.v === 1 &&
    kept.ref === ref &&
    kept.store === state.store &&
    kept.stamp === state.stamp &&
    typeof kept.profileName === 'string' &&
    (kept.region === undefined || typeof kept.region === 'string') &&
    typeof kept.accessKeyId === 'string' &&
    typeof kept.secretAccessKey === 'string' &&
    typeof kept.sessionToken === 'string' &&
    typeof kept.expiresAt === 'number' &&
    kept.expiresAt - now > MIN_REMAINING_MS;
  if (!servable) return null;
  return {
    profileName: kept.profileName as string,
    ...(kept.region === undefined ? {} : { region: kept.region as string }),
    accessKeyId: kept.accessKeyId as string,
    secretAccessKey: kept.secretAccessKey as string,
    sessionToken: kept.sessionToken as string,
    expiresAt: kept.expiresAt as number,
  };
}

/**
 * Keeps the full path's answer for the next by-name call, if it is a temporary session read from
 * the keychain and nothing changed while it was obtained (`before`, taken before the store was read).
 * Long-term keys are never copied: they are not a cached session.
 */
export async function keepAnswer(
  secrets: SecretStore,
  home: string,
  ref: string,
  before: QuickState | null,
  session: ExportableSession & { via: 'app' | 'keychain' },
): Promise<void> {
  if (session.via !== 'keychain' || !session.sessionToken || session.expiresAt === undefined) return;
  const after = quickState(home);
  if (!before || !after || before.store !== after.store || before.stamp !== after.stamp) return;
  const kept: KeptAnswer = {
    v: 1,
    ref,
    ...after,
    profileName: session.profileName,
    ...(session.region ? { region: session.region } : {}),
    accessKeyId: session.accessKeyId,
    secretAccessKey: session.secretAccessKey,
    sessionToken: session.sessionToken,
    expiresAt: session.expiresAt,
  };
  await secrets.set(byNameItem(home, ref), new TextEncoder().encode(JSON.stringify(kept)));
}

/** Forgets the kept answer for a name that no longer resolves. */
export async function forgetAnswer(secrets: SecretStore, home: string, ref: string): Promise<void> {
  await secrets.delete(byNameItem(home, ref));
}
