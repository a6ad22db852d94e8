import type { AddRoleInput, UpdateRoleInput } from '../domain/profile-input';
import type { ProfileView } from '../domain/profile-view';

/**
 * What onboarding needs to write of the profiles: the role profile that uses a customer's new
 * role, created (or corrected) with exactly the rules `profiles.addRole` applies — the name is
 * unique, the source exists, the role name is on the allow-list. ProfileService implements it.
 */
export interface ProfileEditor {
  addRole(input: AddRoleInput): Promise<ProfileView>;
  updateRole(input: UpdateRoleInput): Promise<ProfileView>;
}
