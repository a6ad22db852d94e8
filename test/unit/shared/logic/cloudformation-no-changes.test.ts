import { describe, expect, it } from 'vitest';
import { isNoChangesReason, isNoUpdatesError } from '../../../../shared/logic/cloudformation-no-changes';

describe('CloudFormation "no changes"', () => {
  it('recognises the FAILED change set reason in both of AWS’s phrasings', () => {
    expect(isNoChangesReason("The submitted information didn't contain changes. Submit different information to create a change set.")).toBe(true);
    expect(isNoChangesReason('No updates are to be performed.')).toBe(true);
  });

  it('does not take a real failure, or no reason at all, for "no changes"', () => {
    expect(isNoChangesReason('Template format error: Unresolved resource dependencies [Bucket] in the Resources block of the template')).toBe(false);
    expect(isNoChangesReason(undefined)).toBe(false);
  });

  it('recognises the ValidationError an update without changes gets, and only that error', () => {
    expect(isNoUpdatesError('ValidationError', 'No updates are to be performed.')).toBe(true);
    expect(isNoUpdatesError('ValidationError', 'Stack with id x does not exist')).toBe(false);
    expect(isNoUpdatesError('AccessDenied', 'No updates are to be performed.')).toBe(false);
  });
});
