import type { Partition } from '../../domain/aws-rules';
import { ROLE_MANAGED_POLICIES_DEFAULT_MAX, type PolicyDocument, type PolicyIssue, type PolicyStatement } from '../../domain/iam-policy';
import type { PermissionPurpose, PermissionsChoice } from '../../domain/onboarding';
import { checkPolicyText } from '../iam-policy/policy-text';

/**
 * The permissions the customer grants, from a small library of purposes or their own JSON. Each
 * plan says in plain words what it allows, so the customer's admin can decide before pasting.
 */

export interface PermissionsPlan {
  purpose: PermissionPurpose;
  title: string;
  /** What the role may do, for the customer's admin. */
  summary: string;
  /** AWS managed (or the customer's own) policies to attach. */
  managedPolicyArns: string[];
  /** The inline policy to paste, if any. */
  inlinePolicy?: { name: string; document: PolicyDocument };
  /** Trade-offs the customer should know about. */
  notes: string[];
}

export type PermissionsPlanResult = { ok: true; plan: PermissionsPlan } | { ok: false; issues: PolicyIssue[] };

export const PURPOSE_TITLES: Record<PermissionPurpose, string> = {
  'read-only-audit': 'Read-only audit',
  'cloudformation-test-deploy': 'CloudFormation test deploys',
  'cloudfront-key-management': 'CloudFront key management',
  custom: 'Custom permissions',
};

/**
 * Read-only audit attaches AWS's managed SecurityAudit and ViewOnlyAccess rather than an inline
 * copy: an auditor needs configuration and metadata (policies, settings, resource lists), which
 * these two cover and AWS keeps current as services ship. ReadOnlyAccess is not used because it
 * also reads data — S3 objects, DynamoDB items, SQS messages — which an audit has no business
 * seeing; and an inline equivalent of either would exceed the 10,240-character limit for a role's
 * inline policies and go stale.
 */
function readOnlyAudit(partition: Partition): PermissionsPlan {
  return {
    purpose: 'read-only-audit',
    title: PURPOSE_TITLES['read-only-audit'],
    summary:
      'Reads the configuration and metadata of every service (IAM policies, security settings, resource lists) — not the data inside them: no S3 object contents, no database items, no secrets.',
    managedPolicyArns: [`arn:${partition}:iam::aws:policy/SecurityAudit`, `arn:${partition}:iam::aws:policy/job-function/ViewOnlyAccess`],
    notes: ['Both are AWS managed policies: AWS updates them as services are added, so nothing to maintain on your side.'],
  };
}

type TestDeployChoice = Extract<PermissionsChoice, { purpose: 'cloudformation-test-deploy' }>;

/**
 * CloudFormation test deploys: everything on stacks named with the prefix (change sets are
 * authorised on their stack), the account-wide read calls `deploy` makes, AWS transforms (SAM),
 * and `<service>:*` for what test stacks create. iam:PassRole is narrowed to roles named with the
 * prefix — CloudFormation names a stack's roles `<stack>-<LogicalId>-<suffix>` — so no existing
 * role of the customer can be handed to a service.
 */
