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
import type * as Keyring from '@napi-rs/keyring';
import type * as Fs from 'node:fs';
// The registry imports nothing: bundling it costs this path a few hundred bytes, no module loads.
import { KEYCHAIN_SERVICE, roleSessionItem } from '../../shared/domain/keychain-items';
import type { ExportableSession } from '../../shared/logic/shell-export';
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

type KeyringBinding = typeof Keyring;

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

/**
 * One keychain item's text, if it is stored inline (chunked items are left to the full path).
 * Loaded here, not at the top: with the app running, this native module is never needed. The
 * blocking read: this process has nothing else to do meanwhile, and it spares starting libuv's
 * thread pool (~0.35 ms a call here).
 */
async function readInlineItem(name: string): Promise<string | null> {
  let bytes: number[] | null;
  try {
    const { Entry } = await loadKeyringBinding();
    bytes = new Entry(KEYCHAIN_SERVICE, name, { linux: { store: 'secret-service' } }).getSecret();
  } catch {
    return null; // locked or unreachable: the full path explains it properly
  }
  if (!bytes || bytes[0] !== INLINE_FORMAT) return null;
  return Buffer.from(bytes.slice(1)).toString('utf8');
}

/** The cached role session of profile `profileId`, if it has more than 15 minutes left. */
export async function cachedRoleSession(profileId: string, now = Date.now()): Promise<Omit<ExportableSession, 'profileName'> | null> {
  const json = await readInlineItem(roleSessionItem(profileId));
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
export async function keptSessionByName(home: string, ref: string, now = Date.now()): Promise<ExportableSession | null> {
  const json = await readInlineItem(byNameItem(home, ref));
  return json === null ? null : keptAnswer(json, home, ref, now);
}
