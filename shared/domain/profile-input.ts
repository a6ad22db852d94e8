import { z } from 'zod';
import {
  AccessKeyIdSchema,
  AccountIdSchema,
  ExternalIdSchema,
  MfaSerialSchema,
  PARTITIONS,
  RegionSchema,
  RoleArnSchema,
  RoleDurationSchema,
  RoleNameSchema,
  RoleSessionNameSchema,
  SecretAccessKeySchema,
  SessionTagsSchema,
  SourceIdentitySchema,
} from './aws-rules';
import { ColorSchema, ProfileIdSchema, ProfileNameSchema } from './profile';

/**
 * What a person types to create or edit a profile, from the UI, the CLI or an import. Shared so
 * the form validates inline with exactly the rules the main side enforces.
 */
const presentation = {
  label: z.string().trim().max(80, 'A label is at most 80 characters').optional(),
  color: ColorSchema.optional(),
  favorite: z.boolean().optional(),
};

export const AddUserInputSchema = z
  .object({
    name: ProfileNameSchema,
    accessKeyId: AccessKeyIdSchema,
    /** Write-only: stored in the keychain, never returned. */
    secretAccessKey: SecretAccessKeySchema,
    mfaSerial: MfaSerialSchema.optional(),
    region: RegionSchema.optional(),
    ...presentation,
  })
  .strict();
export type AddUserInput = z.infer<typeof AddUserInputSchema>;

const roleFields = {
  name: ProfileNameSchema,
  /** The profile whose credentials assume this role: an IAM user, or a role (a chain). */
  source: ProfileNameSchema,
  roleArn: RoleArnSchema.optional(),
  accountId: AccountIdSchema.optional(),
  roleName: RoleNameSchema.optional(),
  partition: z.enum(PARTITIONS).optional(),
  externalId: ExternalIdSchema.optional(),
  mfaSerial: MfaSerialSchema.optional(),
  sessionName: RoleSessionNameSchema.optional(),
  durationSeconds: RoleDurationSchema.optional(),
  region: RegionSchema.optional(),
  sourceIdentity: SourceIdentitySchema.optional(),
  tags: SessionTagsSchema.optional(),
  ...presentation,
};

type RoleTarget = { roleArn?: string | undefined; accountId?: string | undefined; roleName?: string | undefined };

function roleTargetIssue(value: RoleTarget): string | null {
  if (value.roleArn && (value.accountId || value.roleName)) return 'Give either a role ARN or an account ID with a role name, not both';
  if (!value.roleArn && !(value.accountId && value.roleName)) return 'Give a role ARN, or an account ID and a role name';
  return null;
}

export const AddRoleInputSchema = z
  .object(roleFields)
  .strict()
  .superRefine((value, context) => {
    const issue = roleTargetIssue(value);
    if (issue) context.addIssue({ code: 'custom', path: ['roleArn'], message: issue });
  });
export type AddRoleInput = z.infer<typeof AddRoleInputSchema>;

export const UpdateUserInputSchema = AddUserInputSchema.extend({
  id: ProfileIdSchema,
  /** Left out to keep the stored key ID (the window only ever sees it masked). */
  accessKeyId: AccessKeyIdSchema.optional(),
  /** Left out to keep the stored secret. */
  secretAccessKey: SecretAccessKeySchema.optional(),
}).strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const UpdateRoleInputSchema = z
  .object({ ...roleFields, id: ProfileIdSchema })
  .strict()
  .superRefine((value, context) => {
    const issue = roleTargetIssue(value);
    if (issue) context.addIssue({ code: 'custom', path: ['roleArn'], message: issue });
  });
export type UpdateRoleInput = z.infer<typeof UpdateRoleInputSchema>;
