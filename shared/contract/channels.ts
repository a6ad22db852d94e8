import { z } from 'zod';
import { AppInfoSchema } from '../domain/app-info';
import { CliInstallStatusSchema } from '../domain/cli-install';
import { CredentialProcessCheckSchema } from '../domain/credential-process-check';
import { CustomerInputSchema, CustomerSchema } from '../domain/customer';
import { ImportPreviewSchema } from '../domain/import-preview';
import { KeychainStatusSchema } from '../domain/keychain';
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
const ProfileRef = z.object({ profileId: z.string().min(1) }).strict();

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

  'sessions.list': channel(Empty, SessionsSnapshotSchema),
  /** Obtains (or reuses) a session for the profile; may open an MFA prompt and waits for it. */
  'sessions.start': channel(ProfileRef, SessionViewSchema),
  'sessions.refresh': channel(ProfileRef, SessionViewSchema),
  /** Forgets the session (memory and keychain cache). */
  'sessions.end': channel(ProfileRef, z.object({ ended: z.literal(true) })),
  'sessions.setActive': channel(z.object({ profileId: z.string().nullable() }).strict(), SessionsSnapshotSchema),
  /** Runs the chain and GetCallerIdentity; on failure explains the likely cause. */
  'sessions.testAccess': channel(ProfileRef, TestAccessResultSchema),

  /**
   * Copies the session as an export to the clipboard from the main process, concealed from
   * clipboard history and cleared after the configured delay. The credentials never reach the renderer.
   */
  'sessions.copyExport': channel(
    z.object({ profileId: z.string().min(1), format: z.enum(EXPORT_FORMATS) }).strict(),
    z.object({ format: z.enum(EXPORT_FORMATS), clearsAt: z.number().nullable(), expiresAt: z.number().optional() }),
  ),
  /**
   * The export as text, for the one case the clipboard cannot take it (the browser preview on a
   * machine without a display or clipboard tool): the person asked to see it and copies it by hand.
   * The window shows it in a field it empties when closed, and never stores it.
   */
  'sessions.revealExport': channel(
    z.object({ profileId: z.string().min(1), format: z.enum(EXPORT_FORMATS) }).strict(),
    z.object({ format: z.enum(EXPORT_FORMATS), text: z.string(), expiresAt: z.number().optional() }),
  ),
  /** Writes a credential_process profile into ~/.aws/config (AWS_CONFIG_FILE); only Roledeck's section changes. */
  'sessions.installCliProfile': channel(
    z.object({ profileId: z.string().min(1), awsProfile: ProfileNameSchema.optional(), force: z.boolean().optional() }).strict(),
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
  'mfa.answer': channel(z.object({ promptId: z.string(), code: MfaCodeSchema }).strict(), z.object({ accepted: z.literal(true) })),
  'mfa.cancel': channel(z.object({ promptId: z.string() }).strict(), z.object({ cancelled: z.literal(true) })),

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
      })
      .strict(),
    StoreSettingsSchema,
  ),

  /** Saved customers, and one for every profile label no saved customer has yet (A–Z). */
  'customers.list': channel(Empty, z.object({ customers: z.array(CustomerSchema) })),
  /** Creates or updates a customer; renaming one relabels its profiles. */
  'customers.save': channel(CustomerInputSchema, CustomerSchema),

  /** Whether the profile store can be read; a store problem is answered here, not as an error. */
  'store.status': channel(Empty, StoreStatusSchema),
  /**
   * Start over: moves the store file aside (renamed, never deleted) and starts an empty store.
   * Profiles, settings and history are left behind in the old file; keychain secrets stay.
   * `confirmed` must be true: the window asks first and says what is lost.
   */
  'store.reset': channel(z.object({ confirmed: z.literal(true) }).strict(), StoreResetResultSchema),
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
  /** A customer was saved (colours, names): the window and the tray redraw. */
  'customers.changed': z.object({ customers: z.array(CustomerSchema) }),
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
