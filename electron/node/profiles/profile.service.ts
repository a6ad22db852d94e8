import { randomUUID } from 'node:crypto';
import { RoledeckError } from '../../../shared/contract/errors';
import { roleArnFor } from '../../../shared/domain/aws-rules';
import { userSecretItem } from '../../../shared/domain/keychain-items';
import type { IamUserProfile, Profile, RoleProfile } from '../../../shared/domain/profile';
import type { AddRoleInput, AddUserInput, UpdateRoleInput, UpdateUserInput } from '../../../shared/domain/profile-input';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { profilesThrough, reachesThrough } from '../../../shared/logic/profile-chain';
import { findByName, findProfile, profileNotFound, requireUniqueName } from '../../../shared/logic/profile-lookup';
import { profileView } from '../../../shared/logic/profile-view';
import { checkRoleAllowed } from '../../../shared/logic/role-allow-list';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { Clock } from '../../../shared/ports/clock';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import type { ProfileDirectory, ProfileSnapshot } from '../../../shared/ports/profile-directory';
import type { ProfileEditor } from '../../../shared/ports/profile-editor';
import type { SecretStore } from '../../../shared/ports/secret-store';
import type { SessionInvalidator } from '../../../shared/ports/session-invalidator';
import { auditEntry, type AuditSubject } from '../../../shared/logic/audit-entry';
import { recordAudit } from '../audit/record-audit';
import { SecretPresence } from './secret-presence';

const encoder = new TextEncoder();

export interface ProfileServiceDeps {
  store: DocumentStore;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  /** Where an edit sends the profiles whose cached sessions must go (the session cache). */
  sessions: SessionInvalidator;
  audit: AuditLog;
}

/** Label, colour, favourite and the production mark: how a profile is shown and guarded, nothing AWS sees. */
function presentation(input: { label?: string | undefined; color?: string | undefined; favorite?: boolean | undefined; production?: boolean | undefined }) {
  return {
    ...(input.label ? { label: input.label } : {}),
    ...(input.color ? { color: input.color } : {}),
    ...(input.favorite ? { favorite: true } : {}),
    ...(input.production ? { production: true } : {}),
  };
}

/**
 * Profiles: IAM users (secret in the keychain) and the roles assumed from them. Every change is
 * one read-modify-write of the store under its lock, so the app and the CLI never lose an update.
 * An edit or a removal deletes the cached sessions of the profile and of everything assumed
 * through it (SessionInvalidator). Other features read profiles through the ProfileDirectory port.
 */
export class ProfileService implements ProfileDirectory, ProfileEditor {
  private readonly presence: SecretPresence;

  constructor(private readonly deps: ProfileServiceDeps) {
    this.presence = new SecretPresence(deps.secrets, deps.clock, deps.logger);
  }

  async read(): Promise<ProfileSnapshot> {
    return this.deps.store.read();
  }

  async list(): Promise<ProfileView[]> {
    const { profiles } = await this.deps.store.read();
    const hasSecret = await this.presence.check(profiles);
    return profiles.map((profile) => profileView(profiles, profile, hasSecret));
  }

  async show(name: string): Promise<ProfileView> {
    const { profiles } = await this.deps.store.read();
    const profile = findByName(profiles, name);
    if (!profile) throw profileNotFound(name, profiles);
    return profileView(profiles, profile, await this.presence.check([profile]));
  }

  /** The stored profile itself, by id or name, with the snapshot it was found in (main side only). */
  async get(nameOrId: string): Promise<{ profile: Profile; snapshot: ProfileSnapshot }> {
    const snapshot = await this.deps.store.read();
    const profile = findProfile(snapshot.profiles, nameOrId);
    if (!profile) throw profileNotFound(nameOrId, snapshot.profiles);
    return { profile, snapshot };
  }

