import { z } from 'zod';

/**
 * A temporary session as Roledeck caches it in the OS keychain (one JSON document per item; the
 * names are in keychain-items.ts). The app, the CLI and a restarted app all read what another
 * process wrote, so the document is parsed, never trusted. The CLI's quick credential_process
 * path reads the same fields without this schema (cached-credential-process.ts): change them
 * only together with it, and bump `v`.
 */

/** One hop of the chain as the next refresh will walk it, target first, IAM user last. */
export const PlanStepSchema = z.object({
  profileId: z.string(),
  kind: z.enum(['role', 'user']),
  /** Role: the device it needs a code from on every AssumeRole; user: its MFA device (GetSessionToken). */
  mfaSerial: z.string().optional(),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const CachedSessionSchema = z.object({
  v: z.literal(1),
  kind: z.enum(['role', 'mfa-session']),
  profileId: z.string(),
  /** The profile fields the session was obtained with: an edited profile does not reuse it. */
  fingerprint: z.string(),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1),
  obtainedAt: z.number(),
  expiresAt: z.number(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  /** Whether the session carries MFA context (roles assumed from it need no code of their own). */
  mfaContext: z.boolean(),
  plan: z.array(PlanStepSchema),
  notes: z.array(z.string()).optional(),
});
export type CachedSession = z.infer<typeof CachedSessionSchema>;
