/**
 * The keychain side of the quick paths of `roledeck credential-process` and `roledeck export`,
 * kept apart from the rest of the CLI on purpose: the AWS CLI runs credential_process on every
 * command and does not cache its answer (aws-cli #5585). One keychain read — no profile store, no
 * schema library, no AWS SDK. Anything unusual (no cached session, near expiry, a chunked item)
 * returns null and the full path takes over, refreshing as needed.
 *
 * `--id`: safe without the store because every profile edit or removal deletes the profile's cached
 * sessions (ProfileService, through the SessionInvalidator port), so a cached role session always
 * belongs to the profile as it is. By name: the answer the full path kept, checked against the
 * store and session versions it was kept with (session-by-name.ts), so a rename or removal never
 * serves another profile's session.
 */
import type * as Fs from 'node:fs';
// The registry imports nothing: bundling it costs this path a few hundred bytes, no module loads.
import { KEYCHAIN_SERVICE, roleSessionItem } from '../../shared/domain/keychain-items';
import type { ExportableSession } from '../../shared/logic/shell-export';
import type { KeyringBinding } from './keyring-binding';
import { MIN_REMAINING_MS, byNameItem, keptAnswer } from './session-by-name';

const INLINE_FORMAT = 1;

/**
 * node:fs without its ESM facade: `import … from 'node:fs'` evaluates every export, lazy ones
 * included (fs.promises, the stream classes), which costs ~2.5 ms per process on this path. Every
 * built-in this entry uses is taken with process.getBuiltinModule for the same reason (node:path
 * and node:os facades cost ~0.3 ms each).
 */
export function quickFs(): typeof Fs {
  return process.getBuiltinModule('node:fs');
}

interface Cached {
  v?: unknown;
  kind?: unknown;
  profileId?: unknown;
  accessKeyId?: unknown;
  secretAccessKey?: unknown;
  sessionToken?: unknown;
  expiresAt?: unknown;
}

/**
 * One keychain item's text, if it is stored inline (chunked items are left to the full path).
 * The binding is loaded here, not at the top: with the app running, this native module is never
 * needed; `loadBinding` is where it comes from (its npm package, or beside the single executable).
 * The blocking read: this process has nothing else to do meanwhile, and it spares starting libuv's
 * thread pool (~0.35 ms a call here).
 */
async function readInlineItem(name: string, loadBinding: () => Promise<KeyringBinding>): Promise<string | null> {
  let bytes: number[] | null;
  try {
    const { Entry } = await loadBinding();
    bytes = new Entry(KEYCHAIN_SERVICE, name, { linux: { store: 'secret-service' } }).getSecret();
  } catch {
    return null; // locked or unreachable: the full path explains it properly
  }
  if (!bytes || bytes[0] !== INLINE_FORMAT) return null;
  return Buffer.from(bytes.slice(1)).toString('utf8');
}

/** The cached role session of profile `profileId`, if it has more than 15 minutes left. */
export async function cachedRoleSession(
  profileId: string,
  loadBinding: () => Promise<KeyringBinding>,
  now = Date.now(),
): Promise<Omit<ExportableSession, 'profileName'> | null> {
  const json = await readInlineItem(roleSessionItem(profileId), loadBinding);
  if (json === null) return null;
  let cached: Cached;
  try {
    cached = JSON.parse(json) as Cached;
  } catch {
    return null;
  }
  const fresh =
    cached.v === 1 &&
    cached.kind === 'role' &&
    cached.profileId === profileId &&
    typeof cached.accessKeyId === 'string' &&
    typeof cached.secretAccessKey === 'string' &&
    typeof cached.sessionToken === 'string' &&
    typeof cached.expiresAt === 'number' &&
    cached.expiresAt - now > MIN_REMAINING_MS;
  if (!fresh) return null;
  return {
    accessKeyId: cached.accessKeyId as string,
    secretAccessKey: cached.secretAccessKey as string,
    sessionToken: cached.sessionToken as string,
    expiresAt: cached.expiresAt as number,
  };
}

/** The answer the full path kept for `ref` under `home`, if it may still be served (session-by-name.ts). */
export async function keptSessionByName(home: string, ref: string, loadBinding: () => Promise<KeyringBinding>, now = Date.now()): Promise<ExportableSession | null> {
  const json = await readInlineItem(byNameItem(home, ref), loadBinding);
  return json === null ? null : keptAnswer(json, home, ref, now);
}
