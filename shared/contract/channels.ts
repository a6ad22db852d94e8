import { z } from 'zod';
import { AppInfoSchema } from '../domain/app-info';
import { AuditEntrySchema, AuditExportRequestSchema, AuditExportSchema, AuditFilterSchema, ChainReportSchema } from '../domain/audit';
import { MfaSerialSchema, RegionSchema } from '../domain/aws-rules';
import { FederationEndpointSchema, OpenConsoleRequestSchema, OpenConsoleResultSchema } from '../domain/console-signin';
import { MfaProcessCommandSchema } from '../domain/mfa-process';
import { DeployRunSchema, ParameterValueSchema } from '../domain/deploy';
import { DeployProgressSchema, StackEventSchema } from '../domain/deploy-events';
import {
  DeployOutcomeSchema,
  DeployRequestSchema,
  DeployRunViewSchema,
  DeployTargetSchema,
  PreparedDeploySchema,
  RecipeViewSchema,
  TEMPLATE_TEXT_MAX_CHARS,
  TemplateAnalysisSchema,
} from '../domain/deploy-flow';
import { CliInstallStatusSchema } from '../domain/cli-install';
import { CloudFrontKeyIdSchema, CloudFrontKeySchema, GenerateCloudFrontKeyInputSchema, ImportCloudFrontKeyInputSchema } from '../domain/cloudfront-key';
import {
  InspectInputSchema,
  InspectResultSchema,
  SignCookiesInputSchema,
  SignedCookiesResultSchema,
  SignedUrlResultSchema,
  SignedUrlsResultSchema,
  SignUrlInputSchema,
  SignUrlsInputSchema,
} from '../domain/cloudfront-signing';
import { CloudFrontDistributionSchema, CloudFrontKeyGroupSchema } from '../domain/cloudfront';
import { CredentialProcessCheckSchema } from '../domain/credential-process-check';
import { CustomerInputSchema, CustomerSchema } from '../domain/customer';
import { ImportPreviewSchema } from '../domain/import-preview';
import { QuickCreateLinkSchema } from '../domain/onboarding-record';
import {
  ArtefactIdSchema,
  CompleteResultSchema,
  IdentityViewSchema,
  OnboardingDraftSchema,
  OnboardingKitViewSchema,
  OnboardingViewSchema,
  OurSideViewSchema,
  PrepareResultSchema,
  VerifyOutcomeSchema,
} from '../domain/onboarding-view';
import { KeychainStatusSchema } from '../domain/keychain';
import { PlaintextKeysPreviewSchema, PlaintextKeysResultSchema, RemovePlaintextKeysRequestSchema } from '../domain/plaintext-keys';
import { ProfileNameSchema } from '../domain/profile';
import { AddRoleInputSchema, AddUserInputSchema, UpdateRoleInputSchema, UpdateUserInputSchema } from '../domain/profile-input';
import { ProfileViewSchema } from '../domain/profile-view';
import { MfaCodeSchema, MfaPromptSchema, SessionsSnapshotSchema, SessionViewSchema, TestAccessResultSchema } from '../domain/session';
import { StoreSettingsSchema } from '../domain/store-document';
import { StoreResetResultSchema, StoreStatusSchema } from '../domain/store-status';
import { RoleAllowListSchema } from '../logic/role-allow-list';
import { EXPORT_FORMATS } from '../logic/shell-export';

/** A request/response pair; the request schema is strict so unknown fields are refused. */
interface ChannelSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelSpec<Req, Res> {
  return { request, response };
}

const Empty = z.object({}).strict();
/** A profile by id or name (both are at most 64 characters; 128 leaves room and still bounds it). */
const ProfileRefSchema = z.string().min(1).max(128);
const ProfileRef = z.object({ profileId: ProfileRefSchema }).strict();
/** MFA prompt ids are UUIDs. */
const PromptIdSchema = z.string().min(1).max(128);
const CloudFrontKeyRef = z.object({ id: CloudFrontKeyIdSchema }).strict();
/**
 * A private key crosses IPC once, renderer -> main, as PEM text (pasted, or read by the renderer
 * with the File API). Never a file path: a compromised page must not name files for main to read.
 */
const CloudFrontImportRequest = z
  .object({
    pem: z.string().min(1, 'Paste the private key PEM').max(16384, 'That is far longer than a private key PEM'),
    keyPairId: ImportCloudFrontKeyInputSchema.shape.keyPairId,
    passphrase: ImportCloudFrontKeyInputSchema.shape.passphrase,
    label: ImportCloudFrontKeyInputSchema.shape.label,
    customer: ImportCloudFrontKeyInputSchema.shape.customer,
  })
  .strict();
