import { z } from 'zod';

/**
 * The audit log as it crosses IPC (`audit.*` channels): entries (never a secret: they are redacted
 * when written), the filter the Audit view and `roledeck audit` share, and the chain's state.
 */
const Text = z.string().max(2_000);

export const AuditEntrySchema = z.object({
  at: z.number(),
  action: Text,
  profileId: Text.optional(),
  profileName: Text.optional(),
  customer: Text.optional(),
  identity: Text.optional(),
  result: z.enum(['ok', 'failed']),
  detail: Text.optional(),
  facts: z.record(z.string().max(64), z.union([Text, z.number(), z.boolean()])).optional(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditFilterSchema = z
  .object({
    action: z.string().max(128).optional(),
    profile: z.string().max(256).optional(),
    customer: z.string().max(256).optional(),
    result: z.enum(['ok', 'failed']).optional(),
    since: z.number().int().nonnegative().optional(),
    text: z.string().max(256).optional(),
  })
  .strict();

export const AuditProblemSchema = z.object({
  kind: z.enum(['garbled', 'edited', 'deleted', 'reordered', 'truncated', 'missing-file']),
  file: z.string(),
  line: z.number().int().nonnegative(),
  message: z.string(),
});

export const ChainReportSchema = z.object({
  ok: z.boolean(),
  verified: z.number().int().nonnegative(),
  problems: z.array(AuditProblemSchema),
  torn: z.boolean(),
});

export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv'] as const;

export const AuditExportRequestSchema = z.object({ format: z.enum(AUDIT_EXPORT_FORMATS), filter: AuditFilterSchema }).strict();

/** The export as text; the window saves it as a download (like onboarding's artefacts). */
export const AuditExportSchema = z.object({ fileName: z.string(), mediaType: z.string(), content: z.string(), count: z.number().int().nonnegative() });
