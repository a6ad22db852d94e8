import { z } from 'zod';

/**
 * Taking plaintext keys off disk, as it crosses IPC: profile names, masked key IDs and file paths,
 * never a secret. The rules are in shared/logic/plaintext-keys.ts.
 */
const KeptSchema = z.object({ awsProfile: z.string(), reason: z.string() });

export const PlaintextKeysPreviewSchema = z.object({
  files: z.object({ config: z.string(), credentials: z.string() }),
  /** Profiles whose key lines can go: the keychain holds the same key. */
  ready: z.array(
    z.object({
      awsProfile: z.string(),
      user: z.object({ id: z.string(), name: z.string() }),
      accessKeyIdMasked: z.string(),
      mfa: z.boolean(),
    }),
  ),
  kept: z.array(KeptSchema),
  /** Why the AWS CLI cannot run the credential_process line yet (the CLI is not on PATH). */
  warning: z.string().optional(),
});
export type PlaintextKeysPreview = z.infer<typeof PlaintextKeysPreviewSchema>;

export const RemovePlaintextKeysRequestSchema = z
  .object({
    /** The profiles the person confirmed, by their ~/.aws names; nothing else is touched. */
    awsProfiles: z.array(z.string().min(1).max(128)).min(1).max(500),
    confirmed: z.literal(true),
  })
  .strict();

export const PlaintextKeysResultSchema = z.object({
  files: z.object({ config: z.string(), credentials: z.string() }),
  removed: z.array(z.string()),
  kept: z.array(KeptSchema),
  /** Backups written before the edits (the credentials backup leaves the moved secrets out). */
  backups: z.object({ config: z.string().optional(), credentials: z.string().optional() }),
  warning: z.string().optional(),
});
export type PlaintextKeysResult = z.infer<typeof PlaintextKeysResultSchema>;
