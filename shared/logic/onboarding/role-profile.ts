import { CHAINED_ROLE_MAX_SECONDS } from '../../domain/aws-rules';
import type { OnboardingSetupInput, SetupIssue } from '../../domain/onboarding';
import { AddRoleInputSchema, type AddRoleInput } from '../../domain/profile-input';
import { setupIssuesOf } from './setup-issues';

/**
 * The role profile that uses the customer's role once it exists: the same fields a person would
 * type into "Add role" (profile-input.ts), filled from the setup, so the profile asks for exactly
 * what the trust policy demands.
 */

export interface RoleProfileRequest {
  setup: Pick<OnboardingSetupInput, 'externalId' | 'maxSessionDurationSeconds' | 'requireMfa' | 'region' | 'customerName'>;
  roleArn: string;
  profileName: string;
  /** The profile whose credentials assume the role: our IAM user, or a role (a chain). */
  sourceProfile: string;
  sourceIsRole: boolean;
  /**
   * Our MFA device. With MFA required the role profile names it: the session service reuses the
   * source's MFA session when it has one and prompts on AssumeRole only when it does not.
   */
  mfaSerial?: string | undefined;
}

export type RoleProfileResult = { ok: true; input: AddRoleInput; notes: string[] } | { ok: false; issues: SetupIssue[] };

/** "Acme Ltd." → "acme-ltd": a profile name from the customer's name, in letters, digits and hyphens. */
export function suggestProfileName(customerName: string, roleName?: string): string {
  const base = customerName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  const name = roleName ? `${base || 'customer'}-${roleName}` : base || 'customer';
  return name.replace(/[^\w.@+-]/g, '-').slice(0, 64);
}

export function roleProfileInput(request: RoleProfileRequest): RoleProfileResult {
  const { setup } = request;
  const notes: string[] = [];
  let durationSeconds = setup.maxSessionDurationSeconds;
  if (request.sourceIsRole && durationSeconds > CHAINED_ROLE_MAX_SECONDS) {
    durationSeconds = CHAINED_ROLE_MAX_SECONDS;
    notes.push(`Sessions last 1 hour, not ${setup.maxSessionDurationSeconds / 3600} hours: AWS caps a role assumed from another role’s session (role chaining) at 1 hour.`);
  }
  const mfaSerial = setup.requireMfa ? request.mfaSerial : undefined;
  if (setup.requireMfa && !mfaSerial) {
    notes.push(`The customer’s role requires MFA: add your MFA device to ${request.sourceProfile} or to this profile, or AWS will refuse every session.`);
  }
  const candidate = {
    name: request.profileName,
    source: request.sourceProfile,
    roleArn: request.roleArn,
    externalId: setup.externalId,
    durationSeconds,
    region: setup.region,
    label: setup.customerName,
    ...(mfaSerial ? { mfaSerial } : {}),
  };
  const parsed = AddRoleInputSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, issues: setupIssuesOf(parsed.error.issues) };
  }
  return { ok: true, input: parsed.data, notes };
}
