import { z } from 'zod';
import { SKIP_KINDS } from '../logic/aws-config-import';

/** The ~/.aws import preview as it crosses IPC: no secret in it (the plan's secrets stay in main), key IDs masked. */
export const PlannedProfileSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('iam-user'),
    name: z.string(),
    /** Masked in main (AKIA••••••••••••MPLE): the whole key ID never crosses IPC. */
    accessKeyIdMasked: z.string(),
    mfaSerial: z.string().optional(),
    region: z.string().optional(),
  }),
  z.object({
    kind: z.literal('role'),
    name: z.string(),
    source: z.string(),
    sourceIsExisting: z.boolean(),
    chain: z.array(z.string()),
    roleArn: z.string(),
    externalId: z.string().optional(),
    mfaSerial: z.string().optional(),
    sessionName: z.string().optional(),
    durationSeconds: z.number().optional(),
    region: z.string().optional(),
  }),
]);

export const ImportPreviewSchema = z.object({
  create: z.array(PlannedProfileSchema),
  skipped: z.array(z.object({ name: z.string(), kind: z.enum(SKIP_KINDS), reason: z.string() })),
  summary: z.string(),
  files: z.object({ config: z.string(), credentials: z.string() }),
});
export type ImportPreviewView = z.infer<typeof ImportPreviewSchema>;
