/**
 * The cached path of `roledeck credential-process --id <profileId> <name>`, kept apart from the
 * rest of the CLI on purpose: the AWS CLI runs credential_process on every command and does not
 * cache its answer (aws-cli #5585), so this path does one keychain read and nothing else — no
 * profile store, no schema library, no AWS SDK. Anything unusual (no cached session, near expiry,
 * a chunked item) returns false and the full path takes over, refreshing as needed.
 *
 * Safe without the store because every profile edit or removal deletes the profile's cached
 * sessions (ProfileService), so a cached `session/<id>` always belongs to the profile as it is.
 */
import { AsyncEntry } from '@napi-rs/keyring';

/** botocore treats the last 15 minutes as expired; hand out nothing closer to expiry than that. */
const MIN_REMAINING_MS = 15 * 60_000;
const INLINE_FORMAT = 1;
const KEYCHAIN_SERVICE = 'roledeck';

export function profileIdArgument(args: readonly string[]): string | undefined {
  const at = args.indexOf('--id');
  const id = at >= 0 ? args[at + 1] : undefined;
  return id && /^[a-z0-9-]{8,64}$/.test(id) ? id : undefined;
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

/** Writes the credential_process JSON and resolves true when a fresh cached session exists. */
export async function serveCachedCredentials(profileId: string, write: (text: string) => void, now = Date.now()): Promise<boolean> {
  let bytes: number[] | null;
  try {
    bytes = await new AsyncEntry(KEYCHAIN_SERVICE, `session/${profileId}`, { linux: { store: 'secret-service' } }).getSecret();
  } catch {
    return false; // locked or unreachable: the full path explains it properly
  }
  if (!bytes || bytes[0] !== INLINE_FORMAT) return false;
  let cached: Cached;
  try {
    cached = JSON.parse(Buffer.from(bytes.slice(1)).toString('utf8')) as Cached;
  } catch {
    return false;
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
  if (!fresh) return false;
  write(
    `${JSON.stringify({
      Version: 1,
      AccessKeyId: cached.accessKeyId,
      SecretAccessKey: cached.secretAccessKey,
      SessionToken: cached.sessionToken,
      Expiration: new Date(cached.expiresAt as number).toISOString(),
    })}\n`,
  );
  return true;
}
