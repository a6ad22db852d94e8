import { z } from 'zod';
import { PARTITIONS } from './aws-rules';
import { OnboardingSetupInputSchema, OnboardingStatusSchema, PERMISSION_PURPOSES, VerifyFailureSchema } from './onboarding';
import { CustomerIdSchema } from './customer';
import { QuickCreateLinkSchema } from './onboarding-record';
import { TestAccessResultSchema } from './session';

/**
 * Customer onboarding as the window and the CLI see it: the draft a person fills in, the
 * customer's progress, the artefacts for the customer, our side's check and "verify" outcomes.
 * Nothing here is a secret: an ExternalId guards against the confused deputy, it is no password.
 */

/**
 * What a person decides for a customer's setup. Fields are loosely typed here on purpose: the
 * service checks them with the setup's own rules and answers with one issue per field, which the
 * form shows beside the field and the CLI behind the flag.
 */
export const OnboardingDraftSchema = z
  .object({
    /** An existing customer; absent to create one named `customerName`. */
    customerId: CustomerIdSchema.optional(),
    customerName: z.string().max(200),
    /** Our profile (name or ID) whose credentials will assume the role. */
    sourceProfile: z.string().min(1, 'Choose the profile of ours that will use the role').max(128),
    roleName: z.string().max(200),
    requireMfa: z.boolean(),
    /** Whom the customer's role trusts: our whole account, or exactly our IAM user. */
    principal: z.enum(['account', 'user']),
    maxSessionDurationSeconds: z.number(),
    permissions: z
      .object({
        purpose: z.enum(PERMISSION_PURPOSES),
        policyJson: z.string().max(262_144).optional(),
        managedPolicyArns: z.array(z.string().max(2048)).max(50).optional(),
        stackNamePrefix: z.string().max(200).optional(),
        services: z.array(z.string().max(64)).max(50).optional(),
        allowStackRoles: z.boolean().optional(),
      })
      .strict(),
    region: z.string().max(64),
    partition: z.enum(PARTITIONS).optional(),
    customerAccountId: z.string().max(64).optional(),
    stackName: z.string().max(200).optional(),
    /** A fresh ExternalId although the customer has one: their role must then be set up again. */
    newExternalId: z.boolean().optional(),
  })
  .strict();
export type OnboardingDraft = z.infer<typeof OnboardingDraftSchema>;

export const SetupIssueSchema = z.object({ path: z.string(), message: z.string() });

export const OnboardingViewSchema = z
  .object({
    customerId: z.string(),
    customerName: z.string(),
    color: z.string().optional(),
    production: z.boolean(),
    status: OnboardingStatusSchema,
    lastVerifiedAt: z.number().optional(),
    /** Absent for a customer that has no setup yet (one made from profile labels, say). */
    setup: OnboardingSetupInputSchema.optional(),
    sourceProfileName: z.string().optional(),
    roleArn: z.string().optional(),
    profileId: z.string().optional(),
    profileName: z.string().optional(),
    lastFailure: VerifyFailureSchema.optional(),
    quickCreate: QuickCreateLinkSchema.optional(),
  })
  .strict();
export type OnboardingView = z.infer<typeof OnboardingViewSchema>;

export const PrepareResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), onboarding: OnboardingViewSchema, reissued: z.boolean() }).strict(),
  z.object({ ok: z.literal(false), issues: z.array(SetupIssueSchema) }).strict(),
]);
export type PrepareResult = z.infer<typeof PrepareResultSchema>;

export const ARTEFACT_IDS = [
  'trust-policy',
  'permissions-policy',
  'managed-policies',
  'template',
  'deploy-command',
  'quick-create-link',
  'guide-markdown',
  'guide-html',
  'our-policy',
] as const;
export const ArtefactIdSchema = z.enum(ARTEFACT_IDS);
export type ArtefactId = z.infer<typeof ArtefactIdSchema>;

export const ArtefactLanguageSchema = z.enum(['json', 'yaml', 'shell', 'markdown', 'html', 'text']);
export type ArtefactLanguage = z.infer<typeof ArtefactLanguageSchema>;

export const KitArtefactSchema = z
  .object({
    id: ArtefactIdSchema,
    title: z.string(),
    /** Who it is for and what to do with it. */
    description: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    language: ArtefactLanguageSchema,
    content: z.string(),
    /** For policies: the characters IAM counts and its limit. */
    size: z.object({ characters: z.number(), limit: z.number() }).strict().optional(),
  })
  .strict();
export type KitArtefact = z.infer<typeof KitArtefactSchema>;

export const OnboardingKitViewSchema = z
  .object({
    customerId: z.string(),
    artefacts: z.array(KitArtefactSchema),
    /** Trade-offs of the permissions the customer should know about. */
    notes: z.array(z.string()),
  })
  .strict();
export type OnboardingKitView = z.infer<typeof OnboardingKitViewSchema>;

/** Whether our own policies let our identity assume the customer's role, as far as IAM can say. */
export const OurSideCheckSchema = z
  .object({
    state: z.enum(['allowed', 'denied', 'unchecked']),
    headline: z.string(),
    explanation: z.string(),
    /** The principal whose policies were simulated, and the role ARN (or pattern) tried. */
    principalArn: z.string().optional(),
    resource: z.string(),
  })
  .strict();
export type OurSideCheck = z.infer<typeof OurSideCheckSchema>;

export const OurSideViewSchema = z
  .object({
    /** The IAM policy our user needs, as JSON to attach. */
    policyJson: z.string(),
    /** Whether the policy names the customer's account yet, or any account's role of that name. */
    narrowed: z.boolean(),
    check: OurSideCheckSchema,
  })
  .strict();
export type OurSideView = z.infer<typeof OurSideViewSchema>;

export const VerifyOutcomeSchema = z
  .object({
    customerId: z.string(),
    customerName: z.string(),
    state: z.enum(['verified', 'failed', 'skipped']),
    at: z.number(),
    profileName: z.string().optional(),
    /** Set when the test failed: what broke, in the customer's admin's words. */
    failure: VerifyFailureSchema.optional(),
    /** The access test's own diagnosis (verified or failed). */
    test: TestAccessResultSchema.optional(),
    /** Why a customer was skipped (no role to test yet). */
    reason: z.string().optional(),
  })
  .strict();
export type VerifyOutcome = z.infer<typeof VerifyOutcomeSchema>;

export const CompleteResultSchema = z
  .object({
    /** Things to check that did not stop the profile being created (a role name that differs, a path). */
    warnings: z.array(z.string()),
    /** What Roledeck decided on the user's behalf (a chained session capped at 1 hour). */
    notes: z.array(z.string()),
    profileName: z.string(),
    profileCreated: z.boolean(),
    outcome: VerifyOutcomeSchema,
    onboarding: OnboardingViewSchema,
  })
  .strict();
export type CompleteResult = z.infer<typeof CompleteResultSchema>;

export const IdentityViewSchema = z
  .object({
    arn: z.string(),
    accountId: z.string(),
    partition: z.enum(PARTITIONS),
    /** Set when the identity is an IAM user: the trust policy can name exactly it. */
    userName: z.string().optional(),
    path: z.string().optional(),
  })
  .strict();
export type IdentityView = z.infer<typeof IdentityViewSchema>;
