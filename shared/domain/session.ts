import { z } from 'zod';

/**
 * Sessions as the UI and the CLI see them: state, expiry and what is cached where. Never the
 * credentials themselves.
 */

export const SessionStateSchema = z.enum([
  /** Valid; `expiresAt` says until when. */
  'active',
  /** A refresh is running. */
  'refreshing',
  /** The next step needs an MFA code: a prompt is open or will be at the next refresh. */
  'needs-mfa',
  /** Past its expiry and not refreshed. */
  'expired',
  /** The last attempt failed; `error` says why. */
  'failed',
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const SessionKindSchema = z.enum([
  /** GetSessionToken with MFA for an IAM user; cached in the keychain and shared by every role it assumes. */
  'mfa-session',
  /** AssumeRole, from an IAM user, an MFA session or another role (a chain). */
  'role',
  /** An IAM user's long-term keys, used directly (no MFA device configured). */
  'user-keys',
]);

export const SessionViewSchema = z
  .object({
    profileId: z.string(),
    profileName: z.string(),
    kind: SessionKindSchema,
    state: SessionStateSchema,
    /** Epoch ms; absent for long-term keys. */
    expiresAt: z.number().optional(),
    obtainedAt: z.number().optional(),
    /** When Roledeck will refresh it on its own (epoch ms). */
    refreshAt: z.number().optional(),
    /** Where the session is cached, in words: "OS keychain until 18:42". */
    cachedIn: z.enum(['keychain', 'memory', 'none']),
    /** Whether the next refresh will ask for an MFA code. */
    refreshNeedsMfa: z.boolean(),
    accountId: z.string().optional(),
    /** The identity the session acts as, e.g. the assumed-role ARN. */
    arn: z.string().optional(),
    chain: z.array(z.string()),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    /** What Roledeck decided on the user's behalf, in plain words, e.g. a duration capped by AWS's role-chaining limit. */
    notes: z.array(z.string()).optional(),
  })
  .strict();
export type SessionView = z.infer<typeof SessionViewSchema>;

export const SessionsSnapshotSchema = z.object({
  /** The profile Roledeck treats as "in use" (tray, title bar); null when none. */
  activeProfileId: z.string().nullable(),
  sessions: z.array(SessionViewSchema),
});
export type SessionsSnapshot = z.infer<typeof SessionsSnapshotSchema>;

/** An open MFA prompt: which device, which profile asked, and what went wrong with the last code. */
export const MfaPromptSchema = z
  .object({
    id: z.string(),
    deviceSerial: z.string(),
    profileName: z.string(),
    /** Why a code is needed, for people: "to start an MFA session for consultant (12 h)". */
    reason: z.string(),
    /** 1 for the first ask; higher after a rejected code. */
    attempt: z.number().int().positive(),
    /** Set after a rejected code: what happened and what to do. */
    problem: z.string().optional(),
    /** How many callers are waiting on this one prompt. */
    waiting: z.number().int().positive(),
    requestedAt: z.number(),
  })
  .strict();
export type MfaPrompt = z.infer<typeof MfaPromptSchema>;

export const MfaCodeSchema = z.string().max(6, 'An MFA code is the 6 digits your device shows').regex(/^\d{6}$/, 'An MFA code is the 6 digits your device shows');

/** What "Test access" concluded. */
export const AccessCauseSchema = z.enum([
  'trust-policy',
  'external-id',
  'mfa-required',
  'mfa-code',
  'role-not-allowed',
  'keys-invalid',
  'session-expired',
  'clock-skew',
  'duration',
  'permissions',
  'region-disabled',
  'network',
  'cancelled',
  'unknown',
]);
export type AccessCause = z.infer<typeof AccessCauseSchema>;

/** The step of the chain that failed, as the diagnosis read it (shared/logic/access-diagnosis AccessStep). */
export const AccessStepSchema = z
  .object({
    profileName: z.string(),
    operation: z.enum(['GetSessionToken', 'AssumeRole', 'GetCallerIdentity', 'Prepare']),
    roleArn: z.string().optional(),
    hasExternalId: z.boolean().optional(),
    source: z.enum(['user-keys', 'mfa-session', 'role']).optional(),
    signedBy: z.string().optional(),
    mfa: z.enum(['code', 'inherited', 'none']).optional(),
    durationSeconds: z.number().optional(),
  })
  .strict();

export const TestAccessResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    arn: z.string(),
    account: z.string(),
    chain: z.array(z.string()),
    elapsedMs: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    /** The profile in the chain whose step failed. */
    failedAt: z.string(),
    /** That step in words: "assuming acme-prod with consultant’s keys (AssumeRole)". */
    step: z.string(),
    cause: AccessCauseSchema,
    /** Plain words: what most likely went wrong and what to check. */
    explanation: z.string(),
    awsCode: z.string().optional(),
    awsMessage: z.string().optional(),
    chain: z.array(z.string()),
    /** What the failed step was (operation, role, MFA), so callers such as "verify all" can say what broke. */
    failedStep: AccessStepSchema.optional(),
  }),
]);
export type TestAccessResult = z.infer<typeof TestAccessResultSchema>;
