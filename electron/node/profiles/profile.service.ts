import { randomUUID } from 'node:crypto';
import { RoledeckError } from '../../../shared/contract/errors';
import { parseRoleArn, roleArnFor } from '../../../shared/domain/aws-rules';
import type { IamUserProfile, Profile, RoleProfile } from '../../../shared/domain/profile';
import { userSecretName } from '../../../shared/domain/profile';
import type { AddRoleInput, AddUserInput, UpdateRoleInput, UpdateUserInput } from '../../../shared/domain/profile-input';
import type { ProfileView } from '../../../shared/domain/profile-view';
import type { EventSink } from '../sessions/session-events';
import type { StoreDocument } from '../../../shared/domain/store-document';
import { maskKeyId } from '../../../shared/logic/redact';
import { checkRoleAllowed } from '../../../shared/logic/role-allow-list';
import type { ImportPreviewView } from '../../../shared/domain/import-preview';
import { importPreview, planImport, type PlannedProfile } from '../../../shared/logic/aws-config-import';
import type { StoreSettings } from '../../../shared/domain/store-document';
import type { AwsFilesSource } from '../../../shared/ports/aws-files';
import type { Clock } from '../../../shared/ports/clock';
import { mfaSessionItem, roleSessionItem } from '../sessions/session.cache';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';

const encoder = new TextEncoder();
const HISTORY_LIMIT = 500;

function findByName(doc: StoreDocument, name: string): Profile | undefined {
  return doc.profiles.find((profile) => profile.name === name);
}

function requireUniqueName(doc: StoreDocument, name: string, exceptId?: string): void {
  const clash = findByName(doc, name);
  if (clash && clash.id !== exceptId) {
    throw new RoledeckError('CONFLICT', `A profile named "${name}" already exists. Pick another name or edit that profile.`);
  }
}

function presentation(input: { label?: string | undefined; color?: string | undefined; favorite?: boolean | undefined }) {
  return {
    ...(input.label ? { label: input.label } : {}),
    ...(input.color ? { color: input.color } : {}),
    ...(input.favorite ? { favorite: true } : {}),
  };
}

/** Names from the IAM user at the root of a role's chain down to the role itself. */
export function chainOf(doc: StoreDocument, profile: Profile): Profile[] {
  const byId = new Map(doc.profiles.map((entry) => [entry.id, entry]));
  const chain: Profile[] = [profile];
  let current: Profile | undefined = profile;
  while (current?.kind === 'role') {
    current = byId.get(current.sourceId);
    if (!current || chain.includes(current)) break;
    chain.unshift(current);
  }
  return chain;
}

