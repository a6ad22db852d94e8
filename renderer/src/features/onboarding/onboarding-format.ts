import type { OnboardingStatus } from '../../../../shared/domain/onboarding';
import type { OnboardingView } from '../../../../shared/domain/onboarding-view';
import { STATUS_WORDS } from '../../../../shared/logic/onboarding/customer-onboarding';

/** Words and states the onboarding views share. */

export const STEPS = [
  { id: 'setup', label: 'Set up the role' },
  { id: 'hand-over', label: 'Hand it over' },
  { id: 'our-side', label: 'Our side' },
  { id: 'verify', label: 'Access verified' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

export function statusWords(status: OnboardingStatus): string {
  return STATUS_WORDS[status];
}

export function statusBadge(status: OnboardingStatus): string {
  return status === 'verified' ? 'badge badge--ok' : status === 'role-created' ? 'badge badge--role' : 'badge badge--neutral';
}

/** Which steps are behind the customer: set up once there is a setup, handed over once the role was reported, verified once access worked. */
export function stepsDone(view: OnboardingView | undefined): ReadonlySet<StepId> {
  const done = new Set<StepId>();
  if (!view?.setup) return done;
  done.add('setup');
  if (view.status !== 'invited') done.add('hand-over');
  if (view.status === 'verified') {
    done.add('our-side');
    done.add('verify');
  }
  return done;
}

/** Where to open a customer: the first step not done yet. */
export function nextStep(view: OnboardingView | undefined): StepId {
  const done = stepsDone(view);
  if (!done.has('setup')) return 'setup';
  if (!done.has('hand-over')) return 'hand-over';
  return 'verify';
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function whenText(epochMs: number): string {
  return dateTime.format(new Date(epochMs));
}

/** The day only, for a narrow column; the time is in the row's accessible name. */
export function dayText(epochMs: number): string {
  return dateOnly.format(new Date(epochMs));
}

export function hoursText(seconds: number): string {
  const hours = seconds / 3600;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} hour${hours === 1 ? '' : 's'}`;
}
