import { describe, expect, it } from 'vitest';
import type { OnboardingProgress, VerifyFailure } from '../../../../../shared/domain/onboarding';
import { OnboardingProgressSchema } from '../../../../../shared/domain/onboarding';
import { advanceOnboarding, INITIAL_PROGRESS, type OnboardingEvent } from '../../../../../shared/logic/onboarding/onboarding-progress';

const ROLE = 'arn:aws:iam::222222222222:role/RoledeckAccess';
const OTHER = 'arn:aws:iam::222222222222:role/Other';
const FAILURE: VerifyFailure = { at: 3000, kinds: ['trust-changed', 'role-deleted'], headline: 'RoledeckAccess no longer lets us in', explanation: '…' };

const created: OnboardingProgress = { status: 'role-created', roleArn: ROLE };
const verified: OnboardingProgress = { status: 'verified', roleArn: ROLE, lastVerifiedAt: 1000 };
const failedAfterWorking: OnboardingProgress = { status: 'role-created', roleArn: ROLE, lastVerifiedAt: 1000, lastFailure: FAILURE };

describe('onboarding status: invited → role-created → verified', () => {
  it.each<{ name: string; from: OnboardingProgress; event: OnboardingEvent; to: OnboardingProgress }>([
    { name: 'the customer sends the role back', from: INITIAL_PROGRESS, event: { type: 'role-reported', roleArn: ROLE }, to: created },
    { name: 'access works', from: created, event: { type: 'access-verified', at: 1000 }, to: verified },
    { name: 'verify all again later', from: verified, event: { type: 'access-verified', at: 2000 }, to: { ...verified, lastVerifiedAt: 2000 } },
    { name: 'access stops working: back to role-created, keeping when it last worked', from: verified, event: { type: 'access-failed', failure: FAILURE }, to: failedAfterWorking },
    { name: 'access works again: the failure is cleared', from: failedAfterWorking, event: { type: 'access-verified', at: 4000 }, to: { ...verified, lastVerifiedAt: 4000 } },
    { name: 'a first test fails', from: created, event: { type: 'access-failed', failure: FAILURE }, to: { ...created, lastFailure: FAILURE } },
    { name: 'the customer sends another role: it must be tested again', from: verified, event: { type: 'role-reported', roleArn: OTHER }, to: { status: 'role-created', roleArn: OTHER, lastVerifiedAt: 1000 } },
    { name: 'a new setup goes out: start over', from: failedAfterWorking, event: { type: 'setup-reissued' }, to: INITIAL_PROGRESS },
  ])('$name', ({ from, event, to }) => {
    const result = advanceOnboarding(from, event);
    expect(result).toEqual({ ok: true, progress: to });
    if (result.ok) expect(OnboardingProgressSchema.safeParse(result.progress).success).toBe(true);
  });

  it.each<OnboardingEvent>([
    { type: 'access-verified', at: 1 },
    { type: 'access-failed', failure: FAILURE },
  ])('cannot test access before the customer sent a role ($type)', (event) => {
    expect(advanceOnboarding(INITIAL_PROGRESS, event)).toEqual({ ok: false, message: expect.stringMatching(/paste the account ID or role ARN the customer sent first/) });
  });
});
