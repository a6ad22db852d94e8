import { z } from 'zod';

/** IAM as Roledeck reads it: who a user or role is, and what the policy simulator decides. Times are epoch ms. */

/** AWS's three outcomes: allowed, denied by a Deny statement, or denied because nothing allows it. */
export const PolicyDecisionSchema = z.enum(['allowed', 'explicitDeny', 'implicitDeny']);
export type PolicyDecision = z.infer<typeof PolicyDecisionSchema>;

export const PolicySimulationResultSchema = z.object({
  action: z.string(),
  /** '*' when the simulation named no resource. */
  resource: z.string(),
  decision: PolicyDecisionSchema,
  /** The policies whose statements decided it (policy names or ARNs, as AWS reports them). */
  matchedPolicies: z.array(z.string()),
  /** Condition keys the policies use that the simulation had no value for (the result may differ in real use). */
  missingContextKeys: z.array(z.string()),
  /** False when an SCP of the organization denies it; absent when no SCP applies. */
  allowedByOrganizations: z.boolean().optional(),
  /** False when the principal's permissions boundary denies it. */
  allowedByPermissionsBoundary: z.boolean().optional(),
});
export type PolicySimulationResult = z.infer<typeof PolicySimulationResultSchema>;

export const IamUserSchema = z.object({
  userName: z.string(),
  userId: z.string(),
  arn: z.string(),
  path: z.string(),
  createdAt: z.number(),
});
export type IamUser = z.infer<typeof IamUserSchema>;

export const IamRoleSchema = z.object({
  roleName: z.string(),
  roleId: z.string(),
  arn: z.string(),
  path: z.string(),
  createdAt: z.number(),
  description: z.string().optional(),
  /** The longest session AssumeRole may ask for (3,600–43,200 s). */
  maxSessionDurationSeconds: z.number(),
  /** The trust policy as JSON text (AWS returns it URL-encoded; this is decoded). */
  trustPolicy: z.string(),
});
export type IamRole = z.infer<typeof IamRoleSchema>;
