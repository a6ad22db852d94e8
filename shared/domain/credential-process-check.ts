import { z } from 'zod';

/**
 * What running a credential_process line once showed: the AWS CLI can use it (and until when its
 * credentials last), or it cannot, and why, in words a person can act on. Never the credentials.
 */
export const CredentialProcessCheckSchema = z.discriminatedUnion('works', [
  z.object({ works: z.literal(true), expiresAt: z.number().optional() }),
  z.object({ works: z.literal(false), reason: z.string() }),
]);
export type CredentialProcessCheck = z.infer<typeof CredentialProcessCheckSchema>;
