import { z } from 'zod';

/**
 * What Roledeck learns from a CloudFormation template before any AWS call: its parameters, the
 * capabilities to acknowledge, how it must be uploaded and how many resources the progress bar
 * counts. Built by `shared/logic/cloudformation-template.ts`; crosses IPC to the deploy form.
 */

export const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;
export const CapabilitySchema = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof CapabilitySchema>;

/**
 * One entry of the template's Parameters section. Every constraint is kept as the template wrote
 * it: numbers and defaults as the source text (a YAML `Default: 012345678901` stays an account ID,
 * not the number 12345678901).
 */
export const TemplateParameterSchema = z.object({
  name: z.string(),
  /** String, Number, List<Number>, CommaDelimitedList, AWS::EC2::VPC::Id, AWS::SSM::Parameter::Value<String> … */
  type: z.string(),
  default: z.string().optional(),
  allowedValues: z.array(z.string()).optional(),
  allowedPattern: z.string().optional(),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
  minValue: z.number().optional(),
  maxValue: z.number().optional(),
  description: z.string().optional(),
  constraintDescription: z.string().optional(),
  /** CloudFormation masks the value in every answer; Roledeck never stores it in a recipe. */
  noEcho: z.boolean(),
});
export type TemplateParameter = z.infer<typeof TemplateParameterSchema>;

/** Why a capability is needed, for the acknowledgement the user ticks. */
export const CapabilityNeedSchema = z.object({
  capability: CapabilitySchema,
  reason: z.string(),
  /** Logical IDs (or transform names) that need it. */
  because: z.array(z.string()),
});
export type CapabilityNeed = z.infer<typeof CapabilityNeedSchema>;

/** How the template body reaches CloudFormation. */
export const TemplateUploadSchema = z.enum([
  /** TemplateBody in the request (≤ 51,200 bytes). */
  'inline',
  /** Too large for TemplateBody: uploaded to an S3 bucket the user names, passed as TemplateURL. */
  's3',
]);
export type TemplateUpload = z.infer<typeof TemplateUploadSchema>;

/** A resource that holds data (database, table, bucket, file system): the guardrails name these. */
export const StatefulResourceSchema = z.object({
  logicalId: z.string(),
  type: z.string(),
  /** The template's DeletionPolicy when it is a plain string (Retain, Snapshot, Delete, RetainExceptOnCreate). */
  deletionPolicy: z.string().optional(),
});
export type StatefulResource = z.infer<typeof StatefulResourceSchema>;

export const TemplateSummarySchema = z.object({
  format: z.enum(['json', 'yaml']),
  description: z.string().optional(),
  /** UTF-8 bytes: CloudFormation's size quotas count bytes. */
  sizeBytes: z.number(),
  upload: TemplateUploadSchema,
  parameters: z.array(TemplateParameterSchema),
  /** The capabilities to pass, smallest sufficient set (NAMED_IAM covers IAM). */
  capabilities: z.array(CapabilitySchema),
  capabilityNeeds: z.array(CapabilityNeedSchema),
  /** Entries in Resources: the progress bar's total for a new stack. */
  resourceCount: z.number(),
  /** Of those, the ones with a Condition, which may not be created. */
  conditionalResourceCount: z.number(),
  /**
   * False when CloudFormation will create a different number of resources than the template lists:
   * a transform (SAM) expands it, or a Fn::ForEach loop multiplies it.
   */
  resourceCountExact: z.boolean(),
  /** Transform names, top-level and Fn::Transform (AWS::Serverless-2016-10-31, AWS::Include …). */
  transforms: z.array(z.string()),
  /** Logical IDs of nested stacks (AWS::CloudFormation::Stack, AWS::Serverless::Application). */
  nestedStacks: z.array(z.string()),
  statefulResources: z.array(StatefulResourceSchema),
  /** Things the user should know before deploying, one sentence each. */
  notes: z.array(z.string()),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TEMPLATE_PROBLEM_CODES = [
  /** Over 1 MB: CloudFormation refuses it even from S3. */
  'too-large',
  /** Empty, or whitespace and comments only. */
  'empty',
  /** Not valid YAML or JSON. */
  'syntax',
  /** A `!Tag` that is not one of CloudFormation's short forms. */
  'unknown-tag',
  /** A known short form used with the wrong kind of value (`!Ref [a, b]`). */
  'tag-form',
  /** Valid YAML or JSON, but not a CloudFormation template (no Resources, a resource without Type …). */
  'not-a-template',
] as const;
export const TemplateProblemCodeSchema = z.enum(TEMPLATE_PROBLEM_CODES);

export const TemplateProblemSchema = z.object({
  code: TemplateProblemCodeSchema,
  /** Says what is wrong and where, and what to do. */
  message: z.string(),
  /** 1-based, when the problem has a place in the file. */
  line: z.number().optional(),
  column: z.number().optional(),
});
export type TemplateProblem = z.infer<typeof TemplateProblemSchema>;
