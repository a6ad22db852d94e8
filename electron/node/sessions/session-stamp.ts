/**
 * `<home>/session-stamp`: random bytes replaced whenever a cached session item is written or
 * deleted, by any process. It holds nothing secret (it says only that something changed); the
 * CLI's by-name quick path records it beside each answer it keeps, and serves that answer only
 * while the stamp is unchanged — so a refreshed or ended session is never served from an older copy.
 *
 * The reader is on the quick path: node:fs the cheap way, nothing imported at the top.
 */
import type { KeychainStatus } from '../../../shared/domain/keychain';
import { parseSessionItem } from '../../../shared/domain/keychain-items';
import type { SecretStore } from '../../../shared/ports/secret-store';

export const SESSION_STAMP_FILE = 'session-stamp';

/** The items whose change makes a kept copy of a session stale: role sessions and MFA sessions. */
function isSessionItem(name: string): boolean {
  return parseSessionItem(name) !== undefined;
}

/** The current stamp; '' when no session was ever written under this home. */
export function readSessionStamp(home: string): string {
  try {
    return process.getBuiltinModule('node:fs').readFileSync(process.getBuiltinModule('node:path').join(home, SESSION_STAMP_FILE), 'latin1');
  } catch {
    return '';
  }
}

async function writeStamp(home: string): Promise<void> {
  const [{ writeFileAtomic }, { randomBytes }, { mkdir }] = await Promise.all([import('../store/atomic-file'), import('node:crypto'), import('node:fs/promises')]);
  await mkdir(home, { recursive: true, mode: 0o700 });
  await writeFileAtomic(process.getBuiltinModule('node:path').join(home, SESSION_STAMP_FILE), Buffer.from(randomBytes(16).toString('hex'), 'latin1'), 0o600);
}

/**
 * The secret store every host uses for sessions, replacing the stamp after each session item it
 * writes or deletes. The stamp is written after the keychain: a reader that sees the old stamp
 * may still serve the previous session, which was valid a moment ago; never the other way round.
 * A stamp that cannot be written fails the call, as the keychain write itself would: a kept copy
 * must not outlive a change unnoticed.
 */
export function stampSessionWrites(secrets: SecretStore, home: string): SecretStore {
  return {
    get: (name) => secrets.get(name),
    status: (): Promise<KeychainStatus> => secrets.status(),
    async set(name, value) {
      await secrets.set(name, value);
      if (isSessionItem(name)) await writeStamp(home);
    },
    async delete(name) {
      const deleted = await secrets.delete(name);
      if (isSessionItem(name)) await writeStamp(home);
      return deleted;
    },
  };
}
