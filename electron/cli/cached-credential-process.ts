/**
 * The quick paths of `roledeck credential-process --id <profileId> <name>`, kept apart from the
 * rest of the CLI on purpose: the AWS CLI runs credential_process on every command and does not
 * cache its answer (aws-cli #5585). With the app running, one socket round trip; without it, one
 * keychain read — no profile store, no schema library, no AWS SDK. Anything unusual (no cached session, near expiry,
 * a chunked item) returns false and the full path takes over, refreshing as needed.
 *
 * Safe without the store because every profile edit or removal deletes the profile's cached
 * sessions (ProfileService, through the SessionInvalidator port), so a cached role session always
 * belongs to the profile as it is.
 */
import type { KeyringBinding } from './keyring-binding';
import type * as Fs from 'node:fs';
// The registry imports nothing: bundling it costs this path a few hundred bytes, no module loads.
import { KEYCHAIN_SERVICE, roleSessionItem } from '../../shared/domain/keychain-items';

/** botocore treats the last 15 minutes as expired; hand out nothing closer to expiry than that. */
const MIN_REMAINING_MS = 15 * 60_000;
const INLINE_FORMAT = 1;

export function profileIdArgument(args: readonly string[]): string | undefined {
  const at = args.indexOf('--id');
  const id = at >= 0 ? args[at + 1] : undefined;
  return id && /^[a-z0-9-]{8,64}$/.test(id) ? id : undefined;
}

/**
 * node:fs without its ESM facade: `import … from 'node:fs'` evaluates every export, lazy ones
 * included (fs.promises, the stream classes), which costs ~2.5 ms per process on this path. Every
 * built-in this entry uses is taken with process.getBuiltinModule for the same reason (node:path
 * and node:os facades cost ~0.3 ms each).
 */
export function quickFs(): typeof Fs {
  return process.getBuiltinModule('node:fs');
}

function credentialProcessLine(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiresAt?: number }): string {
  return `${JSON.stringify({
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { SessionToken: credentials.sessionToken } : {}),
    ...(credentials.expiresAt !== undefined ? { Expiration: new Date(credentials.expiresAt).toISOString() } : {}),
  })}\n`;
}

export type AppAnswer =
  | { kind: 'served' }
  | { kind: 'refused'; code: string; message: string }
  /** No app running (no endpoint file, or nobody listening): the caller uses the keychain. */
  | { kind: 'absent' };

/**
 * Asks the running desktop app, over its owner-only socket, before touching the keychain: one
 * keychain owner means no OS keychain prompt for this second binary, and the app answers from
 * memory (and shows its own MFA prompt if one is needed). Same wire format as agent.client.ts,
 * written out here so this path loads no schema library.
 */
export async function askRunningApp(home: string, profileId: string, write: (text: string) => void): Promise<AppAnswer> {
  let endpoint: { socket?: unknown; token?: unknown };
  try {
    endpoint = JSON.parse(quickFs().readFileSync(process.getBuiltinModule('node:path').join(home, 'agent.json'), 'utf8')) as typeof endpoint;
  } catch {
    return { kind: 'absent' };
  }
  if (typeof endpoint.socket !== 'string' || typeof endpoint.token !== 'string') return { kind: 'absent' };
  const { socket, token } = endpoint;
  // Only when an endpoint file exists: without the app, this path never loads node:net. Taken with
  // getBuiltinModule, not import(): the single executable's CommonJS script cannot import().
  const net = process.getBuiltinModule('node:net');
  return new Promise<AppAnswer>((resolve) => {
    let connected = false;
    let buffer = '';
    const connection = net.connect(socket);
    connection.setEncoding('utf8');
    connection.once('connect', () => {
      connected = true;
      connection.write(`${JSON.stringify({ id: 1, token, channel: 'agent.credentials', payload: { profile: profileId, purpose: 'credential-process' } })}\n`);
    });
    connection.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      connection.end();
      try {
        const reply = JSON.parse(buffer.slice(0, newline)) as {
          result: { ok: true; value: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiresAt?: number } } | { ok: false; error: { code: string; message: string } };
        };
        if (reply.result.ok) {
          write(credentialProcessLine(reply.result.value));
          resolve({ kind: 'served' });
        } else {
          resolve({ kind: 'refused', code: reply.result.error.code, message: reply.result.error.message });
        }
      } catch {
        resolve({ kind: 'refused', code: 'INTERNAL', message: 'The Roledeck app sent an answer this CLI cannot read. Update the CLI and the app to the same version.' });
      }
    });
    // Not listening (a stale endpoint file after a crash): use the keychain instead.
    connection.once('error', () => resolve(connected ? { kind: 'refused', code: 'INTERNAL', message: 'Lost the connection to the Roledeck app.' } : { kind: 'absent' }));
  });
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
 * Writes the credential_process JSON and resolves true when a fresh cached session exists.
 * `loadBinding`: where the keychain binding comes from (keyring-binding.ts for the npm package;
 * the single executable loads the one shipped beside it).
 */
export async function serveCachedCredentials(
  profileId: string,
  write: (text: string) => void,
  loadBinding: () => Promise<KeyringBinding>,
  now = Date.now(),
): Promise<boolean> {
  let bytes: number[] | null;
  try {
    // Loaded here, not at the top: with the app running, this native module is never needed.
    // The blocking read: this process has nothing else to do meanwhile, and it spares starting
    // libuv's thread pool (~0.35 ms a call here).
    const { Entry } = await loadBinding();
    bytes = new Entry(KEYCHAIN_SERVICE, roleSessionItem(profileId), { linux: { store: 'secret-service' } }).getSecret();
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
    credentialProcessLine({
      accessKeyId: cached.accessKeyId as string,
      secretAccessKey: cached.secretAccessKey as string,
      sessionToken: cached.sessionToken as string,
      expiresAt: cached.expiresAt as number,
    }),
  );
  return true;
}
