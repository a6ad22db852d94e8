import { z } from 'zod';
import {
  AccessKeyIdSchema,
  ExternalIdSchema,
  MfaSerialSchema,
  RegionSchema,
  RoleArnSchema,
  RoleDurationSchema,
  RoleSessionNameSchema,
  SessionTagsSchema,
  SourceIdentitySchema,
} from './aws-rules';

/**
 * Profile names are how people and scripts refer to a profile (`roledeck export acme-prod`):
 * the characters the AWS CLI accepts in a profile name, without spaces. `__proto__` is refused,
 * as the AWS SDK's ini loader refuses it: as a key of a plain object it would replace the prototype.
 */
export const ProfileNameSchema = z
  .string()
  .min(1, 'A profile name is 1–64 characters')
  .max(64, 'A profile name is 1–64 characters')
  .regex(/^[\w.@+-]+$/, 'A profile name may contain only letters, digits and . @ + _ -')
  .refine((name) => name !== '__proto__', 'A profile name may not be __proto__');

export const ColorSchema = z.string().max(7, 'A colour is #rrggbb').regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb');

export const ProfileIdSchema = z.string().max(64, 'Not a profile ID').regex(/^[a-z0-9-]{8,64}$/, 'Not a profile ID');

/** What groups profiles in the sidebar: the customer or account they belong to. */
const Presentation = {
  label: z.string().max(80, 'A label is at most 80 characters').optional(),
  color: ColorSchema.optional(),
  favorite: z.boolean().optional(),
};

/** An IAM user's long-term key. The secret access key lives in the keychain (userSecretItem in keychain-items.ts). */
export const IamUserProfileSchema = z.object({
  kind: z.literal('iam-user'),
  id: ProfileIdSchema,
  name: ProfileNameSchema,
  accessKeyId: AccessKeyIdSchema,
  mfaSerial: MfaSerialSchema.optional(),
  region: RegionSchema.optional(),
  ...Presentation,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type IamUserProfile = z.infer<typeof IamUserProfileSchema>;

/** A role assumed from a source profile (an IAM user, or another role: a chain). */
export const RoleProfileSchema = z.object({
  kind: z.literal('role'),
  id: ProfileIdSchema,
  name: ProfileNameSchema,
  roleArn: RoleArnSchema,
  sourceId: ProfileIdSchema,
  externalId: ExternalIdSchema.optional(),
  mfaSerial: MfaSerialSchema.optional(),
  sessionName: RoleSessionNameSchema.optional(),
  durationSeconds: RoleDurationSchema.optional(),
  region: RegionSchema.optional(),
  sourceIdentity: SourceIdentitySchema.optional(),
  tags: SessionTagsSchema.optional(),
  ...Presentation,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type RoleProfile = z.infer<typeof RoleProfileSchema>;

export const ProfileSchema = z.discriminatedUnion('kind', [IamUserProfileSchema, RoleProfileSchema]);
export type Profile = z.infer<typeof ProfileSchema>;