/** Key group names: letters, digits, '-' and '_', at most 128 (CloudFront API reference, KeyGroupConfig). */
const KeyGroupNameSchema = z
  .string()
  .max(128, 'A key group name is 1–128 letters, digits, - and _')
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'A key group name is 1–128 letters, digits, - and _');
const CloudFrontUploadRequest = z
  .object({ id: CloudFrontKeyIdSchema, profile: ProfileRefSchema, keyGroup: KeyGroupNameSchema.optional() })
  .strict();
const CloudFrontTrustSchema = z.object({ keyGroups: z.array(CloudFrontKeyGroupSchema), distributions: z.array(CloudFrontDistributionSchema) });
const CustomerRef = z.object({ customerId: z.string().min(1).max(128) }).strict();
const RunRef = z.object({ runId: z.string().min(1).max(64) }).strict();
/** The account ID typed to confirm a production deploy or delete. */
const ConfirmAccount = z.string().max(32).optional();

/**
 * The IPC API: the only place a channel name is written. Names are `namespace.method`;
 * the renderer calls them as `api.namespace.method(request)`.
 */
export const channels = {
  'app.info': channel(Empty, AppInfoSchema),
  'keychain.status': channel(Empty, KeychainStatusSchema),

  'profiles.list': channel(Empty, z.object({ profiles: z.array(ProfileViewSchema) })),
  /** The secret access key travels renderer -> main once, typed by the user; it never comes back. */
  'profiles.addUser': channel(AddUserInputSchema, ProfileViewSchema),
  'profiles.addRole': channel(AddRoleInputSchema, ProfileViewSchema),
  'profiles.updateUser': channel(UpdateUserInputSchema, ProfileViewSchema),
  'profiles.updateRole': channel(UpdateRoleInputSchema, ProfileViewSchema),
  'profiles.remove': channel(z.object({ name: ProfileNameSchema }).strict(), z.object({ removed: z.literal(true) })),
  /** Reads ~/.aws (never writes it) and shows what an import would create and skip. */
  'profiles.importPreview': channel(z.object({ moveKeys: z.boolean() }).strict(), ImportPreviewSchema),
  'profiles.importApply': channel(
    z.object({ moveKeys: z.boolean() }).strict(),
    z.object({ created: z.array(z.string()), skipped: ImportPreviewSchema.shape.skipped }),
  ),
  /**
   * Which profiles of ~/.aws/credentials could lose their plaintext keys (the keychain holds the
   * same key), and which keep them, with why. Reads the files; changes nothing.
   */
  'profiles.plaintextKeys': channel(Empty, PlaintextKeysPreviewSchema),
  /**
   * Removes the confirmed profiles' key lines from ~/.aws/credentials (backed up first, without the
   * secrets) after adding their credential_process line to ~/.aws/config.
   */
  'profiles.removePlaintextKeys': channel(RemovePlaintextKeysRequestSchema, PlaintextKeysResultSchema),

  'sessions.list': channel(Empty, SessionsSnapshotSchema),
  /** Obtains (or reuses) a session for the profile; may open an MFA prompt and waits for it. */
  'sessions.start': channel(ProfileRef, SessionViewSchema),
  'sessions.refresh': channel(ProfileRef, SessionViewSchema),
  /** Forgets the session (memory and keychain cache). */
  'sessions.end': channel(ProfileRef, z.object({ ended: z.literal(true) })),
  'sessions.setActive': channel(z.object({ profileId: z.string().max(128).nullable() }).strict(), SessionsSnapshotSchema),
  /** Runs the chain and GetCallerIdentity; on failure explains the likely cause. */
  'sessions.testAccess': channel(ProfileRef, TestAccessResultSchema),
  /**
   * Opens the AWS console as the profile's role session in the default browser (the sign-in token
   * stays on the main side; the answer names where the browser was sent).
   */
  'sessions.openConsole': channel(OpenConsoleRequestSchema, OpenConsoleResultSchema),

  /**
   * Copies the session as an export to the clipboard from the main process, concealed from
   * clipboard history and cleared after the configured delay. The credentials never reach the renderer.
   */
  'sessions.copyExport': channel(
    z.object({ profileId: ProfileRefSchema, format: z.enum(EXPORT_FORMATS) }).strict(),
    z.object({ format: z.enum(EXPORT_FORMATS), clearsAt: z.number().nullable(), expiresAt: z.number().optional() }),
  ),
  /**
   * The export as text, for the one case the clipboard cannot take it (the browser preview on a
   * machine without a display or clipboard tool): the person asked to see it and copies it by hand.
   * The window shows it in a field it empties when closed, and never stores it.
   */
  'sessions.revealExport': channel(
    z.object({ profileId: ProfileRefSchema, format: z.enum(EXPORT_FORMATS) }).strict(),
    z.object({ format: z.enum(EXPORT_FORMATS), text: z.string(), expiresAt: z.number().optional() }),
  ),
  /** Writes a credential_process profile into ~/.aws/config (AWS_CONFIG_FILE); only Roledeck's section changes. */
  'sessions.installCliProfile': channel(
    z.object({ profileId: ProfileRefSchema, awsProfile: ProfileNameSchema.optional(), force: z.boolean().optional() }).strict(),
    z.object({
      path: z.string(),
      change: z.enum(['added', 'updated', 'unchanged', 'removed', 'absent']),
      backupPath: z.string().optional(),
      awsProfile: z.string(),
      /** The credential_process line now in the file. */
      command: z.string(),
      /** The line, run once as the AWS CLI would run it: whether it works, and why not. */
      check: CredentialProcessCheckSchema,
      /** Set when Roledeck kept a working line instead of writing one that would not run, with why. */
      warning: z.string().optional(),
    }),
  ),

  'mfa.pending': channel(Empty, z.object({ prompts: z.array(MfaPromptSchema) })),
  'mfa.answer': channel(z.object({ promptId: PromptIdSchema, code: MfaCodeSchema }).strict(), z.object({ accepted: z.literal(true) })),
  'mfa.cancel': channel(z.object({ promptId: PromptIdSchema }).strict(), z.object({ cancelled: z.literal(true) })),

  /** Where the `roledeck` command the app carries is installed, and whether a new terminal would run it. */
  'cliInstall.status': channel(Empty, CliInstallStatusSchema),
  /**
   * Puts the app's `roledeck` where terminals find it: a link in ~/.local/bin or /usr/local/bin
   * (macOS, Linux), a roledeck.cmd shim plus a user PATH entry (Windows). Answers the new status.
   */
  'cliInstall.install': channel(Empty, CliInstallStatusSchema),

  'settings.get': channel(Empty, StoreSettingsSchema),
  'settings.update': channel(
    z
      .object({
        roleNameAllowList: RoleAllowListSchema.optional(),
        /** The export format offered first ("Copy as…"); set by the last copy too. */
        preferredShell: z.enum(EXPORT_FORMATS).optional(),
        /** Seconds before a copied credential is cleared from the clipboard; 0 keeps it. */
        clipboardClearSeconds: z.number().int().min(0, 'At least 0 seconds').max(3600, 'At most 3,600 seconds (1 hour)').optional(),
        /** Console sign-in's federation endpoint; '' goes back to the partition's own. */
        federationEndpoint: z.union([z.literal(''), FederationEndpointSchema]).optional(),
        /** The MFA process of one device; an empty command removes it. */
        mfaProcess: z.object({ deviceSerial: MfaSerialSchema, command: MfaProcessCommandSchema }).strict().optional(),
      })
      .strict(),
    StoreSettingsSchema,
  ),

  /**
   * Reads a template's text into what the deploy form needs (parameters, capabilities, size,
   * problems with line and column). On the main side: the YAML parser stays out of the renderer.
   */
  'deploy.analyze': channel(z.object({ text: z.string().max(TEMPLATE_TEXT_MAX_CHARS, 'A template is at most 1 MB') }).strict(), TemplateAnalysisSchema),
  /** Account, region and identity a deploy with this profile reaches (may open an MFA prompt). */
  'deploy.target': channel(z.object({ profileId: ProfileRefSchema, region: RegionSchema.optional() }).strict(), DeployTargetSchema),
  /** Checks everything, shows the target, creates the change set; or says the stack is up to date. */
  'deploy.prepare': channel(DeployRequestSchema, PreparedDeploySchema),
  /** "Deploy again": the profile's remembered deploy, prepared afresh (NoEcho values typed again if needed). */
  'deploy.rerun': channel(
    z.object({ profileId: ProfileRefSchema, parameters: z.array(ParameterValueSchema).max(200).optional(), confirmAccount: ConfirmAccount }).strict(),
    PreparedDeploySchema,
  ),
  /** Executes the reviewed change set; resolves when the stack settles. Events stream meanwhile. */
  'deploy.execute': channel(RunRef, DeployOutcomeSchema),
  /** Deletes the change set (and a stack that only existed for it), or keeps it for later. */
  'deploy.discard': channel(RunRef.extend({ keep: z.boolean() }).strict(), z.object({ status: z.enum(['kept', 'cancelled']) })),
  /** Deletes a stack and resolves when the delete is over; events stream meanwhile. */
  'deploy.delete': channel(
    z.object({ profileId: ProfileRefSchema, stackName: z.string().max(256), region: RegionSchema.optional(), confirmAccount: ConfirmAccount }).strict(),
    DeployOutcomeSchema,
  ),
  'deploy.recipe': channel(ProfileRef, z.object({ recipe: RecipeViewSchema.nullable() })),
  /** The profile's deploys from the audit log, newest first: status, duration, changes, identity. */
  'deploy.history': channel(ProfileRef, z.object({ runs: z.array(DeployRunSchema) })),
  /** The run in flight or the last one, with its events so far (a window that opens mid-run). */
  'deploy.current': channel(Empty, z.object({ run: DeployRunViewSchema.nullable() })),
  /** Saved customers, and one for every profile label no saved customer has yet (A–Z). */
  'customers.list': channel(Empty, z.object({ customers: z.array(CustomerSchema) })),
  /** Creates or updates a customer; renaming one relabels its profiles. */
  'customers.save': channel(CustomerInputSchema, CustomerSchema),

  /** Stored CloudFront keys: metadata and public halves only; private keys stay in the keychain. */
  'cloudfront.keys': channel(Empty, z.object({ keys: z.array(CloudFrontKeySchema) })),
  'cloudfront.import': channel(CloudFrontImportRequest, CloudFrontKeySchema),
  /** A new RSA 2048 pair; the private half goes straight into the keychain. */
  'cloudfront.generate': channel(GenerateCloudFrontKeyInputSchema.strict(), CloudFrontKeySchema),
  'cloudfront.remove': channel(CloudFrontKeyRef, z.object({ removed: z.literal(true) })),
  /** The public key (SPKI PEM) to upload to CloudFront. */
  'cloudfront.exportPublic': channel(CloudFrontKeyRef, z.object({ pem: z.string() })),
  'cloudfront.sign': channel(SignUrlInputSchema.strict(), SignedUrlResultSchema),
  /** Many URLs under one policy (the window's batch signing); order kept. */
  'cloudfront.signBatch': channel(SignUrlsInputSchema.strict(), SignedUrlsResultSchema),
  'cloudfront.signCookies': channel(SignCookiesInputSchema.strict(), SignedCookiesResultSchema),
  /** Takes a signed URL or cookies apart and says whether CloudFront would accept them, and why not. */
  'cloudfront.inspect': channel(InspectInputSchema.strict(), InspectResultSchema),
  /**
   * Uploads a stored key's public half with the profile's session, stores the key ID CloudFront
   * gives it, and adds it to the named key group (created when the account has none by that name).
   */
  'cloudfront.upload': channel(
    CloudFrontUploadRequest,
    z.object({ key: CloudFrontKeySchema, keyGroup: CloudFrontKeyGroupSchema.optional(), distributions: z.array(CloudFrontDistributionSchema) }),
  ),
  /** Which distributions trust which key groups, in the profile's account. */
  'cloudfront.trust': channel(z.object({ profile: ProfileRefSchema }).strict(), CloudFrontTrustSchema),
  /** Every customer with where its onboarding stands (invited → role created → access verified). */
  'onboarding.list': channel(Empty, z.object({ customers: z.array(OnboardingViewSchema) })),
  /** Who one of our profiles is (GetCallerIdentity), to name in a customer's trust policy. */
  'onboarding.identity': channel(z.object({ sourceProfile: z.string().min(1).max(128) }).strict(), IdentityViewSchema),
  /**
   * Creates or changes a customer's setup: generates the ExternalId (kept unless `newExternalId`),
   * checks the role name against the allow-list and AWS's rules; problems come back per field.
   */
  'onboarding.prepare': channel(OnboardingDraftSchema, PrepareResultSchema),
  /** Every artefact for the customer: policies, template, deploy command, link, instructions, our policy. */
  'onboarding.kit': channel(CustomerRef, OnboardingKitViewSchema),
  /** Copies one artefact from the main side (concealed from clipboard history, not cleared). */
  'onboarding.copy': channel(
    z.object({ customerId: z.string().min(1).max(128), artefact: ArtefactIdSchema }).strict(),
    z.object({ copied: z.literal(true), fileName: z.string() }),
  ),
  /** Uploads the quick-create template to our bucket and returns the console link, with how long it works. */
  'onboarding.quickCreate': channel(
    z
      .object({
        customerId: z.string().min(1).max(128),
        bucket: z.string().min(1).max(63),
        /** At most SigV4's 7 days; also capped at the signing session's expiry. */
        expiresInSeconds: z.number().int().min(60).max(604_800).optional(),
      })
      .strict(),
    QuickCreateLinkSchema,
  ),
  /** The IAM policy our user needs, and whether IAM's policy simulator says our side allows it. */
  'onboarding.ourSide': channel(CustomerRef, OurSideViewSchema),
  /** The customer sent back their account ID or role ARN: creates the role profile and tests access. */
  'onboarding.complete': channel(
    z.object({ customerId: z.string().min(1).max(128), reply: z.string().max(4096), profileName: ProfileNameSchema.optional() }).strict(),
    CompleteResultSchema,
  ),
  /** Tests one customer's access now and records the outcome. */
  'onboarding.verify': channel(CustomerRef, VerifyOutcomeSchema),
  /** Re-tests every customer (or those listed), a few at a time; progress arrives as 'onboarding.verifyProgress'. */
  'onboarding.verifyAll': channel(
    z.object({ customerIds: z.array(z.string().min(1).max(128)).max(1000).optional() }).strict(),
    z.object({ runId: z.string(), outcomes: z.array(VerifyOutcomeSchema) }),
  ),

  /** Whether the profile store can be read; a store problem is answered here, not as an error. */
  'store.status': channel(Empty, StoreStatusSchema),
  /**
   * Start over: moves the store file aside (renamed, never deleted) and starts an empty store.
   * Profiles, settings and history are left behind in the old file; keychain secrets stay.
   * `confirmed` must be true: the window asks first and says what is lost.
   */
  'store.reset': channel(z.object({ confirmed: z.literal(true) }).strict(), StoreResetResultSchema),

  /** The audit log's entries matching the filter, oldest first (every kept file; never a secret). */
  'audit.list': channel(AuditFilterSchema, z.object({ entries: z.array(AuditEntrySchema) })),
  /** Checks the hash chain across every kept file: entries verified, or which lines broke and how. */
  'audit.verify': channel(Empty, ChainReportSchema),
  /** The matching entries as JSON Lines or CSV text, for the window to save as a file. */
  'audit.export': channel(AuditExportRequestSchema, AuditExportSchema),
} as const;

