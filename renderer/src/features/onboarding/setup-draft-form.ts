import type { PermissionPurpose, SetupIssue } from '../../../../shared/domain/onboarding';
import type { OnboardingDraft, OnboardingView } from '../../../../shared/domain/onboarding-view';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { checkPolicyText } from '../../../../shared/logic/iam-policy/policy-text';

/** The setup form's values as typed, and how they become a draft for `onboarding.prepare`. */

export interface SetupValues {
  customerName: string;
  sourceProfile: string;
  roleName: string;
  principal: 'account' | 'user';
  requireMfa: boolean;
  durationHours: string;
  purpose: PermissionPurpose;
  policyJson: string;
  region: string;
  customerAccountId: string;
  newExternalId: boolean;
}

export const PURPOSE_CHOICES: ReadonlyArray<{ value: PermissionPurpose; label: string; hint: string }> = [
  { value: 'read-only-audit', label: 'Read-only audit', hint: 'AWS’s SecurityAudit and ViewOnlyAccess: configuration, never data.' },
  { value: 'cloudformation-test-deploy', label: 'Test deploys', hint: 'CloudFormation stacks named roledeck-test-…, with what they create.' },
  { value: 'cloudfront-key-management', label: 'CloudFront keys', hint: 'Public keys and key groups for signed URLs; distributions read-only.' },
  { value: 'custom', label: 'Custom JSON', hint: 'A permissions policy you paste; checked against IAM’s grammar and size limit.' },
];

export const FIELD_OF_PATH: Record<string, keyof SetupValues> = {
  customerName: 'customerName',
  sourceProfile: 'sourceProfile',
  roleName: 'roleName',
  principal: 'principal',
  maxSessionDurationSeconds: 'durationHours',
  region: 'region',
  customerAccountId: 'customerAccountId',
  'permissions.policyJson': 'policyJson',
  'permissions.managedPolicyArns': 'policyJson',
};

export function initialValues(existing: OnboardingView | undefined, profiles: readonly ProfileView[], allowList: readonly string[]): SetupValues {
  const setup = existing?.setup;
  const user = profiles.find((profile) => profile.kind === 'iam-user');
  const source = profiles.find((profile) => profile.name === existing?.sourceProfileName) ?? user ?? profiles[0];
  // A plain name on the allow-list is the role the installation expects; a pattern is no name.
  const suggested = allowList.find((pattern) => !pattern.includes('*')) ?? 'RoledeckAccess';
  const permissions = setup?.permissions;
  return {
    customerName: existing?.customerName ?? '',
    sourceProfile: source?.id ?? '',
    roleName: setup?.roleName ?? suggested,
    principal: setup ? (setup.trustedPrincipal.kind === 'account' ? 'account' : 'user') : source?.kind === 'role' ? 'account' : 'user',
    requireMfa: setup?.requireMfa ?? false,
    durationHours: String((setup?.maxSessionDurationSeconds ?? 3600) / 3600),
    purpose: permissions?.purpose ?? 'read-only-audit',
    policyJson: permissions?.purpose === 'custom' ? (permissions.policyJson ?? '') : '',
    region: setup?.region ?? source?.region ?? 'us-east-1',
    customerAccountId: setup?.customerAccountId ?? '',
    newExternalId: false,
  };
}

export function draftOf(values: SetupValues, existing: OnboardingView | undefined): OnboardingDraft {
  const hours = Number(values.durationHours);
  const purpose = values.purpose;
  const previous = existing?.setup?.permissions;
  return {
    ...(existing ? { customerId: existing.customerId } : {}),
    customerName: values.customerName,
    sourceProfile: values.sourceProfile,
    roleName: values.roleName,
    requireMfa: values.requireMfa,
    principal: values.principal,
    maxSessionDurationSeconds: Number.isFinite(hours) ? Math.round(hours * 3600) : Number.NaN,
    permissions:
      purpose === 'custom'
        ? { purpose, policyJson: values.policyJson }
        : // Test deploys keep the prefix and services chosen before (the form does not edit them).
          previous?.purpose === 'cloudformation-test-deploy' && purpose === 'cloudformation-test-deploy'
          ? { purpose, stackNamePrefix: previous.stackNamePrefix, services: previous.services, allowStackRoles: previous.allowStackRoles }
          : { purpose },
    region: values.region,
    ...(values.customerAccountId.trim() ? { customerAccountId: values.customerAccountId } : {}),
    ...(values.newExternalId ? { newExternalId: true } : {}),
  };
}

/** Issues placed beside their fields; what belongs to no field is the form's. */
export function placeIssues(issues: readonly SetupIssue[]): { fields: Partial<Record<keyof SetupValues, string | undefined>>; form: string | null } {
  const fields: Partial<Record<keyof SetupValues, string | undefined>> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const field = FIELD_OF_PATH[issue.path];
    if (field && !fields[field]) fields[field] = issue.message;
    else if (!field) rest.push(issue.message);
  }
  return { fields, form: rest.length ? rest.join(' ') : null };
}

/** The pasted policy checked as IAM would, as soon as it is typed: line and column, or statement and field. */
export function policyProblem(text: string): string | null {
  if (text.trim() === '') return 'Paste the permissions policy JSON.';
  const check = checkPolicyText(text, 'identity');
  return check.issues.find((issue) => issue.severity === 'error')?.message ?? null;
}
