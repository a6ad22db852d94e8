import type { AccessCause } from '../../domain/session';
import type { VerifyFailure, VerifyFailureKind } from '../../domain/onboarding';
import { diagnoseAccess, principalFromMessage, type AccessStep } from '../access-diagnosis';

/**
 * "Verify all" tests every customer's role and says, per customer, what broke — in the words the
 * customer's admin would use: the role was deleted, its trust changed, the ExternalId changed, it
 * now requires MFA, its maximum session got shorter.
 *
 * AWS answers a deleted role, a trust policy that no longer names us, a different ExternalId and a
 * new MFA condition with the same AccessDenied on sts:AssumeRole, so the error alone cannot tell
 * them apart. What can: whether access ever worked (if not, the setup is unfinished), whether our
 * own ExternalId changed since, and whether a retry with an MFA session succeeds. Everything else
 * is left to diagnoseAccess (keys, clock, network, our own policies), which this builds on.
 */

export interface VerifyAttempt {
  step: AccessStep;
  code: string;
  message: string;
  at: number;
  /** When access last worked (OnboardingProgress.lastVerifiedAt); absent if it never did. */
  lastVerifiedAt?: number | undefined;
  /** Our side changed the profile's ExternalId since access last worked. */
  externalIdChangedSinceVerified?: boolean | undefined;
  /** The same AssumeRole retried with an MFA session: success proves the role now requires MFA. */
  mfaRetry?: 'succeeded' | 'failed' | undefined;
  /** Whether the trust policy names our IAM user (not the whole account): adds the recreated-user hint. */
  trustsUser?: boolean | undefined;
}

const OUR_SIDE: ReadonlySet<AccessCause> = new Set([
  'keys-invalid',
  'session-expired',
  'clock-skew',
  'network',
  'region-disabled',
  'permissions',
  'cancelled',
  'mfa-code',
  'mfa-required',
  'role-not-allowed',
]);

const ROLE_MAX_DURATION = /MaxSessionDuration/i;

const WORDS: Record<Exclude<VerifyFailureKind, 'our-side' | 'unknown' | 'not-set-up'>, string> = {
  'role-deleted': 'the role was deleted',
  'trust-changed': 'its trust policy no longer names us',
  'external-id-changed': 'its ExternalId differs from ours',
  'mfa-now-required': 'it now requires MFA, which this profile does not use',
  'max-session-lowered': 'its maximum session duration was lowered',
};

function roleName(roleArn: string | undefined): string {
  return roleArn ? roleArn.slice(roleArn.lastIndexOf('/') + 1) : 'the role';
}

function failure(attempt: VerifyAttempt, kinds: VerifyFailureKind[], headline: string, explanation: string): VerifyFailure {
  return { at: attempt.at, kinds, headline, explanation };
}

function customerSideChanged(attempt: VerifyAttempt): VerifyFailure {
  const { step } = attempt;
  const name = roleName(step.roleArn);
  const principal = principalFromMessage(attempt.message) ?? 'our IAM user';
  const kinds: VerifyFailureKind[] = ['trust-changed', 'role-deleted', 'external-id-changed'];
  if ((step.mfa === 'none' || step.mfa === undefined) && attempt.mfaRetry !== 'failed') kinds.push('mfa-now-required');
  const causes = kinds.map((kind) => WORDS[kind as keyof typeof WORDS]);
  const listed = `${causes.slice(0, -1).join(', ')} or ${causes.at(-1)}`;
  const recreatedUser = attempt.trustsUser
    ? ' If our IAM user was deleted and created again, their trust policy now shows an ID (AIDA…) instead of its ARN: they must put the ARN back.'
    : '';
  return failure(
    attempt,
    kinds,
    `${name} no longer lets us in`,
    `Access worked before and nothing changed on our side, so something changed in the customer’s account: ${listed}. ` +
      `AWS refuses all of these with the same AccessDenied for ${principal}. Ask the customer’s admin to open IAM → Roles → ${name} → ` +
      `Trust relationships and compare it with the trust policy from the setup (or send them the setup again).${recreatedUser}`,
  );
}

/** What a failed access test means for this customer, most likely cause first. */
export function classifyVerifyFailure(attempt: VerifyAttempt): VerifyFailure {
  const { step } = attempt;
  const diagnosis = diagnoseAccess(step, attempt.code, attempt.message);
  const name = roleName(step.roleArn);
  const worked = attempt.lastVerifiedAt !== undefined;

  if (OUR_SIDE.has(diagnosis.cause)) return failure(attempt, ['our-side'], 'The problem is on our side', diagnosis.explanation);

  if (diagnosis.cause === 'duration' && ROLE_MAX_DURATION.test(attempt.message) && worked) {
    return failure(
      attempt,
      ['max-session-lowered'],
      `${name}’s maximum session duration was lowered`,
      `${diagnosis.explanation} Access worked before with this duration, so the customer lowered the role’s limit.`,
    );
  }
  if (diagnosis.cause === 'duration') return failure(attempt, ['our-side'], 'The session duration is too long', diagnosis.explanation);

  const trustRefused = step.operation === 'AssumeRole' && (diagnosis.cause === 'trust-policy' || diagnosis.cause === 'external-id');
  if (!trustRefused) return failure(attempt, ['unknown'], `Access to ${name} failed`, diagnosis.explanation);

  if (attempt.mfaRetry === 'succeeded') {
    return failure(
      attempt,
      ['mfa-now-required'],
      `${name} now requires MFA`,
      `The role let us in with an MFA session but not without one: the customer added an MFA condition to its trust policy. Add your MFA device to ${step.profileName} (or its source profile) so Roledeck asks for a code.`,
    );
  }
  if (!worked) {
    return failure(attempt, ['not-set-up'], `${name} does not let us in yet`, `${diagnosis.explanation} Access has never worked for this customer: check they finished every step of the setup.`);
  }
  if (attempt.externalIdChangedSinceVerified) {
    return failure(
      attempt,
      ['external-id-changed'],
      'Our ExternalId for this customer changed',
      `The ExternalId in ${step.profileName} changed after access last worked, and the customer’s trust policy still has the old one. Send them the new setup, or put the old ExternalId back in the profile.`,
    );
  }
  return customerSideChanged(attempt);
}
