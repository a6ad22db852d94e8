import type { OnboardingProgress, VerifyFailure } from '../../domain/onboarding';

/**
 * A customer's onboarding moves invited → role-created → verified. "Verified" means access works
 * now: a later failed test moves it back to role-created with the failure, keeping when it last
 * worked. Pure: the caller passes the time with each event.
 */

export type OnboardingEvent =
  /** The customer sent back their account ID or role ARN (parseCustomerReply). */
  | { type: 'role-reported'; roleArn: string }
  /** An access test succeeded. */
  | { type: 'access-verified'; at: number }
  /** An access test failed (classifyVerifyFailure). */
  | { type: 'access-failed'; failure: VerifyFailure }
  /** A new setup (new ExternalId) went to the customer: their role must be set up again, from the start. */
  | { type: 'setup-reissued' };

export type ProgressResult = { ok: true; progress: OnboardingProgress } | { ok: false; message: string };

export const INITIAL_PROGRESS: OnboardingProgress = { status: 'invited' };

function withoutFailure(progress: OnboardingProgress): OnboardingProgress {
  const { lastFailure: _dropped, ...rest } = progress;
  return rest;
}

export function advanceOnboarding(progress: OnboardingProgress, event: OnboardingEvent): ProgressResult {
  switch (event.type) {
    case 'role-reported':
      // Also from verified: the customer recreated the role or sent another one; it needs a new test.
      return { ok: true, progress: { ...withoutFailure(progress), status: 'role-created', roleArn: event.roleArn } };
    case 'access-verified':
      if (!progress.roleArn) return { ok: false, message: 'There is no role to verify yet: paste the account ID or role ARN the customer sent first.' };
      return { ok: true, progress: { ...withoutFailure(progress), status: 'verified', lastVerifiedAt: event.at } };
    case 'access-failed':
      if (!progress.roleArn) return { ok: false, message: 'There is no role to test yet: paste the account ID or role ARN the customer sent first.' };
      return { ok: true, progress: { ...progress, status: 'role-created', lastFailure: event.failure } };
    case 'setup-reissued':
      return { ok: true, progress: INITIAL_PROGRESS };
  }
}
