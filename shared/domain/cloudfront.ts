import { z } from 'zod';

/**
 * CloudFront signing as the account sees it: public keys (the half of a signing key pair that
 * CloudFront holds), key groups (what a distribution trusts), and which distributions trust which
 * key groups. Times are epoch milliseconds. Private keys never appear here.
 */

export const CloudFrontPublicKeySchema = z.object({
  /** The key ID a signed URL names in its Key-Pair-Id. */
  id: z.string(),
  name: z.string(),
  comment: z.string().optional(),
  createdAt: z.number(),
  /** The public key PEM as CloudFront stores it. */
  encodedKey: z.string(),
});
export type CloudFrontPublicKey = z.infer<typeof CloudFrontPublicKeySchema>;

export const CloudFrontKeyGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  comment: z.string().optional(),
  publicKeyIds: z.array(z.string()),
  updatedAt: z.number().optional(),
});
export type CloudFrontKeyGroup = z.infer<typeof CloudFrontKeyGroupSchema>;

export const CacheBehaviourTrustSchema = z.object({
  /** '*' for the default cache behaviour. */
  pathPattern: z.string(),
  isDefault: z.boolean(),
  /** Key groups whose keys may sign URLs and cookies for this path; empty means none are needed. */
  trustedKeyGroupIds: z.array(z.string()),
  /** The legacy CloudFront key pairs of the root user (TrustedSigners) are trusted here. */
  trustedSignersEnabled: z.boolean(),
});
export type CacheBehaviourTrust = z.infer<typeof CacheBehaviourTrustSchema>;

export const CloudFrontDistributionSchema = z.object({
  id: z.string(),
  arn: z.string(),
  /** d111111abcdef8.cloudfront.net */
  domainName: z.string(),
  aliases: z.array(z.string()),
  comment: z.string(),
  enabled: z.boolean(),
  /** Deployed or InProgress. */
  status: z.string(),
  behaviours: z.array(CacheBehaviourTrustSchema),
  /** Every key group any behaviour trusts, once each. */
  trustedKeyGroupIds: z.array(z.string()),
});
export type CloudFrontDistribution = z.infer<typeof CloudFrontDistributionSchema>;
