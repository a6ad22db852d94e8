import { z } from 'zod';
import { StackOutputSchema } from './cloudformation';
import {
  DeployOperationSchema,
  DeployRunStatusSchema,
  ParameterValueSchema,
  S3BucketNameSchema,
  StackNameSchema,
  StackTagsSchema,
} from './deploy';
import { ChangeSetReviewSchema } from './deploy-change-set';
import { DeployFailureSchema, DeployProgressSchema, StackEventSchema } from './deploy-events';
import { CapabilitySchema, TemplateProblemSchema, TemplateSummarySchema } from './deploy-template';
import { RegionSchema } from './aws-rules';

/**
 * A test deploy as it crosses IPC and reaches the CLI: the target it goes to, the request, the
 * change set to review, the live run and how it ended. The same shapes serve the window and
 * `roledeck deploy`, so both say the same things.
 */

/** The longest template text accepted over IPC: CloudFormation's 1 MB, counted in characters (≤ bytes). */
export const TEMPLATE_TEXT_MAX_CHARS = 1_048_576;

/** Where a deploy goes, shown before anything runs and for the whole run. */
export const DeployTargetSchema = z.object({
  profileId: z.string(),
  profileName: z.string(),
  accountId: z.string(),
  region: z.string(),
  /** The caller identity (sts:GetCallerIdentity) that signs every call: an assumed-role ARN. */
  identityArn: z.string(),
  /** A production profile: deploys and deletes need the account ID typed to confirm. */
  production: z.boolean(),
  /** The customer (profile label), when there is one. */
  customer: z.string().optional(),
});
export type DeployTarget = z.infer<typeof DeployTargetSchema>;

/** The template analysis the form is built from (`analyzeTemplate`, run on the main side). */
export const TemplateAnalysisSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), summary: TemplateSummarySchema }),
  z.object({ ok: z.literal(false), problem: TemplateProblemSchema }),
]);

/** The typed account ID a production target needs; spaces and hyphens are allowed. */
const ConfirmAccountSchema = z.string().max(32);

/** What a deploy needs: the template, the stack, its inputs, and what the user acknowledged. */
export const DeployRequestSchema = z
  .object({
    profileId: z.string().min(1).max(128),
    template: z
      .object({
        text: z.string().max(TEMPLATE_TEXT_MAX_CHARS, 'A template is at most 1 MB'),
        /** The file's path (CLI) or name (window), remembered for the next deploy. */
        source: z.string().min(1).max(4096),
      })
      .strict(),
    stackName: z.string().max(256),
    parameters: z.array(ParameterValueSchema).max(200),
    tags: StackTagsSchema,
    /** Capabilities the user acknowledged; every one the template needs must be among them. */
    capabilities: z.array(CapabilitySchema),
    s3Bucket: S3BucketNameSchema.optional(),
    region: RegionSchema.optional(),
    confirmAccount: ConfirmAccountSchema.optional(),
  })
  .strict();
export type DeployRequest = z.infer<typeof DeployRequestSchema>;

/** A change set ready to execute: everything the review screen shows. */
export const ChangeSetReadySchema = z.object({
  kind: z.literal('review'),
  runId: z.string(),
  target: DeployTargetSchema,
  stackName: StackNameSchema,
  operation: DeployOperationSchema,
  changeSetName: z.string(),
  review: ChangeSetReviewSchema,
  capabilities: z.array(CapabilitySchema),
  /** How the template reached CloudFormation: inline, or from the S3 object named here. */
  templateUrl: z.string().optional(),
  /** Notes from the template analysis ("a transform expands it …"). */
  notes: z.array(z.string()),
});
export type ChangeSetReady = z.infer<typeof ChangeSetReadySchema>;

/** CloudFormation has nothing to do: a normal outcome, "up to date". */
export const UpToDateSchema = z.object({
  kind: z.literal('no-changes'),
  target: DeployTargetSchema,
  stackName: StackNameSchema,
  /** AWS's own words (a FAILED change set's reason, or "No updates are to be performed."). */
  message: z.string(),
});

export const PreparedDeploySchema = z.discriminatedUnion('kind', [ChangeSetReadySchema, UpToDateSchema]);
export type PreparedDeploy = z.infer<typeof PreparedDeploySchema>;

/** How a run ended. */
export const DeployOutcomeSchema = z.object({
  runId: z.string(),
  operation: DeployOperationSchema,
  stackName: z.string(),
  stackId: z.string().optional(),
  status: DeployRunStatusSchema.exclude(['running']),
  /** CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, DELETE_COMPLETE … */
  finalStatus: z.string().optional(),
  outputs: z.array(StackOutputSchema),
  /** The first resource that really failed, with its reason (nested stacks named by path). */
  failure: DeployFailureSchema.optional(),
  /** One line for people: the failing resource, its status and reason, or the AWS error that stopped the run. */
  failureText: z.string().optional(),
  /** Set once a rollback started: how it went. */
  rollback: z.enum(['in-progress', 'complete', 'failed']).optional(),
  /** From the start of the stack operation to its end. */
  durationMs: z.number(),
  changeCount: z.number(),
});
export type DeployOutcome = z.infer<typeof DeployOutcomeSchema>;

/** A run in flight or just ended, as a window that opens the section mid-run needs it. */
export const DeployRunViewSchema = z.object({
  runId: z.string(),
  target: DeployTargetSchema,
  stackName: z.string(),
  operation: DeployOperationSchema,
  startedAt: z.number(),
  /** Every event of this run so far, oldest first. */
  events: z.array(StackEventSchema),
  progress: DeployProgressSchema,
  outcome: DeployOutcomeSchema.optional(),
});
export type DeployRunView = z.infer<typeof DeployRunViewSchema>;

/** What the window offers for "Deploy again": the remembered recipe, its template analysed. */
export const RecipeViewSchema = z.object({
  templateSource: z.string(),
  stackName: z.string(),
  region: z.string().optional(),
  parameters: z.array(z.object({ key: z.string(), value: z.string() })),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  s3Bucket: z.string().optional(),
  capabilities: z.array(CapabilitySchema),
  updatedAt: z.number(),
  /** The remembered template's analysis; absent when the recipe kept no template text. */
  summary: TemplateSummarySchema.optional(),
});
export type RecipeView = z.infer<typeof RecipeViewSchema>;
