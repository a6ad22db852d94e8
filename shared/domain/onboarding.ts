import { z } from 'zod';
import {
  AccountIdSchema,
  ExternalIdSchema,
  IamPathSchema,
  IamUserNameSchema,
  PARTITIONS,
  RegionSchema,
  RoleArnSchema,
  RoleMaxSessionDurationSchema,
  RoleNameSchema,
  StackNameSchema,
} from './aws-rules';

/**
 * Customer onboarding: what Roledeck's user decides per customer (the setup input), and how far
 * the customer has got (invited → role-created → verified). The customer-side steps this replaces
 * are in the setup walkthrough the product grew from: create a role for another account, require
 * an ExternalId and optionally MFA, paste an inline policy, name the role, send back the ARN.
 */

/** Roledeck generates ExternalIds of this length; 40 of 62 letters and digits ≈ 238 bits. */
export const GENERATED_EXTERNAL_ID_LENGTH = 40;
/** Below this an ExternalId could be guessed or reused from another vendor; AWS itself accepts 2. */
export const STRONG_EXTERNAL_ID_MIN_LENGTH = 32;

export const OnboardingExternalIdSchema = ExternalIdSchema.min(
  STRONG_EXTERNAL_ID_MIN_LENGTH,
  `An ExternalId for a customer is at least ${STRONG_EXTERNAL_ID_MIN_LENGTH} characters so nobody can guess it: generate one`,
);

/** Who the customer's role trusts: our whole account, or one IAM user of ours. */
export const TrustedPrincipalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), accountId: AccountIdSchema }).strict(),
  z
    .object({
      kind: z.literal('user'),
      accountId: AccountIdSchema,
      userName: IamUserNameSchema,
      /** The user's IAM path when it has one (`/consultants/`); it is part of the user's ARN. */
      path: IamPathSchema.optional(),
    })
    .strict(),
]);
export type TrustedPrincipal = z.infer<typeof TrustedPrincipalSchema>;

export const PERMISSION_PURPOSES = ['read-only-audit', 'cloudformation-test-deploy', 'cloudfront-key-management', 'custom'] as const;
export type PermissionPurpose = (typeof PERMISSION_PURPOSES)[number];

/** What test stacks usually create; each becomes `<service>:*`. */
export const DEFAULT_TEST_STACK_SERVICES = ['s3', 'sqs', 'sns', 'lambda', 'logs', 'dynamodb', 'events', 'ssm'] as const;

const ServicePrefixSchema = z.string().regex(/^[a-z0-9-]{2,40}$/, 'A service prefix looks like s3, lambda or dynamodb');

/** Stack names are letters, digits and hyphens; the prefix is their start, so the same rule, shorter. */
export const StackNamePrefixSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'A stack name prefix starts with a letter and has up to 64 letters, digits and hyphens');

export const ManagedPolicyArnSchema = z
  .string()
  .regex(
    /^arn:(aws|aws-cn|aws-us-gov):iam::(aws|\d{12}):policy\/(?:[\u0021-\u007e]*\/)?[\w+=,.@-]{1,128}$/,
    'A managed policy ARN looks like arn:aws:iam::aws:policy/SecurityAudit',
  );

export const PermissionsChoiceSchema = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('read-only-audit') }).strict(),
  z
    .object({
      purpose: z.literal('cloudformation-test-deploy'),
      /** Test stacks, and the IAM roles they create, are named with this prefix. */
      stackNamePrefix: StackNamePrefixSchema,
      services: z
        .array(ServicePrefixSchema)
        .max(20, 'At most 20 services')
        .refine((services) => new Set(services).size === services.length, 'Each service appears once'),
      /** Whether test stacks may create IAM roles (named with the prefix) and pass them to services. */
      allowStackRoles: z.boolean(),
    })
    .strict(),
  z.object({ purpose: z.literal('cloudfront-key-management') }).strict(),
  z
    .object({
      purpose: z.literal('custom'),
      /** An identity policy as pasted; checked against IAM's grammar and size limit. */
      policyJson: z.string().max(131_072, 'A policy document is at most 131,072 characters').optional(),
      managedPolicyArns: z.array(ManagedPolicyArnSchema).max(10, 'A role takes at most 10 managed policies by default').optional(),
    })
    .strict()
    .refine((value) => Boolean(value.policyJson?.trim()) || Boolean(value.managedPolicyArns?.length), {
      message: 'Paste a policy, or name at least one managed policy',
      path: ['policyJson'],
    }),
]);
export type PermissionsChoice = z.infer<typeof PermissionsChoiceSchema>;

