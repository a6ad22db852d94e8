import type { Profile } from '../domain/profile';

/**
 * How a profile edit makes cached sessions go away, without knowing where or under which names
 * they are cached. The session cache implements it.
 *
 * Why it matters: a cached session is valid only for the profile as it was when obtained, and the
 * CLI's quick credential_process path serves a cached role session without reading the profile
 * store. So every edit or removal of a profile — and of anything its chain goes through — must
 * remove the cached sessions, not merely stop reusing them.
 */
export interface SessionInvalidator {
  /**
   * Deletes what is cached for each profile: a role's session, an IAM user's MFA session. The
   * caller passes every affected profile (the edited one and each role assumed through it).
   * Never rejects: an item that cannot be deleted is logged, and its fingerprint keeps this
   * process from reusing it.
   */
  invalidate(profiles: ReadonlyArray<Pick<Profile, 'id' | 'kind'>>): Promise<void>;
}
