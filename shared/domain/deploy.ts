import { z } from 'zod';
import { AccountIdSchema, RegionSchema } from './aws-rules';
import { CapabilitySchema } from './deploy-template';
import { ProfileIdSchema } from './profile';

/**
 * One-click test deploys: the recipe a profile remembers (template, stack, parameters, tags) and
 * the history of runs. Rules from the CloudFormation API reference (CreateStack, Parameter, Tag)
 * and the CloudFormation quotas page.
 */

const STACK_NAME_RULE = 'A stack name is 1–128 letters, digits and hyphens, starting with a letter';

/** CreateStack StackName: `[a-zA-Z][-a-zA-Z0-9]*`, at most 128 characters. */
export const StackNameSchema = z
  .string()
  .min(1, STACK_NAME_RULE)
  .max(128, STACK_NAME_RULE)
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, STACK_NAME_RULE);

const BUCKET_RULE =
  'A bucket name is 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit';

/** S3 bucket naming rules (general purpose buckets), for the upload of templates over 51,200 bytes. */
export const S3BucketNameSchema = z
  .string()
  .min(3, BUCKET_RULE)
  .max(63, BUCKET_RULE)
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, BUCKET_RULE)
  .refine((name) => !name.includes('..'), 'A bucket name may not contain two dots in a row')
  .refine((name) => !/^\d+\.\d+\.\d+\.\d+$/.test(name), 'A bucket name may not look like an IP address');

/** Template parameter names are alphanumeric (CloudFormation: "must be alphanumeric"). */
export const ParameterKeySchema = z
  .string()
  .min(1, 'A parameter name is 1–255 letters and digits')
  .max(255, 'A parameter name is 1–255 letters and digits')
  .regex(/^[A-Za-z0-9]+$/, 'A parameter name is 1–255 letters and digits');

/** CloudFormation takes at most 4,096 bytes per parameter value (its quotas); characters never exceed bytes. */
const ParameterTextSchema = z.string().max(4096, 'A parameter value is at most 4,096 bytes');

/** One value for the stack: given, or "keep the value the stack has" on an update. */
export const ParameterValueSchema = z.union([
  z.object({ key: ParameterKeySchema, value: ParameterTextSchema }),
  z.object({ key: ParameterKeySchema, usePreviousValue: z.literal(true) }),
]);
export type ParameterValue = z.infer<typeof ParameterValueSchema>;

/** Stack tags (CloudFormation Tag): key 1–128 characters, value 0–256; `aws:` is reserved. */
export const StackTagSchema = z.object({
  key: z
    .string()
    .min(1, 'A tag key is 1–128 characters')
    .max(128, 'A tag key is 1–128 characters')
    .refine((key) => !key.toLowerCase().startsWith('aws:'), 'A tag key may not start with aws: (reserved for AWS)'),
  value: z.string().max(256, 'A tag value is at most 256 characters'),
});
export type StackTag = z.infer<typeof StackTagSchema>;

/** CreateStack takes at most 50 tags. */
export const StackTagsSchema = z
  .array(StackTagSchema)
  .max(50, 'A stack takes at most 50 tags')
  .refine((tags) => new Set(tags.map((tag) => tag.key)).size === tags.length, 'each tag key may appear only once');

/**
 * What a profile remembers for its next one-click deploy. NoEcho parameter values are never part
 * of it: `stripNoEchoValues` (shared/logic/cloudformation-recipe.ts) removes them before saving.
 */
export const DeployRecipeSchema = z.object({
  profileId: ProfileIdSchema,
  /**
   * Where the template came from: its absolute path (the CLI), or the file name the window was
   * given (a page learns no paths).
   */
  templatePath: z.string().min(1, 'Choose a template file'),
  /**
   * The template text that was deployed, so "Deploy again" needs no file: the window cannot read
   * a path, and a test deploy re-runs what was reviewed last. At most 1 MB (CloudFormation's limit).
   */
  templateBody: z.string().max(1_048_576, 'A template is at most 1 MB').optional(),
  stackName: StackNameSchema,
  region: RegionSchema.optional(),
  parameters: z.array(z.object({ key: ParameterKeySchema, value: ParameterTextSchema })),
  tags: StackTagsSchema,
  /** Where templates over 51,200 bytes are uploaded. */
  s3Bucket: S3BucketNameSchema.optional(),
  /** Capabilities acknowledged beyond the ones the template shows (its nested stacks' needs). */
  capabilities: z.array(CapabilitySchema).optional(),
  updatedAt: z.number(),
});
export type DeployRecipe = z.infer<typeof DeployRecipeSchema>;

export const DeployOperationSchema = z.enum(['create', 'update', 'delete']);
export type DeployOperation = z.infer<typeof DeployOperationSchema>;

export const DeployRunStatusSchema = z.enum([
  'running',
  /** The stack reached CREATE_COMPLETE, UPDATE_COMPLETE or DELETE_COMPLETE. */
  'succeeded',
  /** The stack failed and rolled back (or could not roll back); `failure` says why. */
  'failed',
  /** The change set was empty: nothing was deployed. */
  'no-changes',
  /** The user discarded the change set, or cancelled the update. */
  'cancelled',
  /** The change set was created and kept for later (`--no-execute`); nothing changed yet. */
  'kept',
]);
export type DeployRunStatus = z.infer<typeof DeployRunStatusSchema>;

/** One entry of the deploy history: which identity changed which stack, when, and how it ended. */
export const DeployRunSchema = z.object({
  id: z.string().min(1),
  profileId: ProfileIdSchema,
  operation: DeployOperationSchema,
  stackName: StackNameSchema,
  /** The stack's ARN, once CloudFormation has one. */
  stackId: z.string().optional(),
  region: RegionSchema,
  accountId: AccountIdSchema,
  /** The caller identity ARN (sts:GetCallerIdentity) that ran the deploy. */
  identityArn: z.string().min(1),
  status: DeployRunStatusSchema,
  /** Epoch ms. */
  startedAt: z.number(),
  endedAt: z.number().optional(),
  durationMs: z.number().nonnegative().optional(),
  /** Rows of the executed change set (0 for no changes). */
  changeCount: z.number().int().nonnegative(),
  /** The first failing resource and its reason, for a failed run. */
  failure: z.string().optional(),
  /** The final stack status (CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE …). */
  finalStatus: z.string().optional(),
});
export type DeployRun = z.infer<typeof DeployRunSchema>;