/** Everything the customer's role is built from. Checked again with the allow-list by `checkOnboardingSetup`. */
export const OnboardingSetupInputSchema = z
  .object({
    /** For headings and the stack description: "Acme Ltd". */
    customerName: z
      .string()
      .trim()
      .min(1, 'Name the customer')
      .max(80, 'A customer name is at most 80 characters')
      .refine((name) => ![...name].some((character) => character < ' ' || character === '\u007f'), 'a customer name is one line of text'),
    partition: z.enum(PARTITIONS),
    /** Where the CloudFormation stack is created (IAM itself is global). */
    region: RegionSchema,
    roleName: RoleNameSchema,
    externalId: OnboardingExternalIdSchema,
    requireMfa: z.boolean(),
    trustedPrincipal: TrustedPrincipalSchema,
    maxSessionDurationSeconds: RoleMaxSessionDurationSchema,
    permissions: PermissionsChoiceSchema,
    /** Defaults to `roledeck-<role name>`. */
    stackName: StackNameSchema.optional(),
    /** The customer's account when known in advance: policies and the guide then name it. */
    customerAccountId: AccountIdSchema.optional(),
  })
  .strict();
export type OnboardingSetupInput = z.infer<typeof OnboardingSetupInputSchema>;

/** A problem with one field of the setup (or of a derived input): `path` like `roleName` or `permissions.policyJson`. */
export interface SetupIssue {
  path: string;
  message: string;
}

/** Where a customer's setup stands: invited to create the role, role created, access verified. The Customer record carries it. */
export const ONBOARDING_STATUSES = ['invited', 'role-created', 'verified'] as const;
export const OnboardingStatusSchema = z.enum(ONBOARDING_STATUSES);
export type OnboardingStatus = z.infer<typeof OnboardingStatusSchema>;

/** Why "verify all" failed for a customer, in the words the customer's admin would use. */
export const VerifyFailureKindSchema = z.enum([
  /** The role no longer exists. */
  'role-deleted',
  /** The trust policy no longer names our account or user. */
  'trust-changed',
  /** The ExternalId on one side changed. */
  'external-id-changed',
  /** The trust policy now requires MFA, and the session had none. */
  'mfa-now-required',
  /** The role's maximum session duration was lowered below what the profile asks for. */
  'max-session-lowered',
  /** The fault is on our side: keys, our own policies, the clock, the network. */
  'our-side',
  /** Access never worked yet: the customer's setup is not finished or differs from what we sent. */
  'not-set-up',
  'unknown',
]);
export type VerifyFailureKind = z.infer<typeof VerifyFailureKindSchema>;

export const VerifyFailureSchema = z
  .object({
    at: z.number(),
    /** The likely causes, most likely first; several when AWS's answer cannot tell them apart. */
    kinds: z.array(VerifyFailureKindSchema).min(1),
    headline: z.string(),
    explanation: z.string(),
  })
  .strict();
export type VerifyFailure = z.infer<typeof VerifyFailureSchema>;

export const OnboardingProgressSchema = z
  .object({
    status: OnboardingStatusSchema,
    /** Known once the customer sent back the account ID or the role ARN. */
    roleArn: RoleArnSchema.optional(),
    /** Epoch ms of the last successful access test; kept when a later test fails. */
    lastVerifiedAt: z.number().optional(),
    lastFailure: VerifyFailureSchema.optional(),
  })
  .strict();
export type OnboardingProgress = z.infer<typeof OnboardingProgressSchema>;
