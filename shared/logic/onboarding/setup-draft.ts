import { DEFAULT_TEST_STACK_SERVICES, type SetupIssue } from '../../domain/onboarding';
import type { IdentityView, OnboardingDraft } from '../../domain/onboarding-view';

/**
 * From what a person filled in (the form, the CLI's flags) to the setup the kit is built from:
 * the ExternalId the service generated, and our identity — the account, and the IAM user the trust
 * policy may name — as GetCallerIdentity reported it for the chosen profile.
 */

export const DEFAULT_TEST_STACK_PREFIX = 'roledeck-test-';

function blankToUndefined(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function permissionsOf(draft: OnboardingDraft['permissions']): Record<string, unknown> {
  switch (draft.purpose) {
    case 'read-only-audit':
    case 'cloudfront-key-management':
      return { purpose: draft.purpose };
    case 'cloudformation-test-deploy':
      return {
        purpose: draft.purpose,
        stackNamePrefix: blankToUndefined(draft.stackNamePrefix) ?? DEFAULT_TEST_STACK_PREFIX,
        services: draft.services ?? [...DEFAULT_TEST_STACK_SERVICES],
        allowStackRoles: draft.allowStackRoles ?? false,
      };
    case 'custom': {
      const arns = (draft.managedPolicyArns ?? []).map((arn) => arn.trim()).filter(Boolean);
      return {
        purpose: 'custom',
        ...(draft.policyJson?.trim() ? { policyJson: draft.policyJson } : {}),
        ...(arns.length > 0 ? { managedPolicyArns: arns } : {}),
      };
    }
  }
}

export type DraftSetup = { ok: true; setup: Record<string, unknown> } | { ok: false; issues: SetupIssue[] };

/** The setup input for `checkOnboardingSetup`, or the issue that stops one being written at all. */
export function setupFromDraft(draft: OnboardingDraft, context: { externalId: string; identity: IdentityView }): DraftSetup {
  const { identity } = context;
  let trustedPrincipal: Record<string, unknown>;
  if (draft.principal === 'user') {
    if (!identity.userName) {
      return {
        ok: false,
        issues: [
          {
            path: 'principal',
            message: `${draft.sourceProfile} acts as ${identity.arn}, which is not an IAM user: a trust policy can name only a user durably. Trust the whole account instead, or choose an IAM user profile.`,
          },
        ],
      };
    }
    trustedPrincipal = { kind: 'user', accountId: identity.accountId, userName: identity.userName, ...(identity.path && identity.path !== '/' ? { path: identity.path } : {}) };
  } else {
    trustedPrincipal = { kind: 'account', accountId: identity.accountId };
  }
  const customerAccountId = blankToUndefined(draft.customerAccountId)?.replace(/[\s-]/g, '');
  const stackName = blankToUndefined(draft.stackName);
  return {
    ok: true,
    setup: {
      customerName: draft.customerName,
      partition: draft.partition ?? identity.partition,
      region: draft.region.trim(),
      roleName: draft.roleName.trim(),
      externalId: context.externalId,
      requireMfa: draft.requireMfa,
      trustedPrincipal,
      maxSessionDurationSeconds: draft.maxSessionDurationSeconds,
      permissions: permissionsOf(draft.permissions),
      ...(stackName ? { stackName } : {}),
      ...(customerAccountId ? { customerAccountId } : {}),
    },
  };
}

/** A setup issue under the draft's own field names (`trustedPrincipal.userName` → `principal`). */
export function draftIssue(issue: SetupIssue): SetupIssue {
  if (issue.path.startsWith('trustedPrincipal')) return { path: 'principal', message: issue.message };
  return issue;
}
