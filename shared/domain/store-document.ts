import { z } from 'zod';
import { deriveCustomers, type LabelledProfile } from '../logic/customers';
import { customerKey } from '../logic/customer-key';
import { SessionTokenDurationSchema } from './aws-rules';
import { DeployRecipeSchema } from './deploy';
import { CloudFrontKeysSchema } from './cloudfront-key';
import { CustomerSchema } from './customer';
import { OnboardingRecordSchema } from './onboarding-record';
import { ProfileIdSchema, ProfileSchema } from './profile';

/**
 * The profile store's document: everything Roledeck keeps that is not a secret. Secrets live in
 * the keychain; the store on disk is encrypted anyway (DESIGN.md: role profiles are protected
 * like secrets).
 */

/** The document version this build reads and writes. Older versions are migrated on load. */
export const CURRENT_STORE_VERSION = 3;

/** History is a convenience, not an audit log: only the newest entries are kept. */
export const HISTORY_LIMIT = 500;

/** The longest text a history entry keeps in one field; longer text is cut, never refused. */
export const HISTORY_TEXT_LIMIT = 1024;

/** At most this many facts per history entry (a deploy records about ten). */
export const HISTORY_FACTS_LIMIT = 24;
/** An IAM user used with its long-term keys, since when, and who AWS said it is (after Test access). */
export const KeySessionSchema = z.object({
  profileId: ProfileIdSchema,
  since: z.number(),
  arn: z.string().max(2048).optional(),
  accountId: z.string().max(32).optional(),
});
export type KeySession = z.infer<typeof KeySessionSchema>;

/**
 * Settings validate the keys this build knows and keep the ones it does not, so a newer build
 * that adds a setting without a version bump does not lose it when an older CLI writes the store.
 * Bounds are deliberately wide: a value outside them makes the whole store unreadable.
 */
export const StoreSettingsSchema = z.looseObject({
  /** Role names (or patterns) offered when onboarding a customer. */
  roleNameAllowList: z.array(z.string().min(1).max(256)).max(1000).default([]),
  mfaSessionSeconds: SessionTokenDurationSchema.optional(),
  refreshLeadSeconds: z.number().int().min(0).max(43200).optional(),
  preferredShell: z.string().min(1).max(256).optional(),
  clipboardClearSeconds: z.number().int().min(0).max(86400).optional(),
  /** The profile in use (tray, title bar); kept here so it survives a restart and the CLI sees it. */
  activeProfileId: ProfileIdSchema.optional(),
  /**
   * IAM users in use with their long-term keys (no MFA): nothing is cached for them, so this is
   * where the app and the CLI both find that they are live, with the identity Test access saw.
   */
  keySessions: z.array(KeySessionSchema).max(1000).optional(),
  /** Replaces the partition's federation endpoint for console sign-in (a private endpoint; tests). */
  federationEndpoint: z.string().min(1).max(2048).optional(),
  /** Per MFA device (its serial), a command whose stdout is the code: aws-vault's mfa_process. */
  mfaProcesses: z.record(z.string().min(1).max(256), z.string().min(1).max(4096)).optional(),
});
export type StoreSettings = z.infer<typeof StoreSettingsSchema>;

