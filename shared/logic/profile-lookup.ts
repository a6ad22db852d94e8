import { RoledeckError } from '../contract/errors';
import type { Profile } from '../domain/profile';

/** Finding a profile the way people and callers refer to it, and the errors when that fails. */

/** By id (what the window, the tray and an installed credential_process line use), else by name. */
export function findProfile(profiles: readonly Profile[], ref: string): Profile | undefined {
  return profiles.find((entry) => entry.id === ref) ?? profiles.find((entry) => entry.name === ref);
}

/** findProfile, or the NOT_FOUND error that says what to do. */
export function requireProfile(profiles: readonly Profile[], ref: string): Profile {
  const profile = findProfile(profiles, ref);
  if (!profile) throw profileNotFound(ref, profiles);
  return profile;
}

export function findByName(profiles: readonly Profile[], name: string): Profile | undefined {
  return profiles.find((profile) => profile.name === name);
}

/** Names are how scripts pick a profile (`roledeck export acme-prod`): two with one name would be ambiguous. */
export function requireUniqueName(profiles: readonly Profile[], name: string, exceptId?: string): void {
  const clash = findByName(profiles, name);
  if (clash && clash.id !== exceptId) {
    throw new RoledeckError('CONFLICT', `A profile named "${name}" already exists. Pick another name or edit that profile.`, { field: 'name' });
  }
}

const PROFILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The NOT_FOUND error for a profile reference. A name gets "did you mean"; an id (what the window,
 * the tray and an installed credential_process line refer by) means the profile was there and has
 * been removed since, which is what the user needs to hear rather than a UUID.
 */
export function profileNotFound(ref: string, profiles: readonly Pick<Profile, 'name'>[]): RoledeckError {
  if (PROFILE_ID.test(ref)) {
    return new RoledeckError(
      'NOT_FOUND',
      'That profile no longer exists: it was removed, perhaps in another window or from the CLI. Run `roledeck profile list` to see the profiles there are now.',
    );
  }
  const close = profiles.map((entry) => entry.name).filter((candidate) => candidate.includes(ref) || ref.includes(candidate)).slice(0, 3);
  return new RoledeckError(
    'NOT_FOUND',
    `No profile named "${ref}".${close.length ? ` Did you mean ${close.map((entry) => `"${entry}"`).join(', ')}?` : ''} Run \`roledeck profile list\` to see them.`,
  );
}
