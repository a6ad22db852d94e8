import { z } from 'zod';

/**
 * A change set as the review screen shows it. The gateway maps DescribeChangeSet's
 * `Changes[].ResourceChange` to `ChangeSetChange`; `shared/logic/cloudformation-change-set.ts`
 * turns those into rows, a summary and warnings.
 */

export const CHANGE_ACTIONS = ['Add', 'Modify', 'Remove', 'Import', 'Dynamic'] as const;
export const ChangeActionSchema = z.enum(CHANGE_ACTIONS);
export type ChangeAction = z.infer<typeof ChangeActionSchema>;

/** Whether CloudFormation replaces the resource (a new physical resource; the old one is deleted). */
export const ReplacementSchema = z.enum(['True', 'Conditional', 'False']);
export type Replacement = z.infer<typeof ReplacementSchema>;

/** One ResourceChange, fields as CloudFormation names them (all optional, as in the API). */
export interface ChangeSetChange {
  action?: string | undefined;
  logicalId?: string | undefined;
  physicalId?: string | undefined;
  resourceType?: string | undefined;
  replacement?: string | undefined;
  /** Properties, Metadata, CreationPolicy, UpdatePolicy, DeletionPolicy, UpdateReplacePolicy, Tags. */
  scope?: readonly string[] | undefined;
  /** Delete, Retain, Snapshot, ReplaceAndDelete, ReplaceAndRetain, ReplaceAndSnapshot. */
  policyAction?: string | undefined;
}

export const ChangeRowSchema = z.object({
  action: ChangeActionSchema,
  logicalId: z.string(),
  physicalId: z.string().optional(),
  resourceType: z.string(),
  /** Only for Modify: whether the resource is replaced. */
  replacement: ReplacementSchema.optional(),
  scope: z.array(z.string()),
  /** True for a resource that holds data (database, table, bucket, file system). */
  stateful: z.boolean(),
});
export type ChangeRow = z.infer<typeof ChangeRowSchema>;

export const ChangeWarningSchema = z.object({
  logicalId: z.string(),
  resourceType: z.string(),
  kind: z.enum(['replace', 'may-replace', 'remove']),
  /** Names the resource and says what happens to its data. */
  message: z.string(),
});
export type ChangeWarning = z.infer<typeof ChangeWarningSchema>;

export const ChangeSummarySchema = z.object({
  add: z.number(),
  modify: z.number(),
  remove: z.number(),
  import: z.number(),
  dynamic: z.number(),
  /** Modify rows with Replacement True. */
  replace: z.number(),
  /** Modify rows with Replacement Conditional. */
  mayReplace: z.number(),
  total: z.number(),
  /** "2 to add, 1 to change (1 replaced), 1 to remove". */
  headline: z.string(),
});
export type ChangeSummary = z.infer<typeof ChangeSummarySchema>;

export const ChangeSetReviewSchema = z.object({
  rows: z.array(ChangeRowSchema),
  summary: ChangeSummarySchema,
  warnings: z.array(ChangeWarningSchema),
});
export type ChangeSetReview = z.infer<typeof ChangeSetReviewSchema>;