/** The stored form of an AuditLog entry (shared/ports/audit-log.ts). */
export const HistoryEntrySchema = z.object({
  at: z.number().int().nonnegative(),
  action: z.string().min(1).max(128),
  profileId: ProfileIdSchema.optional(),
  profileName: z.string().max(HISTORY_TEXT_LIMIT).optional(),
  customer: z.string().max(HISTORY_TEXT_LIMIT).optional(),
  identity: z.string().max(HISTORY_TEXT_LIMIT).optional(),
  /** Absent in entries written before results were recorded: every one of those succeeded. */
  result: z.enum(['ok', 'failed']).optional(),
  detail: z.string().max(HISTORY_TEXT_LIMIT).optional(),
  /** Since deploys: what a feature reads back to show its own history (AuditEntry.facts). */
  facts: z
    .record(z.string().min(1).max(64), z.union([z.string().max(HISTORY_TEXT_LIMIT), z.number(), z.boolean()]))
    .refine((facts) => Object.keys(facts).length <= HISTORY_FACTS_LIMIT, `At most ${HISTORY_FACTS_LIMIT} facts`)
    .optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const StoreDocumentSchema = z
  .object({
    version: z.literal(CURRENT_STORE_VERSION),
    profiles: z.array(ProfileSchema),
    settings: StoreSettingsSchema,
    history: z.array(HistoryEntrySchema),
    /** Since version 2. Profiles belong to a customer through their label (its name). */
    customers: z.array(CustomerSchema).default([]),
    /** Since version 3. CloudFront signing keys' metadata; their private keys are in the keychain. */
    cloudfrontKeys: CloudFrontKeysSchema.default([]),
    /** Since version 2. What each customer's setup was built from; their status stays on the customer. */
    onboarding: z.array(OnboardingRecordSchema).default([]),
    /**
     * Each profile's last test deploy (one per profile), for "Deploy again". Added without a
     * version bump: a document without it reads as none remembered. Keys in the order of
     * emptyDocument(): the store compares the JSON to skip writes that change nothing.
     */
    deployRecipes: z.array(DeployRecipeSchema).default([]),
  })
  .superRefine((doc, context) => {
    // Ids are what everything else points at and names are how scripts pick a profile
    // (`roledeck export acme-prod`): a duplicate of either makes a lookup ambiguous.
    const ids = new Set<string>();
    const names = new Set<string>();
    doc.profiles.forEach((profile, index) => {
      if (ids.has(profile.id)) context.addIssue({ code: 'custom', path: ['profiles', index, 'id'], message: 'Two profiles have the same id' });
      if (names.has(profile.name)) {
        context.addIssue({ code: 'custom', path: ['profiles', index, 'name'], message: `Two profiles are named ${profile.name}` });
      }
      ids.add(profile.id);
      names.add(profile.name);
    });
    const onboarded = new Set<string>();
    doc.onboarding.forEach((record, index) => {
      if (onboarded.has(record.customerId)) context.addIssue({ code: 'custom', path: ['onboarding', index, 'customerId'], message: 'Two setups for one customer' });
      onboarded.add(record.customerId);
    });
    // A label finds its customer by name, without case: two customers of one name would split it.
    const customerIds = new Set<string>();
    const customerNames = new Set<string>();
    doc.customers.forEach((customer, index) => {
      if (customerIds.has(customer.id)) context.addIssue({ code: 'custom', path: ['customers', index, 'id'], message: 'Two customers have the same id' });
      const key = customerKey(customer.name);
      if (customerNames.has(key)) context.addIssue({ code: 'custom', path: ['customers', index, 'name'], message: `Two customers are named ${customer.name}` });
      customerIds.add(customer.id);
      customerNames.add(key);
    });
  });
export type StoreDocument = z.infer<typeof StoreDocumentSchema>;

export function emptyDocument(): StoreDocument {
  return { version: CURRENT_STORE_VERSION, profiles: [], settings: { roleNameAllowList: [] }, history: [], customers: [], cloudfrontKeys: [], onboarding: [], deployRecipes: [] };
}

/**
 * STORE_MIGRATIONS[i] turns a version i+1 document into a version i+2 document. To add v2: bump
 * CURRENT_STORE_VERSION and append the v1 -> v2 function here; it receives the raw, unvalidated
 * JSON of a v1 document and must return the raw v2 JSON (the result is validated afterwards).
 */
export const STORE_MIGRATIONS: ReadonlyArray<(document: Record<string, unknown>) => Record<string, unknown>> = [
  // v1 -> v2: customers become records. Every label on a profile becomes a customer with the
  // label's name and colour, so what the accounts list grouped before is kept as it was.
  (document) => ({ ...document, customers: deriveCustomers(labelledProfiles(document.profiles)) }),
  // v2 -> v3: CloudFront keys are stored. The version is bumped (rather than only defaulting the
  // field) so a version 2 build refuses the store instead of dropping the keys when it writes.
  (document) => ({ ...document, cloudfrontKeys: [] }),
];

/** The profiles of an unvalidated document, as far as deriving customers needs them; the rest is checked afterwards. */
function labelledProfiles(raw: unknown): LabelledProfile[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown): LabelledProfile[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { kind, name, label, color, createdAt } = entry as Record<string, unknown>;
    if ((kind !== 'iam-user' && kind !== 'role') || typeof name !== 'string') return [];
    return [
      {
        kind,
        name,
        ...(typeof label === 'string' && label.length <= 80 ? { label } : {}),
        ...(typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? { color } : {}),
        ...(typeof createdAt === 'number' && Number.isFinite(createdAt) ? { createdAt } : {}),
      },
    ];
  });
}

export type ParsedStoreDocument =
  | { kind: 'ok'; document: StoreDocument; migratedFrom?: number }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; problems: string[] };

/** Turns zod issues into short lines naming the field and the rule, never the value. */
export function describeIssues(error: z.ZodError, limit = 5): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`and ${error.issues.length - limit} more`);
  return lines;
}

/** Migrates and validates a decrypted document; says "newer" for a version this build does not know. */
export function parseStoreDocument(raw: unknown): ParsedStoreDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'invalid', problems: ['the document is not an object'] };
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'invalid', problems: ['the document has no valid version'] };
  }
  if (version > CURRENT_STORE_VERSION) return { kind: 'newer', version };
  let document = raw as Record<string, unknown>;
  for (let from = version; from < CURRENT_STORE_VERSION; from += 1) {
    const migrate = STORE_MIGRATIONS[from - 1];
    if (!migrate) return { kind: 'invalid', problems: [`no migration from version ${from}`] };
    document = { ...migrate(document), version: from + 1 };
  }
  const parsed = StoreDocumentSchema.safeParse(document);
  if (!parsed.success) return { kind: 'invalid', problems: describeIssues(parsed.error) };
  return version === CURRENT_STORE_VERSION ? { kind: 'ok', document: parsed.data } : { kind: 'ok', document: parsed.data, migratedFrom: version };
}
