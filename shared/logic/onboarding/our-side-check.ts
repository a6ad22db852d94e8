import type { PolicySimulationResult } from '../../domain/iam';
import type { OurSideCheck } from '../../domain/onboarding-view';

/**
 * Our side of the trust: may our identity call sts:AssumeRole on the customer's role at all? IAM's
 * policy simulator (SimulatePrincipalPolicy) evaluates our identity policies, permissions boundary
 * and SCPs for that action and resource. It cannot see the customer's trust policy, which lives in
 * their account: "allowed" here means only that nothing on our side stands in the way.
 */

const ASSUMED_ROLE = /^arn:(aws|aws-cn|aws-us-gov):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/[^/]+$/;
const USER_OR_ROLE = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:(user|role)\//;
const ROOT = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:root$/;

/** The ARN whose policies the simulator evaluates for an identity GetCallerIdentity reported, or why there is none. */
export function simulationSubject(identityArn: string): { ok: true; arn: string } | { ok: false; headline: string; explanation: string } {
  if (USER_OR_ROLE.test(identityArn)) return { ok: true, arn: identityArn };
  const assumed = ASSUMED_ROLE.exec(identityArn);
  // A session's policies are its role's (plus any session policy, which the simulator cannot see).
  if (assumed) return { ok: true, arn: `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` };
  if (ROOT.test(identityArn)) {
    return {
      ok: false,
      headline: 'The root user cannot assume roles',
      explanation: `${identityArn} is the account’s root user, and AWS refuses AssumeRole signed with root credentials. Use an IAM user for the customer’s role.`,
    };
  }
  return {
    ok: false,
    headline: 'Not checked: this identity has no policies IAM can simulate',
    explanation: `${identityArn} is neither an IAM user nor a role session (a federated user, say), so IAM’s policy simulator cannot evaluate it. Attach the policy above to whatever grants its permissions.`,
  };
}

function describeDenial(result: PolicySimulationResult, principalArn: string, resource: string): string {
  if (result.decision === 'explicitDeny') {
    return `A Deny statement${result.matchedPolicies.length ? ` in ${result.matchedPolicies.join(', ')}` : ''} stops ${principalArn} calling sts:AssumeRole on ${resource}. Remove that Deny, or exempt the customer’s role from it.`;
  }
  if (result.allowedByOrganizations === false) {
    return `A service control policy of our organization stops ${principalArn} calling sts:AssumeRole on ${resource}. Ask whoever runs our AWS Organization to allow it.`;
  }
  if (result.allowedByPermissionsBoundary === false) {
    return `The permissions boundary of ${principalArn} does not allow sts:AssumeRole on ${resource}. Add it to the boundary as well as to the user’s policies.`;
  }
  const missing = result.missingContextKeys.length ? ` (The simulation had no value for ${result.missingContextKeys.join(', ')}; a condition on it may decide.)` : '';
  return `No policy of ${principalArn} allows sts:AssumeRole on ${resource}. Attach the policy above to it.${missing}`;
}

/** What the simulator decided, in plain words. */
export function ourSideFromResults(results: readonly PolicySimulationResult[], context: { principalArn: string; resource: string }): OurSideCheck {
  const { principalArn, resource } = context;
  const result = results.find((candidate) => candidate.action.toLowerCase() === 'sts:assumerole') ?? results[0];
  if (!result) {
    return { state: 'unchecked', headline: 'Not checked: IAM returned no result', explanation: 'IAM’s policy simulator answered without a decision. Check by hand that the policy above is attached.', principalArn, resource };
  }
  if (result.decision === 'allowed') {
    return {
      state: 'allowed',
      headline: 'Our side allows it',
      explanation: `${principalArn} may call sts:AssumeRole on ${resource}${result.matchedPolicies.length ? ` (through ${result.matchedPolicies.join(', ')})` : ''}. Whether the role lets us in is up to its trust policy, in the customer’s account.`,
      principalArn,
      resource,
    };
  }
  return { state: 'denied', headline: 'Our side does not allow it yet', explanation: describeDenial(result, principalArn, resource), principalArn, resource };
}

/** Why the simulation could not run, and what that leaves to check by hand. */
export function ourSideNotChecked(failure: { code: string; httpStatus?: number | undefined; message: string }, context: { principalArn: string; resource: string }): OurSideCheck {
  const { principalArn, resource } = context;
  const byHand = 'Check by hand that the policy above is attached to it.';
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(failure.code)) {
    return {
      state: 'unchecked',
      headline: 'Not checked: we may not run IAM’s policy simulator',
      explanation: `Our profile is not allowed iam:SimulatePrincipalPolicy on ${principalArn}, so IAM cannot tell whether it may assume the role. Allow that action for the check, or ${byHand.charAt(0).toLowerCase()}${byHand.slice(1)}`,
      principalArn,
      resource,
    };
  }
  if (/NotImplemented/i.test(failure.code) || failure.httpStatus === 500 || failure.httpStatus === 501) {
    return {
      state: 'unchecked',
      headline: 'Not checked: the IAM endpoint cannot simulate policies',
      explanation: `The IAM endpoint in use did not answer SimulatePrincipalPolicy (local emulators such as moto do not implement it). ${byHand}`,
      principalArn,
      resource,
    };
  }
  return {
    state: 'unchecked',
    headline: 'Not checked: IAM’s policy simulator failed',
    explanation: `${failure.code}: ${failure.message.slice(0, 300)}. ${byHand}`,
    principalArn,
    resource,
  };
}
