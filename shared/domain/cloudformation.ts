import { z } from 'zod';

/**
 * CloudFormation as Roledeck shows it: stacks, change sets, their changes and events. Times are
 * epoch milliseconds. Statuses stay AWS's own strings (CREATE_COMPLETE, UPDATE_ROLLBACK_FAILED ...):
 * AWS adds new ones, and the console words are what people search for.
 */

export const StackOutputSchema = z.object({
  key: z.string(),
  value: z.string(),
  description: z.string().optional(),
  exportName: z.string().optional(),
});
export type StackOutput = z.infer<typeof StackOutputSchema>;

export const StackParameterSchema = z.object({
  key: z.string(),
  /** `****` for a NoEcho parameter: AWS never returns its value. */
  value: z.string(),
  /** The value an SSM parameter type resolved to. */
  resolvedValue: z.string().optional(),
});
export type StackParameter = z.infer<typeof StackParameterSchema>;

export const TagSchema = z.object({ key: z.string(), value: z.string() });
export type Tag = z.infer<typeof TagSchema>;

export const StackDescriptionSchema = z.object({
  stackId: z.string(),
  stackName: z.string(),
  status: z.string(),
  statusReason: z.string().optional(),
  description: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number().optional(),
  outputs: z.array(StackOutputSchema),
  parameters: z.array(StackParameterSchema),
  capabilities: z.array(z.string()),
  tags: z.array(TagSchema),
});
export type StackDescription = z.infer<typeof StackDescriptionSchema>;

export const ResourceChangeSchema = z.object({
  /** Add, Modify, Remove, Import, Dynamic, SyncWithActual. */
  action: z.string(),
  logicalId: z.string(),
  /** Absent for a resource that does not exist yet. */
  physicalId: z.string().optional(),
  resourceType: z.string(),
  /** For Modify: 'True' (the resource is replaced, its data may be lost), 'False' or 'Conditional'. */
  replacement: z.enum(['True', 'False', 'Conditional']).optional(),
  /** What changes: Properties, Metadata, CreationPolicy, UpdatePolicy, DeletionPolicy, Tags ... */
  scope: z.array(z.string()),
  /** What a DeletionPolicy / UpdateReplacePolicy does to the old resource: Delete, Retain, Snapshot, ReplaceAndRetain … */
  policyAction: z.string().optional(),
});
export type ResourceChange = z.infer<typeof ResourceChangeSchema>;

export const ChangeSetDescriptionSchema = z.object({
  changeSetId: z.string(),
  changeSetName: z.string(),
  stackId: z.string(),
  stackName: z.string(),
  /** CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_COMPLETE, FAILED, DELETE_* */
  status: z.string(),
  /** UNAVAILABLE, AVAILABLE, EXECUTE_IN_PROGRESS, EXECUTE_COMPLETE, EXECUTE_FAILED, OBSOLETE */
  executionStatus: z.string().optional(),
  statusReason: z.string().optional(),
  createdAt: z.number().optional(),
  /** Every page of the change set's resource changes, in AWS's order. */
  changes: z.array(ResourceChangeSchema),
});
export type ChangeSetDescription = z.infer<typeof ChangeSetDescriptionSchema>;

/** Defined once, with the live deploy events that carry it across IPC. */
export { StackEventSchema, type StackEvent } from './deploy-events';

export const StackResourceSchema = z.object({
  logicalId: z.string(),
  physicalId: z.string().optional(),
  resourceType: z.string(),
  status: z.string(),
  statusReason: z.string().optional(),
  updatedAt: z.number(),
});
export type StackResource = z.infer<typeof StackResourceSchema>;

export const TemplateValidationSchema = z.object({
  description: z.string().optional(),
  parameters: z.array(
    z.object({
      key: z.string(),
      defaultValue: z.string().optional(),
      noEcho: z.boolean(),
      description: z.string().optional(),
    }),
  ),
  /** Capabilities the template needs acknowledged (CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND). */
  capabilities: z.array(z.string()),
  capabilitiesReason: z.string().optional(),
  declaredTransforms: z.array(z.string()),
});
export type TemplateValidation = z.infer<typeof TemplateValidationSchema>;
