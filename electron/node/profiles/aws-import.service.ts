import { randomUUID } from 'node:crypto';
import { RoledeckError } from '../../../shared/contract/errors';
import type { ImportPreviewView } from '../../../shared/domain/import-preview';
import { userSecretItem } from '../../../shared/domain/keychain-items';
import type { Profile } from '../../../shared/domain/profile';
import { importPreview, planImport, type PlannedProfile } from '../../../shared/logic/aws-config-import';
import { findByName, requireUniqueName } from '../../../shared/logic/profile-lookup';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { AwsFilesSource } from '../../../shared/ports/aws-files';
import type { Clock } from '../../../shared/ports/clock';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';
import { recordAudit } from '../audit/record-audit';

const encoder = new TextEncoder();

/**
 * Imports ~/.aws: IAM user keys (only when asked to move them) and the roles assumed from them.
 * The files are read as the AWS SDKs read them and never written.
 */
export class AwsImportService {
  constructor(
    private readonly deps: {
      store: DocumentStore;
      secrets: SecretStore;
      clock: Clock;
      logger: Logger;
      awsFiles: AwsFilesSource;
      audit: AuditLog;
    },
  ) {}

  /** What importing ~/.aws would create and skip. Reads the files, never writes them. */
  async previewImport(moveKeys: boolean): Promise<ImportPreviewView> {
    const [{ profiles, files }, doc] = await Promise.all([this.deps.awsFiles.read(), this.deps.store.read()]);
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
    const { store, secrets, clock } = this.deps;
    const [{ profiles }, before] = await Promise.all([this.deps.awsFiles.read(), store.read()]);
    const plan = planImport(profiles, { names: new Set(before.profiles.map((entry) => entry.name)) }, {
      moveKeys,
      allowedRoleNames: before.settings.roleNameAllowList,
    });
    const ids = new Map(plan.create.map((planned) => [planned.name, randomUUID()]));
    const written: string[] = [];
    let created: Profile[];
    try {
      for (const planned of plan.create) {
        if (planned.kind !== 'iam-user') continue;
        const secret = plan.secrets.get(planned.name);
        if (!secret) continue;
        await secrets.set(userSecretItem(ids.get(planned.name)!), encoder.encode(secret));
        written.push(ids.get(planned.name)!);
      }
      created = await store.update((doc) => {
        const now = clock.now();
        const added: Profile[] = [];
        for (const planned of plan.create) {
          requireUniqueName(doc.profiles, planned.name);
          const profile = fromPlan(doc.profiles, planned, ids.get(planned.name)!, now);
          doc.profiles.push(profile);
          added.push(profile);
        }
        return added;
      });
    } catch (error) {
      for (const id of written) await secrets.delete(userSecretItem(id)).catch(() => false);
      throw error;
    }
    const at = clock.now();
    await recordAudit(this.deps.audit, this.deps.logger, ...created.map((profile) => ({ at, action: 'import', profileId: profile.id, result: 'ok' as const })));
    return { created: created.map((profile) => profile.name), skipped: plan.skipped };
  }
}

function fromPlan(profiles: readonly Profile[], planned: PlannedProfile, id: string, now: number): Profile {
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
  const source = findByName(profiles, planned.source);
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
