import { z } from 'zod';

/** Credentials in memory on the main side only; this type never appears in the IPC contract. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch milliseconds; absent for long-term IAM user keys. */
  expiresAt?: number;
}

export const CallerIdentitySchema = z.object({
  account: z.string(),
  arn: z.string(),
  userId: z.string(),
});
export type CallerIdentity = z.infer<typeof CallerIdentitySchema>;
