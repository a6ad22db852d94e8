import { z } from 'zod';
import { PARTITIONS, SessionTagSchema } from './aws-rules';

/**
 * What leaves the main process about a profile: metadata only. No secret access key, no
 * session credentials; the access key ID is masked in the middle.
 */
const common = {
  id: z.string(),
  name: z.string(),
  label: z.string().optional(),
  color: z.string().optional(),
  favorite: z.boolean().optional(),
  production: z.boolean().optional(),
  region: z.string().optional(),
  mfaSerial: z.string().optional(),
};

export const UserViewSchema = z
  .object({
    kind: z.literal('iam-user'),
    ...common,
    accessKeyIdMasked: z.string(),
    /** Whether the keychain held the secret the last time Roledeck looked. */
    hasSecret: z.boolean(),
  })
  .strict();

export const RoleViewSchema = z
  .object({
    kind: z.literal('role'),
    ...common,
    roleArn: z.string(),
    accountId: z.string(),
    roleName: z.string(),
    partition: z.enum(PARTITIONS),
    sourceId: z.string(),
    sourceName: z.string(),
    /** Names from the source IAM user up to this role: ['consultant', 'acme-hub', 'acme-prod']. */
    chain: z.array(z.string()),
    externalId: z.string().optional(),
    sessionName: z.string().optional(),
    durationSeconds: z.number().optional(),
    sourceIdentity: z.string().optional(),
    tags: z.array(SessionTagSchema).optional(),
  })
  .strict();

export const ProfileViewSchema = z.discriminatedUnion('kind', [UserViewSchema, RoleViewSchema]);
export type ProfileView = z.infer<typeof ProfileViewSchema>;
export type UserView = z.infer<typeof UserViewSchema>;
export type RoleView = z.infer<typeof RoleViewSchema>;