function testDeploys(partition: Partition, account: string, choice: TestDeployChoice): PermissionsPlan {
  const prefix = choice.stackNamePrefix;
  const prefixedRoles = `arn:${partition}:iam::${account}:role/${prefix}*`;
  const statements: PolicyDocument['Statement'] = [
    { Sid: 'TestStacks', Effect: 'Allow', Action: 'cloudformation:*', Resource: `arn:${partition}:cloudformation:*:${account}:stack/${prefix}*/*` },
    {
      Sid: 'TemplateChecksAndListings',
      Effect: 'Allow',
      Action: [
        'cloudformation:ValidateTemplate',
        'cloudformation:GetTemplateSummary',
        'cloudformation:EstimateTemplateCost',
        'cloudformation:ListStacks',
        'cloudformation:DescribeStacks',
        'cloudformation:ListExports',
        'cloudformation:DescribeAccountLimits',
      ],
      Resource: '*',
    },
    { Sid: 'Transforms', Effect: 'Allow', Action: 'cloudformation:CreateChangeSet', Resource: `arn:${partition}:cloudformation:*:aws:transform/*` },
    { Sid: 'PassTestStackRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: prefixedRoles },
  ];
  if (choice.allowStackRoles) {
    statements.push({
      Sid: 'TestStackRoles',
      Effect: 'Allow',
      Action: [
        'iam:CreateRole',
        'iam:DeleteRole',
        'iam:GetRole',
        'iam:TagRole',
        'iam:UntagRole',
        'iam:UpdateAssumeRolePolicy',
        'iam:PutRolePolicy',
        'iam:GetRolePolicy',
        'iam:DeleteRolePolicy',
        'iam:AttachRolePolicy',
        'iam:DetachRolePolicy',
        'iam:ListRolePolicies',
        'iam:ListAttachedRolePolicies',
      ],
      Resource: prefixedRoles,
    });
  }
  if (choice.services.length > 0) {
    statements.push({ Sid: 'TestStackResources', Effect: 'Allow', Action: choice.services.map((service) => `${service}:*`), Resource: '*' });
  }
  const notes = [
    `Only stacks whose names start with "${prefix}" can be created, changed or deleted.`,
    `Resources of ${choice.services.length ? choice.services.join(', ') : 'no other service'} can be created and changed anywhere in the account: use a test account, not production.`,
  ];
  if (choice.allowStackRoles) {
    notes.push(
      `Test stacks may create IAM roles named "${prefix}…" with any permissions and hand them to services: anyone with this role can reach whatever such a role can. Keep it to a test account.`,
    );
  }
  return {
    purpose: 'cloudformation-test-deploy',
    title: PURPOSE_TITLES['cloudformation-test-deploy'],
    summary: `Creates, updates and deletes CloudFormation stacks named "${prefix}…", with the resources those stacks need.`,
    managedPolicyArns: [],
    inlinePolicy: { name: 'roledeck-cloudformation-test-deploys', document: { Version: '2012-10-17', Statement: statements } },
    notes,
  };
}

/**
 * CloudFront key management for signed URLs and cookies: public keys and key groups, and reading
 * distributions to see which key groups they trust. The public-key and key-group actions take no
 * resource-level permissions (Service Authorization Reference, Amazon CloudFront), hence "*".
 */
function cloudFrontKeys(): PermissionsPlan {
  return {
    purpose: 'cloudfront-key-management',
    title: PURPOSE_TITLES['cloudfront-key-management'],
    summary: 'Creates and rotates CloudFront public keys and key groups for signed URLs and cookies, and reads (never changes) distributions.',
    managedPolicyArns: [],
    inlinePolicy: {
      name: 'roledeck-cloudfront-keys',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'PublicKeys',
            Effect: 'Allow',
            Action: [
              'cloudfront:CreatePublicKey',
              'cloudfront:GetPublicKey',
              'cloudfront:GetPublicKeyConfig',
              'cloudfront:ListPublicKeys',
              'cloudfront:UpdatePublicKey',
              'cloudfront:DeletePublicKey',
            ],
            Resource: '*',
          },
          {
            Sid: 'KeyGroups',
            Effect: 'Allow',
            Action: [
              'cloudfront:CreateKeyGroup',
              'cloudfront:GetKeyGroup',
              'cloudfront:GetKeyGroupConfig',
              'cloudfront:ListKeyGroups',
              'cloudfront:UpdateKeyGroup',
              'cloudfront:DeleteKeyGroup',
            ],
            Resource: '*',
          },
          {
            Sid: 'ReadDistributions',
            Effect: 'Allow',
            Action: ['cloudfront:ListDistributions', 'cloudfront:GetDistribution', 'cloudfront:GetDistributionConfig'],
            Resource: '*',
          },
        ],
      },
    },
    notes: ['Attaching a key group to a distribution stays with you: this role cannot change distributions.'],
  };
}

type CustomChoice = Extract<PermissionsChoice, { purpose: 'custom' }>;

function custom(choice: CustomChoice): PermissionsPlanResult {
  const managedPolicyArns = choice.managedPolicyArns ?? [];
  const text = choice.policyJson?.trim() ? choice.policyJson : undefined;
  let inlinePolicy: PermissionsPlan['inlinePolicy'];
  if (text !== undefined) {
    const check = checkPolicyText(text, 'identity');
    if (!check.ok) return { ok: false, issues: check.issues };
    // The grammar check passed, so the document has IAM's shape. A lone statement object becomes a
    // one-element list (IAM reads both the same), so every policy Roledeck hands on has one form.
    const document = check.document as Omit<PolicyDocument, 'Statement'> & { Statement: PolicyStatement | PolicyStatement[] };
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    inlinePolicy = { name: 'roledeck-custom', document: { ...document, Statement: statements } };
  }
  if (managedPolicyArns.length > ROLE_MANAGED_POLICIES_DEFAULT_MAX) {
    return { ok: false, issues: [{ severity: 'error', path: 'managedPolicyArns', message: `A role takes at most ${ROLE_MANAGED_POLICIES_DEFAULT_MAX} managed policies unless the quota was raised.` }] };
  }
  return {
    ok: true,
    plan: {
      purpose: 'custom',
      title: PURPOSE_TITLES.custom,
      summary: 'Permissions you wrote yourself: read them with the customer before they apply them.',
      managedPolicyArns,
      ...(inlinePolicy ? { inlinePolicy } : {}),
      notes: [],
    },
  };
}

/** The plan for a choice; custom JSON that breaks IAM's grammar or size gives its issues instead. */
export function permissionsPlan(choice: PermissionsChoice, partition: Partition, customerAccountId?: string): PermissionsPlanResult {
  switch (choice.purpose) {
    case 'read-only-audit':
      return { ok: true, plan: readOnlyAudit(partition) };
    case 'cloudformation-test-deploy':
      // Before the account is known "*" stands in: a role's identity policy reaches stacks and roles only in its own account anyway.
      return { ok: true, plan: testDeploys(partition, customerAccountId ?? '*', choice) };
    case 'cloudfront-key-management':
      return { ok: true, plan: cloudFrontKeys() };
    case 'custom':
      return custom(choice);
  }
}