  async addUser(input: AddUserInput): Promise<ProfileView> {
    const { store, secrets, clock } = this.deps;
    const id = randomUUID();
    const now = clock.now();
    const profile: IamUserProfile = {
      kind: 'iam-user',
      id,
      name: input.name,
      accessKeyId: input.accessKeyId,
      ...(input.mfaSerial ? { mfaSerial: input.mfaSerial } : {}),
      ...(input.region ? { region: input.region } : {}),
      ...presentation(input),
      createdAt: now,
      updatedAt: now,
    };
    // Check the name before touching the keychain, then write the secret before the profile:
    // a profile never points at a secret that is not there.
    requireUniqueName((await store.read()).profiles, input.name);
    await secrets.set(userSecretItem(id), encoder.encode(input.secretAccessKey));
    let view: ProfileView;
    try {
      view = await store.update((doc) => {
        requireUniqueName(doc.profiles, input.name);
        doc.profiles.push(profile);
        return profileView(doc.profiles, profile, () => true);
      });
    } catch (error) {
      await secrets.delete(userSecretItem(id)).catch(() => false);
      throw error;
    }
    this.presence.saw(id, true);
    await this.record('add-user', view);
    return view;
  }

  async addRole(input: AddRoleInput): Promise<ProfileView> {
    const view = await this.deps.store.update((doc) => {
      requireUniqueName(doc.profiles, input.name);
      const now = this.deps.clock.now();
      const profile: RoleProfile = { ...roleFields(doc.profiles, doc.settings.roleNameAllowList, input), id: randomUUID(), createdAt: now, updatedAt: now };
      doc.profiles.push(profile);
      return profileView(doc.profiles, profile, NO_SECRETS);
    });
    await this.record('add-role', view);
    return view;
  }

  async updateUser(input: UpdateUserInput): Promise<ProfileView> {
    const { store, secrets } = this.deps;
    // The same checks as inside the update, before the keychain is touched: an edit of a profile
    // that is gone, or one whose new name clashes, must not replace (or plant) a secret.
    const { current } = requireEditableUser((await store.read()).profiles, input);
    const item = userSecretItem(input.id);
    const previous = input.secretAccessKey ? await secrets.get(item) : null;
    if (input.secretAccessKey) {
      await secrets.set(item, encoder.encode(input.secretAccessKey));
      this.presence.saw(input.id, true);
    }
    const hasSecret = await this.presence.check([current]);
    let outcome: { view: ProfileView; affected: Profile[] };
    try {
      outcome = await store.update((doc) => {
        const { index, current } = requireEditableUser(doc.profiles, input);
        const updated: IamUserProfile = {
          kind: 'iam-user',
          id: current.id,
          name: input.name,
          accessKeyId: input.accessKeyId ?? current.accessKeyId,
          ...(input.mfaSerial ? { mfaSerial: input.mfaSerial } : {}),
          ...(input.region ? { region: input.region } : {}),
          ...presentation(input),
          createdAt: current.createdAt,
          updatedAt: this.deps.clock.now(),
        };
        doc.profiles[index] = updated;
        return { view: profileView(doc.profiles, updated, hasSecret), affected: profilesThrough(doc.profiles, input.id) };
      });
    } catch (error) {
      // The store refused after all (a change by another process in between): the old secret goes back.
      if (input.secretAccessKey) await (previous ? secrets.set(item, previous) : secrets.delete(item)).catch(() => undefined);
      throw error;
    }
    const { view, affected } = outcome;
    await this.deps.sessions.invalidate(affected);
    await this.record('update-user', view);
    return view;
  }

  async updateRole(input: UpdateRoleInput): Promise<ProfileView> {
    const { view, affected } = await this.deps.store.update((doc) => {
      const index = doc.profiles.findIndex((entry) => entry.id === input.id);
      const current = doc.profiles[index];
      if (!current || current.kind !== 'role') throw new RoledeckError('NOT_FOUND', 'That role no longer exists. Reload the list.');
      requireUniqueName(doc.profiles, input.name, input.id);
      const fields = roleFields(doc.profiles, doc.settings.roleNameAllowList, input);
      const updated: RoleProfile = { ...fields, id: current.id, createdAt: current.createdAt, updatedAt: this.deps.clock.now() };
      if (reachesThrough(doc.profiles, updated.sourceId, updated.id)) {
        throw new RoledeckError('VALIDATION', `"${input.source}" is itself assumed through "${input.name}": a role cannot be its own source. Pick another source profile.`, { field: 'source' });
      }
      doc.profiles[index] = updated;
      return { view: profileView(doc.profiles, updated, NO_SECRETS), affected: profilesThrough(doc.profiles, input.id) };
    });
    await this.deps.sessions.invalidate(affected);
    await this.record('update-role', view);
    return view;
  }