/** Events pushed from main to the renderer, validated the same way before they are sent. */
export const events = {
  'keychain.changed': KeychainStatusSchema,
  'sessions.changed': SessionsSnapshotSchema,
  /** Settings were saved (in the window, or by a copy remembering its format): the tray redraws. */
  'settings.changed': StoreSettingsSchema,
  /** An MFA code is needed: the UI opens its dialog (the main process also raises the window). */
  'mfa.prompt': MfaPromptSchema,
  'mfa.closed': z.object({ promptId: z.string(), outcome: z.enum(['answered', 'cancelled', 'superseded']) }),
  /** Ahead-of-time warnings, e.g. "acme-prod will need an MFA code at 17:45". */
  'sessions.warning': z.object({ profileId: z.string(), profileName: z.string(), message: z.string(), at: z.number() }),
  /** A stack operation began: its target, stack and start time (the events list starts empty). */
  'deploy.started': DeployRunViewSchema,
  /** New stack events of a run, oldest first, each once. */
  'deploy.event': z.object({ runId: z.string(), events: z.array(StackEventSchema) }),
  /** Where the run stands; with `outcome` once it is over. */
  'deploy.progress': z.object({ runId: z.string(), progress: DeployProgressSchema, outcome: DeployOutcomeSchema.optional() }),
  /** A customer was saved (colours, names): the window and the tray redraw. */
  'customers.changed': z.object({ customers: z.array(CustomerSchema) }),
  /** One customer of a "verify all" run finished. */
  'onboarding.verifyProgress': z.object({ runId: z.string(), total: z.number(), done: z.number(), outcome: VerifyOutcomeSchema }),
  /** The store started over from a window of this app: every view reloads. */
  'store.reset': StoreResetResultSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/**
 * Transport names. Electron's ipcMain uses the channel names themselves for calls; events share one
 * transport channel so the preload needs a single listener.
 */
export const EVENT_TRANSPORT_CHANNEL = 'roledeck:event';