/** Whether following source links from `startId` reaches `targetId` (a cycle if it were the source). */
function reachesThrough(doc: StoreDocument, startId: string, targetId: string): boolean {
  const byId = new Map(doc.profiles.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  for (let current = byId.get(startId); current; current = current.kind === 'role' ? byId.get(current.sourceId) : undefined) {
    if (current.id === targetId) return true;
    if (seen.has(current.id)) return false;
    seen.add(current.id);
  }
  return false;
}

export function toView(doc: StoreDocument, profile: Profile): ProfileView {
  const common = {
    id: profile.id,
    name: profile.name,
    ...(profile.label ? { label: profile.label } : {}),
    ...(profile.color ? { color: profile.color } : {}),
    ...(profile.favorite ? { favorite: true } : {}),
    ...(profile.region ? { region: profile.region } : {}),
    ...(profile.mfaSerial ? { mfaSerial: profile.mfaSerial } : {}),
  };
  if (profile.kind === 'iam-user') {
    return { kind: 'iam-user', ...common, accessKeyIdMasked: maskKeyId(profile.accessKeyId), hasSecret: true };
  }
  const arn = parseRoleArn(profile.roleArn);
  const source = doc.profiles.find((entry) => entry.id === profile.sourceId);
  return {
    kind: 'role',
    ...common,
    roleArn: profile.roleArn,
    accountId: arn?.accountId ?? '',
    roleName: arn?.roleName ?? '',
    partition: arn?.partition ?? 'aws',
    sourceId: profile.sourceId,
    sourceName: source?.name ?? '(missing)',
    chain: chainOf(doc, profile).map((entry) => entry.name),
    ...(profile.externalId ? { externalId: profile.externalId } : {}),
    ...(profile.sessionName ? { sessionName: profile.sessionName } : {}),
    ...(profile.durationSeconds ? { durationSeconds: profile.durationSeconds } : {}),
    ...(profile.sourceIdentity ? { sourceIdentity: profile.sourceIdentity } : {}),
    ...(profile.tags?.length ? { tags: profile.tags } : {}),
  };
}

/**
 * Profiles: IAM users (secret in the keychain) and the roles assumed from them. Every change is
 * one read-modify-write of the store under its lock, so the app and the CLI never lose an update.
 */
export class ProfileService {
  constructor(
    private readonly store: DocumentStore,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly awsFiles: AwsFilesSource,
    /** Where 'settings.changed' goes (the window and the tray); absent in the CLI. */
    private readonly events?: EventSink,
  ) {}

  async settings(): Promise<StoreSettings> {
    return (await this.store.read()).settings;
  }

  async updateSettings(changes: {
    roleNameAllowList?: string[] | undefined;
    preferredShell?: string | undefined;
    clipboardClearSeconds?: number | undefined;
  }): Promise<StoreSettings> {
    const { settings, refused } = await this.store.update((doc) => {
      if (changes.roleNameAllowList) doc.settings.roleNameAllowList = changes.roleNameAllowList;
      if (changes.preferredShell !== undefined) doc.settings.preferredShell = changes.preferredShell;
      if (changes.clipboardClearSeconds !== undefined) doc.settings.clipboardClearSeconds = changes.clipboardClearSeconds;
      const allowList = doc.settings.roleNameAllowList;
      const outside = doc.profiles.filter((entry) => entry.kind === 'role' && !checkRoleAllowed(entry.roleArn, allowList).ok);
      return { settings: doc.settings, refused: changes.roleNameAllowList ? outside.map((entry) => entry.id) : [] };
    });
    // A role the allow-list no longer accepts must not go on being served from a cached session
    // (the CLI's quick credential_process path does not read the store).
    for (const id of refused) await this.forgetSessions(id);
    this.events?.emit('settings.changed', settings);
    return settings;
  }

  /** What importing ~/.aws would create and skip. Reads the files, never writes them. */
  async previewImport(moveKeys: boolean): Promise<ImportPreviewView> {
    const [{ profiles, files }, doc] = await Promise.all([this.awsFiles.read(), this.store.read()]);
    const plan = planImport(profiles, { names: new Set(doc.profiles.map((entry) => entry.name)) }, {
      moveKeys,
      allowedRoleNames: doc.settings.roleNameAllowList,
    });
    return { ...importPreview(plan), files };
  }

  /**
   * Creates what the preview listed. Secrets go into the keychain first, then every profile is
   * added in one store update, so an import is never half-applied in the store.
   */
  async applyImport(moveKeys: boolean): Promise<{ created: string[]; skipped: ImportPreviewView['skipped'] }> {
    const [{ profiles }, before] = await Promise.all([this.awsFiles.read(), this.store.read()]);
    const plan = planImport(profiles, { names: new Set(before.profiles.map((entry) => entry.name)) }, {
      moveKeys,
      allowedRoleNames: before.settings.roleNameAllowList,
    });
    const ids = new Map(plan.create.map((planned) => [planned.name, randomUUID()]));
    const written: string[] = [];
    try {
      for (const planned of plan.create) {
        if (planned.kind !== 'iam-user') continue;
        const secret = plan.secrets.get(planned.name);
        if (!secret) continue;
        await this.secrets.set(userSecretName(ids.get(planned.name)!), encoder.encode(secret));
        written.push(ids.get(planned.name)!);
      }
      const created = await this.store.update((doc) => {
        const now = this.clock.now();
        const names: string[] = [];
        for (const planned of plan.create) {
          requireUniqueName(doc, planned.name);
          const profile = this.fromPlan(doc, planned, ids.get(planned.name)!, now);
          doc.profiles.push(profile);
          this.record(doc, 'import', profile.id);
          names.push(planned.name);
        }
        return names;
      });
      return { created, skipped: plan.skipped };
    } catch (error) {
      for (const id of written) await this.secrets.delete(userSecretName(id)).catch(() => false);
      throw error;
    }
  }

  private fromPlan(doc: StoreDocument, planned: PlannedProfile, id: string, now: number): Profile {
    if (planned.kind === 'iam-user') {
      return {
        kind: 'iam-user',
        id,
        name: planned.name,
        accessKeyId: planned.accessKeyId,
        ...(planned.mfaSerial ? { mfaSerial: planned.mfaSerial } : {}),
        ...(planned.region ? { region: planned.region } : {}),
        createdAt: now,
        updatedAt: now,
      };
    }
    const source = findByName(doc, planned.source);
    if (!source) throw new RoledeckError('CONFLICT', `The source "${planned.source}" of "${planned.name}" disappeared during the import. Run it again.`);
    return {
      kind: 'role',
      id,
      name: planned.name,
      roleArn: planned.roleArn,
      sourceId: source.id,
      ...(planned.externalId ? { externalId: planned.externalId } : {}),
      ...(planned.mfaSerial ? { mfaSerial: planned.mfaSerial } : {}),
      ...(planned.sessionName ? { sessionName: planned.sessionName } : {}),
      ...(planned.durationSeconds ? { durationSeconds: planned.durationSeconds } : {}),
      ...(planned.region ? { region: planned.region } : {}),
      createdAt: now,
      updatedAt: now,
    };
  }

  async list(): Promise<ProfileView[]> {
    const doc = await this.store.read();
    return doc.profiles.map((profile) => toView(doc, profile));
  }

  async show(name: string): Promise<ProfileView> {
    const doc = await this.store.read();
    const profile = findByName(doc, name);
    if (!profile) throw this.notFound(name, doc);
    return toView(doc, profile);
  }

  /** The stored profile itself (main side only: sessions need its fields). */
  async get(nameOrId: string): Promise<{ profile: Profile; doc: StoreDocument }> {
    const doc = await this.store.read();
    const profile = doc.profiles.find((entry) => entry.id === nameOrId || entry.name === nameOrId);
    if (!profile) throw this.notFound(nameOrId, doc);
    return { profile, doc };
  }

  async addUser(input: AddUserInput): Promise<ProfileView> {
    const id = randomUUID();
    const now = this.clock.now();
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
    requireUniqueName(await this.store.read(), input.name);
    await this.secrets.set(userSecretName(id), encoder.encode(input.secretAccessKey));
    try {
      return await this.store.update((doc) => {
        requireUniqueName(doc, input.name);
        doc.profiles.push(profile);
        this.record(doc, 'add-user', id);
        return toView(doc, profile);
      });
    } catch (error) {
      await this.secrets.delete(userSecretName(id)).catch(() => false);
      throw error;
    }
  }

  async addRole(input: AddRoleInput): Promise<ProfileView> {
    return this.store.update((doc) => {
      requireUniqueName(doc, input.name);
      const now = this.clock.now();
      const profile: RoleProfile = { ...this.roleFields(doc, input), id: randomUUID(), createdAt: now, updatedAt: now };
      doc.profiles.push(profile);
      this.record(doc, 'add-role', profile.id);
      return toView(doc, profile);
    });
  }

  async updateUser(input: UpdateUserInput): Promise<ProfileView> {
    if (input.secretAccessKey) await this.secrets.set(userSecretName(input.id), encoder.encode(input.secretAccessKey));
    const view = await this.store.update((doc) => {
      const index = doc.profiles.findIndex((entry) => entry.id === input.id);
      const current = doc.profiles[index];
      if (!current || current.kind !== 'iam-user') throw new RoledeckError('NOT_FOUND', 'That IAM user no longer exists. Reload the list.');
      requireUniqueName(doc, input.name, input.id);
      const updated: IamUserProfile = {
        kind: 'iam-user',
        id: current.id,
        name: input.name,
        accessKeyId: input.accessKeyId ?? current.accessKeyId,
        ...(input.mfaSerial ? { mfaSerial: input.mfaSerial } : {}),
        ...(input.region ? { region: input.region } : {}),
        ...presentation(input),
        createdAt: current.createdAt,
        updatedAt: this.clock.now(),
      };
      doc.profiles[index] = updated;
      this.record(doc, 'update-user', input.id);
      return toView(doc, updated);
    });
    await this.forgetSessions(input.id);
    return view;
  }

  async updateRole(input: UpdateRoleInput): Promise<ProfileView> {
    const view = await this.store.update((doc) => {
      const index = doc.profiles.findIndex((entry) => entry.id === input.id);
      const current = doc.profiles[index];
      if (!current || current.kind !== 'role') throw new RoledeckError('NOT_FOUND', 'That role no longer exists. Reload the list.');
      requireUniqueName(doc, input.name, input.id);
      const updated: RoleProfile = { ...this.roleFields(doc, input), id: current.id, createdAt: current.createdAt, updatedAt: this.clock.now() };
      if (reachesThrough(doc, updated.sourceId, updated.id)) {
        throw new RoledeckError('VALIDATION', `source: "${input.source}" is itself assumed through "${input.name}"; a role cannot be its own source.`);
      }
      doc.profiles[index] = updated;
      this.record(doc, 'update-role', input.id);
      return toView(doc, updated);
    });
    await this.forgetSessions(input.id);
    return view;
  }

  async remove(name: string): Promise<void> {
    const { profile: existing } = await this.get(name);
    await this.forgetSessions(existing.id);
    const removed = await this.store.update((doc) => {
      const profile = findByName(doc, name);
      if (!profile) throw this.notFound(name, doc);
      const dependents = doc.profiles.filter((entry) => entry.kind === 'role' && entry.sourceId === profile.id);
      if (dependents.length > 0) {
        throw new RoledeckError(
          'CONFLICT',
          `"${name}" is the source of ${dependents.map((entry) => `"${entry.name}"`).join(', ')}. Remove or re-point those first.`,
        );
      }
      doc.profiles = doc.profiles.filter((entry) => entry.id !== profile.id);
      this.record(doc, 'remove', profile.id);
      return profile;
    });
    if (removed.kind === 'iam-user') {
      await this.secrets.delete(userSecretName(removed.id)).catch((error: unknown) => {
        this.logger.warn('could not delete the secret of a removed IAM user', { profileId: removed.id, error });
      });
    }
  }

  /**
   * Deletes the cached sessions of a profile and of every role assumed through it. A session is
   * only valid for the profile as it was when obtained; the CLI's cached credential_process path
   * trusts the keychain item without reading the store, so an edit must remove it.
   */
  private async forgetSessions(profileId: string): Promise<void> {
    const doc = await this.store.read();
    const affected = doc.profiles.filter((entry) => entry.id === profileId || chainOf(doc, entry).some((link) => link.id === profileId));
    for (const entry of affected) {
      const items = entry.kind === 'role' ? [roleSessionItem(entry.id)] : [mfaSessionItem(entry.id), roleSessionItem(entry.id)];
      for (const item of items) {
        await this.secrets.delete(item).catch((error: unknown) => this.logger.warn('could not forget a cached session', { item, error }));
      }
    }
  }

  /** The IAM user's secret access key, for the session service; never for IPC. */
  async userSecret(profile: IamUserProfile): Promise<string> {
    const bytes = await this.secrets.get(userSecretName(profile.id));
    if (!bytes) {
      throw new RoledeckError(
        'NOT_FOUND',
        `The secret access key of "${profile.name}" is not in the keychain. Edit the profile and enter it again.`,
      );
    }
    return new TextDecoder().decode(bytes);
  }

  private roleFields(doc: StoreDocument, input: AddRoleInput | UpdateRoleInput): Omit<RoleProfile, 'id' | 'createdAt' | 'updatedAt'> {
    const source = findByName(doc, input.source);
    if (!source) {
      throw new RoledeckError('VALIDATION', `source: there is no profile named "${input.source}". Add the IAM user or role it should come from first.`);
    }
    const roleArn = input.roleArn ?? roleArnFor(input.partition ?? 'aws', input.accountId!, input.roleName!);
    const allowed = checkRoleAllowed(roleArn, doc.settings.roleNameAllowList);
    if (!allowed.ok) throw new RoledeckError('VALIDATION', allowed.message);
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

  private record(doc: StoreDocument, action: string, profileId: string): void {
    doc.history.push({ at: this.clock.now(), action, profileId });
    if (doc.history.length > HISTORY_LIMIT) doc.history.splice(0, doc.history.length - HISTORY_LIMIT);
  }

  private notFound(name: string, doc: StoreDocument): RoledeckError {
    return profileNotFound(name, doc.profiles);
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
