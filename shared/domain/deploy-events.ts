import { z } from 'zod';

/**
 * A DescribeStackEvents entry as Roledeck carries it: the gateway maps the SDK's StackEvent to this
 * (Timestamp as epoch ms), and it crosses IPC unchanged as the live deploy event.
 */
export const StackEventSchema = z.object({
  eventId: z.string(),
  /** The ARN of the stack the event belongs to: the deployed stack, or one of its nested stacks. */
  stackId: z.string(),
  stackName: z.string(),
  logicalId: z.string(),
  /** For the stack itself this is the stack ARN; for a nested stack resource, the nested stack's ARN. */
  physicalId: z.string().optional(),
  resourceType: z.string(),
  /** CREATE_IN_PROGRESS, CREATE_COMPLETE, UPDATE_ROLLBACK_IN_PROGRESS, DELETE_SKIPPED … */
  status: z.string(),
  statusReason: z.string().optional(),
  /** Epoch ms. */
  timestamp: z.number(),
});
export type StackEvent = z.infer<typeof StackEventSchema>;

/** Where a deploy stands, from the events seen so far. */
export const DeployPhaseSchema = z.enum([
  'in-progress',
  /** Something failed; CloudFormation is undoing the changes. */
  'rolling-back',
  'succeeded',
  'failed',
]);
export type DeployPhase = z.infer<typeof DeployPhaseSchema>;

/** The first resource that really failed (not one cancelled because another failed). */
export const DeployFailureSchema = z.object({
  /** Logical IDs from the deployed stack down: ['Network', 'PrivateSubnet'] for a nested stack's resource. */
  path: z.array(z.string()),
  resourceType: z.string(),
  status: z.string(),
  reason: z.string(),
  /** The nested stack's ARN when the failure is inside one whose events were not read yet. */
  nestedStackId: z.string().optional(),
});
export type DeployFailure = z.infer<typeof DeployFailureSchema>;

export const DeployProgressSchema = z.object({
  phase: DeployPhaseSchema,
  /** The deployed stack's latest status, once an event has said it. */
  stackStatus: z.string().optional(),
  /** Resources of the deployed stack that reached a final state in this operation. */
  completed: z.number(),
  total: z.number(),
  /** 0–1 for the progress bar; 1 once the stack is finished, whatever the count says. */
  fraction: z.number(),
  failure: DeployFailureSchema.optional(),
  /** Set once a rollback started: how it went. */
  rollback: z.enum(['in-progress', 'complete', 'failed']).optional(),
});
export type DeployProgress = z.infer<typeof DeployProgressSchema>;
