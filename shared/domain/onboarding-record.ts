import { z } from 'zod';
import { RoleArnSchema } from './aws-rules';
import { CustomerIdSchema } from './customer';
import { OnboardingSetupInputSchema, VerifyFailureSchema } from './onboarding';
import { ProfileIdSchema } from './profile';

/**
 * What the profile store keeps per customer being onboarded, beside the customer itself. The
 * status (invited → role-created → verified) and when access last worked live on the Customer
 * record only; this holds what the setup was built from and what closed the loop.
 */

/** Why a presigned template link ends when it does (S3Gateway.presignGetUrl). */
export const PresignLimitSchema = z.enum(['requested', 'sigv4-maximum', 'session-expiry']);

export const QuickCreateLinkSchema = z
  .object({
    /** The CloudFormation console link, stack name and ExternalId filled in. */
    url: z.string().max(8192),
    bucket: z.string().min(3).max(63),
    key: z.string().min(1).max(1024),
    /** Epoch ms after which the template behind the link can no longer be read. */
    validUntil: z.number(),
    limitedBy: PresignLimitSchema,
    /** The link's validity in words, for the person about to send it. */
    validity: z.string().max(400),
    /** Why the link may not work for the customer (the template is not on Amazon S3 itself). */
    warning: z.string().max(600).optional(),
    createdAt: z.number(),
  })
  .strict();
export type QuickCreateLink = z.infer<typeof QuickCreateLinkSchema>;

export const OnboardingRecordSchema = z
  .object({
    customerId: CustomerIdSchema,
    setup: OnboardingSetupInputSchema,
    /** Our profile whose credentials assume the customer's role (an IAM user, or a role for a chain). */
    sourceProfileId: ProfileIdSchema,
    /** Known once the customer sent back their account ID or role ARN. */
    roleArn: RoleArnSchema.optional(),
    /** The role profile `complete` created. */
    profileId: ProfileIdSchema.optional(),
    lastFailure: VerifyFailureSchema.optional(),
    /** The ExternalId the profile sent when access last worked: a later change is ours, not the customer's. */
    verifiedExternalId: z.string().max(1224).optional(),
    quickCreate: QuickCreateLinkSchema.optional(),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
  })
  .strict();
export type OnboardingRecord = z.infer<typeof OnboardingRecordSchema>;