  async remove(name: string): Promise<void> {
    const { store, secrets, logger } = this.deps;
    const { profile: existing, snapshot } = await this.get(name);
    // Refused removals end nothing: the dependents are checked before any session is ended.
    requireNoDependents(snapshot.profiles, existing);
    await this.deps.sessions.invalidate(profilesThrough(snapshot.profiles, existing.id));
    const removed = await store.update((doc) => {
      const profile = findByName(doc.profiles, name);
      if (!profile) throw profileNotFound(name, doc.profiles);
      requireNoDependents(doc.profiles, profile);
      doc.profiles = doc.profiles.filter((entry) => entry.id !== profile.id);
      doc.deployRecipes = doc.deployRecipes.filter((recipe) => recipe.profileId !== profile.id);
      return profile;
    });
    await this.record('remove', removed);
    if (removed.kind === 'iam-user') {
      this.presence.forget(removed.id);
      await secrets.delete(userSecretItem(removed.id)).catch((error: unknown) => {
        logger.warn('could not delete the secret of a removed IAM user', { profileId: removed.id, error });
      });
    }
  }

  async userSecret(profile: IamUserProfile): Promise<string> {
    const bytes = await this.deps.secrets.get(userSecretItem(profile.id));
    this.presence.saw(profile.id, bytes !== null);
    if (!bytes) {
      throw new RoledeckError(
        'NOT_FOUND',
        `The secret access key of "${profile.name}" is not in the keychain. Edit the profile and enter it again.`,
      );
    }
    return new TextDecoder().decode(bytes);
  }

  private record(action: string, profile: AuditSubject): Promise<void> {
    return recordAudit(this.deps.audit, this.deps.logger, auditEntry(action, this.deps.clock.now(), profile));
  }
}

/** The IAM user an edit names, where it is; refuses a missing one and a name another profile has. */
function requireEditableUser(profiles: readonly Profile[], input: UpdateUserInput): { index: number; current: IamUserProfile } {
  const index = profiles.findIndex((entry) => entry.id === input.id);
  const current = profiles[index];
  if (!current || current.kind !== 'iam-user') throw new RoledeckError('NOT_FOUND', 'That IAM user no longer exists. Reload the list.');
  requireUniqueName(profiles, input.name, input.id);
  return { index, current };
}

function requireNoDependents(profiles: readonly Profile[], profile: Profile): void {
  const dependents = profiles.filter((entry) => entry.kind === 'role' && entry.sourceId === profile.id);
  if (dependents.length > 0) {
    throw new RoledeckError(
      'CONFLICT',
      `"${profile.name}" is the source of ${dependents.map((entry) => `"${entry.name}"`).join(', ')}. Remove or re-point those first.`,
    );
  }
}

/** Views of roles never ask whether a secret is there. */
const NO_SECRETS = (): boolean => false;

function roleFields(profiles: readonly Profile[], allowList: readonly string[], input: AddRoleInput | UpdateRoleInput): Omit<RoleProfile, 'id' | 'createdAt' | 'updatedAt'> {
  const source = findByName(profiles, input.source);
  if (!source) {
    throw new RoledeckError('VALIDATION', `There is no profile named "${input.source}" to assume the role with. Add the IAM user or role it should come from first.`, { field: 'source' });
  }
  const roleArn = input.roleArn ?? roleArnFor(input.partition ?? 'aws', input.accountId!, input.roleName!);
  const allowed = checkRoleAllowed(roleArn, allowList);
  // The form shows the role as an ARN or as account ID and name: the refusal goes to the one given.
  if (!allowed.ok) throw new RoledeckError('VALIDATION', allowed.message, { field: input.roleArn ? 'roleArn' : 'roleName' });
  return {
    kind: 'role',
    name: input.name,
    roleArn,
    sourceId: source.id,
    ...(input.externalId ? { externalId: input.externalId } : {}),
    ...(input.mfaSerial ? { mfaSerial: input.mfaSerial } : {}),
    ...(input.sessionName ? { sessionName: input.sessionName } : {}),
    ...(input.durationSeconds ? { durationSeconds: input.durationSeconds } : {}),
    ...(input.region ? { region: input.region } : {}),
    ...(input.sourceIdentity ? { sourceIdentity: input.sourceIdentity } : {}),
    ...(input.tags?.length ? { tags: input.tags } : {}),
    ...presentation(input),
  };
}
